// Ad-hoc: the slowest benchmark queries (median CPU time of 5 runs each; wall time is noisy on a busy machine).
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { readImportFile } from "../src/layers/index/readImportFile.js"
import { benchQueries, parseDev } from "./search-queries.js"
import { openIndexReader } from "../src/layers/index/openIndex.js"
const path = process.argv[2] ?? "/tmp/ixw/index.bin"
Effect.runPromise(readImportFile("../shared/data/nixpkgs-channel-2020.json.gz")).then(({ records }) => {
  const qs = benchQueries(records, parseDev(readFileSync("../shared/corpus/search-dev.tsv", "utf8")))
  const r = openIndexReader(path)
  for (const q of qs) r.search(q, 20)
  const rows = qs.map((q) => {
    const ts: Array<number> = []
    for (let i = 0; i < 5; i++) {
      const c = process.cpuUsage()
      for (let k = 0; k < 10; k++) r.search(q, 20)
      const d = process.cpuUsage(c)
      ts.push((d.user + d.system) / 10 / 1000)
    }
    return { q, t: ts.sort((a, b) => a - b)[2]! }
  }).sort((a, b) => b.t - a.t)
  for (const x of rows.slice(0, 20)) console.log(x.t.toFixed(2).padStart(7), JSON.stringify(x.q.slice(0, 50)))
  const all = rows.map((x) => x.t).sort((a, b) => a - b)
  console.log("median", all[Math.floor(all.length / 2)]!.toFixed(2), "p99", all[Math.floor(all.length * 0.99)]!.toFixed(2))
})
