// Ad-hoc (tuning, dev queries only): the score parts of the first N results of one query and of named packages.
//   node bench/bundled.mjs bench/search-why.ts INDEX QUERY [N] [ATTRPATH...]
import { type ScoreParts, queryTokens, searchIndex } from "../src/domain/index/search.js"
import { openIndexReader } from "../src/layers/index/openIndex.js"
const [path, q, n, ...watch] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 8), ...process.argv.slice(5)]
const r = openIndexReader(path)
const parts = new Map<number, ScoreParts>()
const { ranked } = searchIndex(r, q, 300, (id, p) => parts.set(id, p))
console.log(`"${q}" tokens ${queryTokens(q).join(",")}; related: ${queryTokens(q).map((t) => `${t}->${r.relatedWords(t).slice(0, 8).join("/")}`).join("; ")}`)
ranked.forEach((h, i) => {
  const p = r.str("attrPath", h.id)
  if (i >= n && !watch.includes(p)) return
  const s = parts.get(h.id)
  const f = s ? `n${Math.round(s.name)} w${Math.round(s.words)} pr${s.prior} po${Math.round(s.popularity)}/${r.popularity[h.id]} lib${s.library} t${Math.round(s.text)}` : ""
  console.log(String(i + 1).padStart(3), String(Math.round(h.score)).padStart(5), p.padEnd(30), f.padEnd(40), r.str("description", h.id).slice(0, 60))
})
for (const w of watch) if (!ranked.some((h) => r.str("attrPath", h.id) === w)) console.log(`    ${w}: not in the first 300`)
