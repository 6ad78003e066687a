// Ad-hoc timing of query kinds, warm (median of 20 runs). Not part of the benchmark.
import { IndexReader } from "../src/index/IndexReader.js"
const path = process.argv[2] ?? "/tmp/ixw/index.bin"
const r = IndexReader.open(path)
const qs = process.argv.length > 3 ? process.argv.slice(3) : ["git", "fierfox", "ngnix", "krta", "image viewer", "backup tool", "pdf", "firewall", "spreadsheet", "c compiler", "lib", "a", "x".repeat(10000), "foo bar baz qux quux corge grault garply waldo fred plugh xyzzy thud", "python3Packages.requests", "python requests"]
for (let round = 0; round < 2; round++) {
  for (const q of qs) {
    const ts: Array<number> = []
    let h = r.search(q, 5)
    for (let i = 0; i < 20; i++) { const t = performance.now(); h = r.search(q, 5); ts.push(performance.now() - t) }
    ts.sort((a, b) => a - b)
    if (round === 1) console.log(q.slice(0, 30).padEnd(30), ts[0]!.toFixed(2), ts[10]!.toFixed(2), h.total, h.hits.map((x) => x.attrPath).join(" "))
  }
}
