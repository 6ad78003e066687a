/**
 * Ranked search over an open index (the policy lives in rank.ts): name matches (exact, prefix, typo),
 * word coverage over names and descriptions (matches.ts), then a rerank of the best candidates with
 * bonuses that need the text (phrases, the set a query names). Work arrays are reused and reset.
 */
import { Flag } from "./format.js"
import type { IndexReader } from "./IndexReader.js"
import { nameMatches, type Touch, typoMatches, wordMatches } from "./matches.js"
import { queryNamesSet, Score, wordComponent } from "./rank.js"
import { makeScope } from "./SetScope.js"
import { MAX_QUERY_CHARS, normalizeQuery, textWords } from "./text.js"

const MAX_TOKENS = 12
const RERANK = 300

export interface Ranked {
  readonly id: number
  readonly score: number
}

/** "python requests" names python3Packages.requests: the words left after the set's are its last segment. */
const leafNamed = (q: string, attrPath: string): boolean => {
  const dot = attrPath.indexOf(".")
  const set = attrPath.slice(0, dot).toLowerCase()
  const leaf = attrPath.slice(attrPath.lastIndexOf(".") + 1).toLowerCase()
  const rest = q.split(" ").filter((w) => !(w.length >= 3 && (set.startsWith(w) || w.startsWith(set))))
  return rest.length > 0 && rest.length < q.split(" ").length && (rest.join("-") === leaf || rest.join("") === leaf)
}

/** Query words for word matching (stemmed, no stop words, at most MAX_TOKENS, no repeats). */
export const queryTokens = (q: string): Array<string> => [...new Set(textWords(q))].slice(0, MAX_TOKENS)

export const searchIndex = (r: IndexReader, query: string, limit: number): { ranked: Array<Ranked>; total: number } => {
  const q = normalizeQuery(query)
  if (q === "" || limit <= 0) return { ranked: [], total: 0 }
  const s = r.scratch
  const touched: Array<number> = []
  const touch: Touch = (id) => {
    if (s.seen[id] === 0) { s.seen[id] = 1; touched.push(id) }
  }
  try {
    const spaced = q.includes(" ")
    const dot = spaced ? -1 : q.lastIndexOf(".")
    const scope = makeScope(r, q, dot)
    const leaf = q.slice(dot + 1)
    const variants = spaced ? [...new Set([q.replace(/ /g, "-"), q.replace(/ /g, "")])] : [leaf]
    const names = nameMatches(r, variants, spaced, scope, touch)
    // Typos only when nothing is called that; short words that start names are prefixes, not typos ("vpn").
    if (!names.exact && !spaced && leaf.length <= MAX_QUERY_CHARS / 4 && (names.prefixes === 0 || leaf.length >= 5)) {
      typoMatches(r, leaf, scope, touch)
    }
    // A dotted query names its set through `scope`; its words come from the leaf ("python3packages.requests").
    const tokens = queryTokens(scope === undefined ? q : leaf)
    // Misspelt words are looked up in descriptions when the query has several, or nothing is named like it.
    const idfTotal = wordMatches(r, tokens, touch, tokens.length > 1 || touched.length === 0)
    const prior = r.prior
    const flags = r.flags
    const prelim = new Float64Array(touched.length)
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i]!
      // Other paths to a package already listed are left out (unless this exact path was asked for).
      prelim[i] = flags[id]! & Flag.duplicate && s.name[id]! < Score.exactAttrPath ? -Infinity
        : s.name[id]! + Score.words * wordComponent(s.words[id]!, idfTotal, s.matched[id]!, tokens.length) + prior[id]!
    }
    let total = 0
    for (const id of touched) if (!(flags[id]! & Flag.duplicate)) total++
    // Rerank only what the text bonuses could still lift into the first `limit` (and at most RERANK).
    const phrase = spaced && tokens.length >= 2 ? q.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).join(" ") : ""
    // The most the text bonuses below can add to one package.
    const nestedBonus = Score.setNamed + (spaced ? Score.leafNamed : 0)
    const textBonus = (phrase !== "" ? Score.phrase + Score.phraseIsHead : 0) + (tokens.length > 0 ? Score.descriptionStarts : 0)
    const bound = (id: number) => (flags[id]! & Flag.nested ? nestedBonus : 0) + (s.matched[id]! > 0 ? textBonus : 0)
    let kth = -Infinity
    let floor = -Infinity
    if (prelim.length > limit) {
      const sorted = Float64Array.from(prelim).sort()
      kth = sorted[prelim.length - limit]!
      if (prelim.length > RERANK) floor = sorted[prelim.length - RERANK]!
    }
    const candidates: Array<Ranked & { path: string }> = []
    for (let i = 0; i < touched.length; i++) {
      if (prelim[i]! === -Infinity || prelim[i]! < floor) continue
      const id = touched[i]!
      if (prelim[i]! + bound(id) < kth) continue
      const path = r.str("attrPath", id)
      let score = prelim[i]!
      if (flags[id]! & Flag.nested && queryNamesSet(tokens, path)) {
        score += Score.setNamed
        if (spaced && leafNamed(q, path)) score += Score.leafNamed
      }
      if (tokens.length > 0 && s.matched[id]! > 0) {
        const desc = r.str("description", id).toLowerCase()
        if (phrase !== "" && desc.includes(phrase)) {
          score += Score.phrase
          if (desc.replace(/[.\s]+$/, "").endsWith(phrase)) score += Score.phraseIsHead
        }
        if (desc.replace(/^(?:an? |the )/, "").startsWith(tokens[0]!)) score += Score.descriptionStarts
      }
      candidates.push({ id, score, path })
    }
    candidates.sort((a, b) =>
      b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    // Found by words alone, variants of one program (w3m, w3m-nox, w3m-full: same pname and description)
    // would crowd the list: keep the best of them. Name matches stay (the user asked for that name).
    const ranked: Array<Ranked> = []
    const seenVariants = new Set<string>()
    for (const c of candidates) {
      if (ranked.length >= limit) break
      if (s.name[c.id] === 0) {
        const key = `${r.str("pname", c.id)}\u0000${r.str("description", c.id)}`
        if (seenVariants.has(key)) continue
        seenVariants.add(key)
      }
      ranked.push({ id: c.id, score: c.score })
    }
    return { ranked, total }
  } finally {
    for (const id of touched) {
      s.seen[id] = 0; s.name[id] = 0; s.words[id] = 0; s.matched[id] = 0; s.best[id] = 0
    }
  }
}
