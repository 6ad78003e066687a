import { Effect } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import { readImportFile } from "../src/index/readImportFile.js"
import { serializeIndex } from "../src/index/serializeIndex.js"
import { IndexReader } from "../src/index/IndexReader.js"
const path = "/tmp/ixw/index.bin"
if (process.argv[2] === "build") {
  let t = performance.now()
  const res = await Effect.runPromise(readImportFile("/work/shared/data/nixpkgs-channel-2020.json.gz"))
  console.log("import", performance.now() - t); t = performance.now()
  const buf = serializeIndex(res.records, { source: "x", revision: null, builtAt: new Date().toISOString(), buildMs: 0, skipped: res.skipped })
  console.log("serialize", performance.now() - t, buf.length)
  writeFileSync(path, buf)
}
const r = IndexReader.open(path)
const lines = readFileSync("/work/shared/corpus/search-dev.tsv", "utf8").split("\n").filter((l) => l && !l.startsWith("#"))
let ok = 0, mrr = 0
for (const l of lines) {
  const [q, acc] = l.split("\t")
  const set = new Set(acc!.split("|"))
  const t = performance.now()
  const hits = r.search(q!, 5).hits
  const dt = performance.now() - t
  const rank = hits.findIndex((h) => set.has(h.attrPath))
  if (rank >= 0) { ok++; mrr += 1 / (rank + 1) }
  console.log(rank >= 0 ? "OK  " : "MISS", q, dt.toFixed(2), hits.map((h) => `${h.attrPath}(${h.score})`).join(" "))
}
console.log("success@5", ok / lines.length, "MRR", mrr / lines.length)
