// Relevance of any TSV (query<TAB>accepted|paths) against an index: success@5, MRR, and each query's top 5.
import { readFileSync } from "node:fs"
import { parseDev } from "./search-queries.js"
import { openIndexReader } from "../src/layers/index/openIndex.js"
const [index, tsv] = [process.argv[2]!, process.argv[3]!]
const r = openIndexReader(index)
let ok = 0
let mrr = 0
const qs = parseDev(readFileSync(tsv, "utf8"))
for (const { query, accept } of qs) {
  const hits = r.search(query, 5).hits
  const rank = hits.findIndex((h) => accept.has(h.attrPath))
  if (rank >= 0) { ok++; mrr += 1 / (rank + 1) }
  console.log(rank >= 0 ? `ok ${rank + 1}` : "MISS", query.padEnd(20), hits.map((h) => h.attrPath).join(" "))
}
console.log(`success@5 ${(ok / qs.length).toFixed(3)}  MRR ${(mrr / qs.length).toFixed(3)}  (${qs.length} queries)`)
