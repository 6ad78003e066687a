// Ad-hoc: top N results of one query with scores (for tuning the ranking), and where the packages named
// after it rank. Not part of the benchmark.
//   node bench/bundled.mjs bench/search-explain.ts INDEX QUERY [N] [ATTRPATH...]
import { openIndexReader } from "../src/layers/index/openIndex.js"
const [path, q, n, ...watch] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 15), ...process.argv.slice(5)]
const r = openIndexReader(path)
const hits = r.search(q, 300).hits
hits.forEach((h, i) => {
  if (i >= n && !watch.includes(h.attrPath)) return
  const id = r.findExactAttrPath(h.attrPath)!
  console.log(String(i + 1).padStart(3), String(h.score).padStart(5), String(r.prior[id]).padStart(4), String(r.popularity[id]).padStart(4), h.attrPath.padEnd(36), (h.description ?? "").slice(0, 70))
})
for (const w of watch) if (!hits.some((h) => h.attrPath === w)) console.log(`    ${w}: not in the first 300`)
