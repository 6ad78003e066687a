/**
 * Ranked search over an open index (the policy lives in rank.ts): name matches (exact, prefix, typo),
 * word coverage over names and descriptions, then a rerank of the best few hundred with bonuses that
 * need the text (phrases, the set a query names). Work arrays are reused and reset after each query.
 */
import { osaDistance } from "./distance.js"
import { Flag, KeyKind, POSTING_SHIFT, WordField } from "./format.js"
import type { IndexReader } from "./IndexReader.js"
import { EVERYDAY_NAMES, KNOWN_COMMANDS } from "./knownCommands.js"
import { FieldWeight, idf, maxTypos, prefixScore, queryNamesSet, Score, typoScore, wordComponent } from "./rank.js"
import { charMask, MAX_QUERY_CHARS, normalizeQuery, popcount, textWords } from "./text.js"

const MASK = (1 << POSTING_SHIFT) - 1
const NAME_KINDS = KeyKind.pname | KeyKind.last | KeyKind.mainProgram
const PREFIX_TERM_CAP = 3000
const SUBSTRING_CAP = 1500
const MAX_TOKENS = 12
const RERANK = 300

export interface Ranked {
  readonly id: number
  readonly score: number
}

type Touch = (id: number) => void

/** Restricts name matches to one package set when the query is dotted ("python3packages.req"). */
interface SetScope {
  readonly prefix: string
  readonly query: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
}

const makeScope = (r: IndexReader, q: string, dot: number): SetScope | undefined => {
  if (dot <= 0) return undefined
  const prefix = q.slice(0, dot + 1)
  return { prefix, query: q, ranges: r.setRanges(prefix) }
}

const inScope = (scope: SetScope | undefined, id: number): boolean => {
  if (scope === undefined) return true
  for (const [from, to] of scope.ranges) if (id >= from && id < to) return true
  return false
}

/** Exact and prefix matches of whole names; true when some name equals the query exactly. */
const nameMatches = (
  r: IndexReader, variants: ReadonlyArray<string>, joined: boolean, scope: SetScope | undefined, touch: Touch
): { exact: boolean; prefixes: number } => {
  const keys = r.keys
  const name = r.scratch.name
  let exact = false
  let prefixes = 0
  const bump = (id: number, score: number) => {
    if (score > name[id]!) name[id] = score
    touch(id)
  }
  if (scope === undefined) {
    for (const v of variants) {
      for (const attrPath of [...(EVERYDAY_NAMES[v] ?? []), ...(KNOWN_COMMANDS[v] ?? [])]) {
        const id = r.findExactAttrPath(attrPath)
        if (id !== undefined) bump(id, Score.alias)
      }
    }
  }
  for (const v of variants) {
    if (v === "") continue
    const [from, to] = keys.prefixRange(v)
    for (let i = from; i < Math.min(to, from + PREFIX_TERM_CAP); i++) {
      const len = keys.termLength(i)
      const isExact = len === v.length
      // pnames like "python3.7-requests" (nix-env's split) are not prefixes of "python".
      if (!isExact && keys.term(i).includes(".")) continue
      const ps = keys.postings(i)
      for (let k = 0; k < ps.length; k++) {
        const id = ps[k]! >>> POSTING_SHIFT
        const kind = ps[k]! & MASK
        if (!inScope(scope, id)) continue
        if (isExact) {
          exact = true
          const full = scope === undefined ? (kind & KeyKind.attrPath) !== 0
            : r.str("attrPath", id).toLowerCase() === scope.query
          bump(id, joined ? Score.exactJoined : full ? Score.exactAttrPath : Score.exactName)
        } else if (kind & NAME_KINDS) {
          prefixes++
          bump(id, prefixScore(v.length, len))
        }
      }
    }
  }
  return { exact, prefixes }
}

/** Names within a few edits of the query ("fierfox" -> firefox). Only run when nothing matched exactly. */
const typoMatches = (r: IndexReader, q: string, scope: SetScope | undefined, touch: Touch): void => {
  const keys = r.keys
  const name = r.scratch.name
  const max = maxTypos(q.length)
  if (max === 0) return
  const qlen = q.length
  const c0 = q.charCodeAt(0)
  const c1 = q.charCodeAt(1)
  const qmask = charMask(q)
  const masks = keys.masks
  const termOff = keys.termOff
  const terms = keys.terms
  for (const group of keys.byLength(qlen - max, qlen + max)) for (let g = 0; g < group.length; g++) {
    const i = group[g]!
    const at = termOff[i]!
    // Each edit changes at most two characters of the set of characters used: a cheap exact pre-filter.
    if (popcount(masks[i]! ^ qmask) > 2 * max) continue
    const t0 = terms.charCodeAt(at)
    const t1 = terms.charCodeAt(at + 1)
    // A typo rarely touches both of the first two letters; this skips most names cheaply.
    if (t0 !== c0 && t1 !== c1 && !(t0 === c1 && t1 === c0)) continue
    const t = keys.term(i)
    if (t.includes(".")) continue
    const d = osaDistance(q, t, max)
    if (d === 0 || d > max) continue
    const score = typoScore(d)
    const ps = keys.postings(i)
    for (let k = 0; k < ps.length; k++) {
      const id = ps[k]! >>> POSTING_SHIFT
      if (!(ps[k]! & NAME_KINDS) || !inScope(scope, id)) continue
      if (score > name[id]!) name[id] = score
      touch(id)
    }
  }
}

/** Adds each token's best field weight times its idf to scratch.words; returns the idf total. */
const wordMatches = (r: IndexReader, tokens: ReadonlyArray<string>, touch: Touch): number => {
  const { words: table, keys } = r
  const s = r.scratch
  const n = r.size
  const ids = s.ids
  const best = s.best
  const descLen = r.descriptionLengths
  let idfTotal = 0
  for (const t of tokens) {
    let count = 0
    const wi = table.find(t)
    if (wi >= 0) {
      const ps = table.postings(wi)
      for (let k = 0; k < ps.length; k++) {
        const id = ps[k]! >>> POSTING_SHIFT
        const bits = ps[k]! & MASK
        const w = bits & WordField.name ? FieldWeight.nameWord
          : bits & WordField.description ? FieldWeight.description(descLen[id]!)
          : FieldWeight.longDescription
        if (best[id] === 0) ids[count++] = id
        if (w > best[id]!) best[id] = w
      }
    }
    if (t.length >= 3) {
      // Inside names: "office" in libreoffice, "pdf" in mupdf.
      let pos = keys.terms.indexOf(t)
      let hits = 0
      let lastTerm = -1
      while (pos >= 0 && hits < SUBSTRING_CAP) {
        const k = keys.termAt(pos)
        if (k !== lastTerm && pos + t.length <= keys.termOff[k + 1]!) {
          lastTerm = k
          hits++
          const ps = keys.postings(k)
          for (let j = 0; j < ps.length; j++) {
            if (!(ps[j]! & (KeyKind.pname | KeyKind.last))) continue
            const id = ps[j]! >>> POSTING_SHIFT
            if (best[id] === 0) ids[count++] = id
            if (FieldWeight.nameSubstring > best[id]!) best[id] = FieldWeight.nameSubstring
          }
        }
        pos = keys.terms.indexOf(t, pos + 1)
      }
    }
    const w = idf(count, n)
    idfTotal += w
    for (let k = 0; k < count; k++) {
      const id = ids[k]!
      s.words[id] = s.words[id]! + w * best[id]!
      s.matched[id] = s.matched[id]! + 1
      best[id] = 0
      touch(id)
    }
  }
  return idfTotal
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
    const idfTotal = wordMatches(r, tokens, touch)
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
    return { ranked: candidates.slice(0, limit).map(({ id, score }) => ({ id, score })), total }
  } finally {
    for (const id of touched) {
      s.seen[id] = 0; s.name[id] = 0; s.words[id] = 0; s.matched[id] = 0; s.best[id] = 0
    }
  }
}

/** Did-you-mean: names close to `name` (typos and prefixes), best first, as attribute paths. */
export const suggestNames = (r: IndexReader, name: string, limit: number): Array<string> => {
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
  const max = Math.max(1, maxTypos(leaf.length))
  const lmask = charMask(leaf)
  const masks = keys.masks
  for (const group of keys.byLength(leaf.length - max, leaf.length + max)) for (const i of group) {
    if (popcount(masks[i]! ^ lmask) > 2 * max) continue
    const t = keys.term(i)
    if (t.includes(".")) continue
    const d = osaDistance(leaf, t, max)
    if (d > max) continue
    for (const p of keys.postings(i)) give(p >>> POSTING_SHIFT, typoScore(d))
  }
  const [from, to] = keys.prefixRange(leaf)
  for (let i = from; i < Math.min(to, from + 200); i++) {
    const t = keys.term(i)
    if (t.includes(".")) continue
    for (const p of keys.postings(i)) give(p >>> POSTING_SHIFT, prefixScore(leaf.length, t.length))
  }
  const ranked = [...best].map(([id, score]) => ({ id, score: score + r.prior[id]!, path: r.str("attrPath", id) }))
  ranked.sort((a, b) => b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : 1))
  return [...new Set(ranked.map((x) => x.path))].slice(0, limit)
}
