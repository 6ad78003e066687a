// Ad-hoc: top N results of one query with scores (for tuning the ranking). Not part of the benchmark.
import { openIndexReader } from "../src/layers/index/openIndex.js"
const [path, q, n] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 15)]
const r = openIndexReader(path)
for (const h of r.search(q, n).hits) {
  const id = r.findExactAttrPath(h.attrPath)!
  console.log(String(h.score).padStart(5), String(r.prior[id]).padStart(4), h.attrPath.padEnd(36), (h.description ?? "").slice(0, 70))
}
