/** Did-you-mean over an open index: names within a few edits of a word, and names it starts. */
import { osaDistanceIn } from "../domain/osa.js"
import { Flag, POSTING_SHIFT } from "./format.js"
import type { IndexReader } from "./IndexReader.js"
import { maxTypos, prefixScore, typoScore } from "./rank.js"
import { inScope, makeScope } from "./SetScope.js"
import { normalizeQuery } from "./text.js"
import { forEachTypoCandidate } from "./typoCandidates.js"

/** Did-you-mean: names close to `name` (typos and prefixes), best first, as attribute paths. */
export const suggestNames = (r: IndexReader, name: string, limit: number, maxEdits?: number): Array<string> => {
  const q = normalizeQuery(name).replace(/ /g, "-")
  if (q === "" || limit <= 0 || q.length > 100) return []
  const keys = r.keys
  const dot = q.lastIndexOf(".")
  const scope = makeScope(r, q, dot)
  const leaf = q.slice(dot + 1)
  if (leaf === "") return []
  const best = new Map<number, number>()
  const give = (id: number, score: number) => {
    if (r.flags[id]! & Flag.duplicate || !inScope(scope, id)) return
    if (score > (best.get(id) ?? -Infinity)) best.set(id, score)
  }
  const max = Math.max(1, Math.min(maxEdits ?? Infinity, maxTypos(leaf.length)))
  const terms = keys.terms
  const off = keys.termOff
  forEachTypoCandidate(keys, leaf, max, (i) => {
    const d = osaDistanceIn(leaf, terms, off[i]!, off[i + 1]!, max)
    if (d > max || keys.term(i).includes(".")) return
    for (const p of keys.postings(i)) give(p >>> POSTING_SHIFT, typoScore(d))
  })
  const [from, to] = keys.prefixRange(leaf)
  for (let i = from; i < Math.min(to, from + 200); i++) {
    const t = keys.term(i)
    if (t.includes(".")) continue
    for (const p of keys.postings(i)) give(p >>> POSTING_SHIFT, prefixScore(leaf.length, t.length))
  }
  // Ranked by score, then shorter attribute path, then the path itself. Ids are in attribute-path
  // order (serializeIndex sorts the records, and paths are unique), so the id breaks the last tie, and
  // only the winners' paths are decoded; the candidates tied at the cut need their path's length only.
  const scored = [...best].map(([id, score]) => ({ id, score: score + r.prior[id]!, len: 0 }))
  scored.sort((a, b) => b.score - a.score)
  const cut = scored.length > limit ? scored[limit - 1]!.score : -Infinity
  const ranked = scored.filter((x) => x.score >= cut)
  for (const x of ranked) x.len = r.strLength("attrPath", x.id)
  ranked.sort((a, b) => b.score - a.score || a.len - b.len || a.id - b.id)
  return ranked.slice(0, limit).map((x) => r.str("attrPath", x.id))
}
