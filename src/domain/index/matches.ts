/**
 * The three ways a package can match a query, each adding to the scratch arrays of the reader:
 * whole names (exact, prefix, everyday names), typos of names, and words in names and descriptions.
 */
import { osaDistance } from "../osa.js"
import { Flag, KeyKind, POSTING_SHIFT, WordField } from "./format.js"
import type { IndexReader } from "./IndexReader.js"
import type { Agent } from "./search.js"
import type { TermTable } from "./TermTable.js"
import { EVERYDAY_NAMES } from "./knownCommands.js"
import { FieldWeight, idf, maxTypos, prefixScore, Score, typoScore } from "./rank.js"
import { inScope, type SetScope } from "./SetScope.js"
import { forEachTypoCandidate } from "./typoCandidates.js"
import { charMask, popcount } from "./text.js"

const MASK = (1 << POSTING_SHIFT) - 1
const NAME_KINDS = KeyKind.pname | KeyKind.last | KeyKind.mainProgram
const PREFIX_TERM_CAP = 3000
const SUBSTRING_CAP = 1500
/**
 * A command counts as a word of a several-word request only when at most this many package texts use the word
 * ("7z": p7zip; not "make", "find", "file", which many texts say and which would bring gnumake, findutils, file).
 * 20 / 200: dev MRR 0.856 / 0.853 ("diff tool", "webcam app" 1 -> 2 at 200).
 */
const COMMAND_WORD_MAX_TEXTS = 20
/** What an add-on's name (exact, prefix, typo) counts less than a program's when its set is not named. */
const ADDON_NAME_LESS = Score.exactName - Score.exactAddonName

export type Touch = (id: number) => void

/** Exact and prefix matches of whole names; true when some name equals the query exactly. */
export const nameMatches = (
  r: IndexReader, variants: ReadonlyArray<string>, joined: boolean, scope: SetScope | undefined, touch: Touch,
  inNamedSet: (id: number) => boolean
): { exact: boolean; prefixes: number } => {
  const keys = r.keys
  const name = r.scratch.name
  let exact = false
  let prefixes = 0
  const bump = (id: number, score: number) => {
    if (score > name[id]!) name[id] = score
    touch(id)
  }
  // An add-on's own name is weaker than a program's, unless its set is named: "profiler" is not rPackages.profileR,
  // "calculator" not rPackages.Calculator_LR_FNs.
  const addonUnasked = (id: number) => scope === undefined && (r.flags[id]! & Flag.addon) !== 0 && !inNamedSet(id)
  if (scope === undefined) {
    for (const v of variants) {
      for (const attrPath of EVERYDAY_NAMES[v] ?? []) {
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
          // A command the package probably has (rg of ripgrep) is almost its name; not so for words joined.
          if (kind === KeyKind.command && (joined || scope !== undefined)) continue
          // Words joined name a package in a set only when the query names the set too: "web server" is not
          // emacsPackages.web-server, "vim fugitive" is vimPlugins.vim-fugitive.
          if (joined && r.flags[id]! & Flag.nested && !inNamedSet(id)) continue
          exact = true
          const full = scope === undefined ? (kind & KeyKind.attrPath) !== 0
            : r.str("attrPath", id).toLowerCase() === scope.query
          bump(id, kind === KeyKind.command ? Score.command : joined ? Score.exactJoined : full ? Score.exactAttrPath
            : addonUnasked(id) ? Score.exactAddonName : Score.exactName)
        } else if (kind & NAME_KINDS) {
          prefixes++
          bump(id, prefixScore(v.length, len) - (addonUnasked(id) ? ADDON_NAME_LESS : 0))
        }
      }
    }
  }
  return { exact, prefixes }
}

/**
 * Names within a few edits of the query ("fierfox" -> firefox), each `less` lower. Only run when nothing matched
 * exactly.
 */
export const typoMatches = (r: IndexReader, q: string, scope: SetScope | undefined, touch: Touch, less = 0): void => {
  const keys = r.keys
  const name = r.scratch.name
  const max = maxTypos(q.length)
  if (max === 0) return
  forEachTypoCandidate(keys, q, max, (i) => {
    const t = keys.term(i)
    if (t.includes(".")) return
    const d = osaDistance(q, t, max)
    if (d === 0 || d > max) return
    const score = typoScore(d) - less
    const ps = keys.postings(i)
    for (let k = 0; k < ps.length; k++) {
      const id = ps[k]! >>> POSTING_SHIFT
      if (!(ps[k]! & NAME_KINDS) || !inScope(scope, id)) continue
      // (a one-word query names no set: an add-on's name counts less, as in nameMatches)
      const s0 = scope === undefined && r.flags[id]! & Flag.addon ? score - ADDON_NAME_LESS : score
      const s = ps[k]! & KeyKind.last ? s0 : s0 - Score.typoOfSharedName
      if (s > name[id]!) name[id] = s
      touch(id)
    }
  })
}

/**
 * The weight of a word found in these fields: in the name, the most; else the best field's, plus a share of the
 * others' (a package whose description, folder and NixOS module all say "server" is more surely one than a
 * package that says it once), at most a name's.
 */
const fieldWeight = (bits: number, descChars: number): number => {
  if (bits & WordField.name) return FieldWeight.nameWord
  let max = 0
  let sum = 0
  const add = (w: number) => { sum += w; if (w > max) max = w }
  if (bits & WordField.description) add(FieldWeight.description(descChars))
  if (bits & WordField.module) add(FieldWeight.module)
  if (bits & WordField.category) add(FieldWeight.category)
  if (bits & WordField.longDescription) add(FieldWeight.longDescription)
  return Math.min(FieldWeight.most, max + FieldWeight.others * (sum - max))
}

/** The word of the words table closest to `t` (one edit, two for long words), most frequent first; -1 if none. */
const closestWord = (r: IndexReader, t: string): number => {
  const table = r.words
  const max = t.length >= 8 ? 2 : 1
  const tmask = charMask(t)
  const masks = table.masks
  let bestTerm = -1
  let bestD = max + 1
  let bestDf = 0
  for (const group of table.byLength(t.length - max, t.length + max)) for (let g = 0; g < group.length; g++) {
    const i = group[g]!
    if (popcount(masks[i]! ^ tmask) > 2 * max) continue
    const d = osaDistance(t, table.term(i), max)
    if (d > max || d > bestD) continue
    const df = table.postingSize(i)
    if (d < bestD || df > bestDf) { bestTerm = i; bestD = d; bestDf = df }
  }
  return bestTerm
}

/**
 * Adds each token's best field weight times its idf to scratch.words; returns the idf total. Soft tokens
 * ("software" in "backup software") count for less and are not counted as matched words.
 */
export const wordMatches = (
  r: IndexReader, tokens: ReadonlyArray<string>, soft: ReadonlySet<string>, touch: Touch, spell: boolean, related: boolean,
  agent?: Agent
): number => {
  const { words: table, keys } = r
  const s = r.scratch
  const n = r.size
  const ids = s.ids
  const best = s.best
  const descLen = r.descriptionLengths
  let idfTotal = 0
  const single = tokens.length === 1
  for (const t of tokens) {
    let count = 0
    const isVerb = agent?.verb === t
    // A verb whose own word means something else in package texts ("watch" files) counts only through its noun.
    const found = isVerb && agent.only ? -1 : table.find(t)
    // An unknown word of 5+ letters is probably misspelt ("veiwer"): use the closest known word, for less.
    const wi = found >= 0 || t.length < 5 || !spell || isVerb ? found : closestWord(r, t)
    const typo = found < 0 ? FieldWeight.typo : 1
    // The word itself, then (for less) packages that say a related word ("editing" for "editor").
    const lists: ReadonlyArray<readonly [TermTable, number, number]> = [
      [table, wi, typo], ...(related && found >= 0 ? [[r.related, r.related.find(t), FieldWeight.related] as const] : []),
      // The verb's agent noun ("editor" for "edit"): a package that is one is what a request like "edit videos" wants.
      ...(isVerb ? [[table, table.find(agent.noun), FieldWeight.agent] as const] : [])
    ]
    for (const [tt, term, factor] of lists) {
      if (term < 0) continue
      const ps = tt.postings(term)
      for (let k = 0; k < ps.length; k++) {
        const id = ps[k]! >>> POSTING_SHIFT
        const bits = ps[k]! & MASK
        // One word: whether it is a whole word of the name ("prom" of prom2json) or inside it (of prometheus)
        // is the name match's business, not the words'.
        const w = factor * (single && bits & WordField.name ? FieldWeight.nameSubstring : fieldWeight(bits, descLen[id]!))
        if (best[id] === 0) ids[count++] = id
        if (w > best[id]!) best[id] = w
      }
    }
    /** The packages of key `k` whose posting is of these kinds, for this weight. */
    const keyMatches = (k: number, kinds: number, weight: number) => {
      const ps = keys.postings(k)
      for (let j = 0; j < ps.length; j++) {
        if (!(ps[j]! & kinds)) continue
        const id = ps[j]! >>> POSTING_SHIFT
        if (best[id] === 0) ids[count++] = id
        if (weight > best[id]!) best[id] = weight
      }
    }
    // A word of a several-word request that is a command of the package and few texts use ("open 7z files": p7zip).
    const cmdKey = single ? -1 : keys.find(t)
    if (cmdKey >= 0 && (found < 0 || table.postingSize(found) <= COMMAND_WORD_MAX_TEXTS)) {
      keyMatches(cmdKey, KeyKind.command | KeyKind.mainProgram, FieldWeight.command)
    }
    if (t.length >= 3 && !(isVerb && agent.only)) {
      // Inside names: "office" in libreoffice, "pdf" in mupdf.
      let pos = keys.indexOf(t)
      let hits = 0
      let lastTerm = -1
      while (pos >= 0 && hits < SUBSTRING_CAP) {
        const k = keys.termAt(pos)
        if (k !== lastTerm && pos + t.length <= keys.termOff[k + 1]!) {
          lastTerm = k
          hits++
          keyMatches(k, KeyKind.pname | KeyKind.last, FieldWeight.nameSubstring)
        }
        pos = keys.indexOf(t, pos + 1)
      }
    }
    const isSoft = soft.has(t)
    const w = idf(count, n) * (isSoft ? FieldWeight.soft : 1)
    idfTotal += w
    for (let k = 0; k < count; k++) {
      const id = ids[k]!
      s.words[id] = s.words[id]! + w * best[id]!
      if (!isSoft) s.matched[id] = s.matched[id]! + 1
      best[id] = 0
      touch(id)
    }
  }
  return idfTotal
}
