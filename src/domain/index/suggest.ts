/** Did-you-mean over an open index: names within a few edits of a word, and names it starts. */
import { osaMatcher } from "../osa.js"
import { Flag, KeyKind, POSTING_SHIFT } from "./format.js"
import type { IndexReader } from "./IndexReader.js"
import { maxTypos, prefixScore, Score, typoScore } from "./rank.js"
import { inScope, makeScope } from "./SetScope.js"
import { normalizeQuery } from "./text.js"
import { forEachTypoCandidate } from "./typoCandidates.js"

const DOT = ".".charCodeAt(0)

/** The k-th largest of xs (0 < k <= xs.length), duplicates counted: what sorting them would put at xs.length - k. */
export const kthLargest = (xs: ReadonlyArray<number>, k: number): number => {
  if (k > 16) return Float64Array.from(xs).sort()[xs.length - k]!
  // The k largest so far, largest first: a value not above the smallest of them cannot change the answer.
  const top: Array<number> = []
  for (const x of xs) {
    if (top.length === k && !(x > top[k - 1]!)) continue
    let i = top.length === k ? k - 1 : top.length
    while (i > 0 && top[i - 1]! < x) { top[i] = top[i - 1]!; i-- }
    top[i] = x
  }
  return top[k - 1]!
}

/** Did-you-mean: names close to `name` (typos and prefixes), best first, as attribute paths. */
export const suggestNames = (r: IndexReader, name: string, limit: number, maxEdits?: number): Array<string> => {
  const q = normalizeQuery(name).replace(/ /g, "-")
  if (q === "" || limit <= 0 || q.length > 100) return []
  const keys = r.keys
  const dot = q.lastIndexOf(".")
  const scope = makeScope(r, q, dot)
  const leaf = q.slice(dot + 1)
  // (a dotted word whose set the index does not have, "e.g", "i.e": every name would be out of scope, so
  // no scan is made; without this it scanned as long as a one-letter word's, 0.03-0.06 ms)
  if (leaf === "" || (scope !== undefined && scope.ranges.length === 0)) return []
  const best = new Map<number, number>()
  const give = (posting: number, score: number) => {
    // Names only: a command a package probably has is no name to suggest.
    if ((posting & ((1 << POSTING_SHIFT) - 1)) === KeyKind.command) return
    const id = posting >>> POSTING_SHIFT
    if (r.flags[id]! & Flag.duplicate || !inScope(scope, id)) return
    if (score > (best.get(id) ?? -Infinity)) best.set(id, score)
  }
  const max = Math.max(1, Math.min(maxEdits ?? Infinity, maxTypos(leaf.length)))
  const terms = keys.terms
  const off = keys.termOff
  const distance = osaMatcher(leaf, max)
  forEachTypoCandidate(keys, leaf, max, (i) => {
    const d = distance(terms, off[i]!, off[i + 1]!)
    if (d > max || keys.termHas(i, DOT)) return
    const ps = keys.postingsShared(i)
    const score = typoScore(d)
    // (a typo of a pname or program variants share counts less than one of the attribute's own name, as in search)
    for (let k = 0; k < ps.length; k++) give(ps[k]!, ps[k]! & KeyKind.last ? score : score - Score.typoOfSharedName)
  })
  const [from, to] = keys.prefixRange(leaf)
  for (let i = from; i < Math.min(to, from + 200); i++) {
    if (keys.termHas(i, DOT)) continue
    const score = prefixScore(leaf.length, keys.termLength(i))
    const ps = keys.postingsShared(i)
    for (let k = 0; k < ps.length; k++) give(ps[k]!, score)
  }
  // Ranked by score, then shorter attribute path, then the path itself. Ids are in attribute-path
  // order (serializeIndex sorts the records, and paths are unique), so the id breaks the last tie, and
  // only the winners' paths are decoded; the candidates tied at the cut need their path's length only.
  // (scores in a plain array and the cut found by a pass over it: a Float64Array of more than 8 numbers is
  // an ArrayBuffer outside the heap, two per search with its sorted copy, each a slow allocation)
  const n = best.size
  const scores: Array<number> = []
  for (const [id, score] of best) scores.push(score + r.prior[id]! + r.popularity[id]!)
  const cut = n > limit ? kthLargest(scores, limit) : -Infinity
  const ranked: Array<{ id: number; score: number; len: number }> = []
  let k = 0
  for (const id of best.keys()) {
    const score = scores[k++]!
    if (score >= cut) ranked.push({ id, score, len: r.strLength("attrPath", id) })
  }
  ranked.sort((a, b) => b.score - a.score || a.len - b.len || a.id - b.id)
  return ranked.slice(0, limit).map((x) => r.str("attrPath", x.id))
}
