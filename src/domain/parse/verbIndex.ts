/** The verb table as a lookup: longest verb phrase at the start of a request, typos included. */
import { editDistance } from "./distance.js"
import type { ObjectKind, VerbEntry } from "./grammar/types.js"
import { verbs } from "./grammar/verbs.js"

export interface VerbMatch {
  readonly kind: ObjectKind
  /** The verb as written. */
  readonly verb: string
  /** The verb it was read as, when it was misspelled. */
  readonly correctedTo?: string | undefined
  /** The words after the verb. */
  readonly rest: string
}

interface Entry { readonly phrase: string; readonly kind: ObjectKind; readonly typoOf?: string }

const byFirstWord = new Map<string, Array<Entry>>()
const singleWordVerbs: Array<{ word: string; kind: ObjectKind }> = []
const table: Readonly<Record<ObjectKind, VerbEntry>> = verbs
for (const kind of Object.keys(table).filter((k): k is ObjectKind => k in table)) {
  const entry = table[kind]
  const add = (phrase: string, typoOf?: string) => {
    const first = phrase.split(" ")[0]!
    const list = byFirstWord.get(first) ?? []
    list.push(typoOf === undefined ? { phrase, kind } : { phrase, kind, typoOf })
    byFirstWord.set(first, list)
  }
  for (const w of entry.words) {
    add(w)
    if (!w.includes(" ") && w.length >= 5) singleWordVerbs.push({ word: w, kind })
  }
  for (const t of entry.typos ?? []) add(t, entry.words[0]!)
}
for (const list of byFirstWord.values()) list.sort((a, b) => b.phrase.length - a.phrase.length)

/** "provide": the base form of a single-word verb the table has only in its third person ("provides"). */
const thirdPersonOnly: ReadonlySet<string> = new Set(singleWordVerbs.filter((v) => v.word.endsWith("s")).map((v) => v.word.slice(0, -1)))

const typoTarget = (word: string): { word: string; kind: ObjectKind } | undefined => {
  if (word.length < 5) return undefined
  // "updated git" / "removed vim" tell what happened; they are not orders.
  if (word.endsWith("ed") || word.endsWith("ing")) return undefined
  // "installs take forever", "updates are annoying": a noun or a third person, not an order
  if (word.endsWith("s") && singleWordVerbs.some((v) => v.word === word.slice(0, -1))) return undefined
  // "provide clear instructions", "provide an uninstall option": the base form of a verb the table has only in
  // its third person ("what provides x") asks someone to give something; it is not a slip of that verb
  if (thirdPersonOnly.has(word)) return undefined
  let found: { word: string; kind: ObjectKind } | undefined
  for (const v of singleWordVerbs) {
    if (word[0] === v.word[0] && editDistance(word, v.word, 1) <= 1) {
      if (found !== undefined && found.kind !== v.kind) return undefined
      found = v
    }
  }
  return found
}

const entries: ReadonlyArray<readonly [string, VerbEntry]> = Object.entries(verbs)
const askingVerbs = new Set(entries.flatMap(([kind, e]) => (e.asks ?? []).map((w) => `${kind} ${w}`)))

/** Is `verb` one of the kind's verbs that are also everyday words (asked about before acting)? */
export const isAsking = (kind: ObjectKind, verb: string): boolean => askingVerbs.has(`${kind} ${verb}`)

export const matchVerb = (text: string): VerbMatch | undefined => {
  const sp = text.indexOf(" ")
  const first = sp < 0 ? text : text.slice(0, sp)
  const list = byFirstWord.get(first)
  if (list !== undefined) {
    for (const e of list) {
      if (text === e.phrase || text.startsWith(`${e.phrase} `)) {
        return { kind: e.kind, verb: e.phrase, correctedTo: e.typoOf, rest: text.slice(e.phrase.length).trim() }
      }
    }
  }
  const t = typoTarget(first)
  if (t !== undefined) return { kind: t.kind, verb: first, correctedTo: t.word, rest: sp < 0 ? "" : text.slice(sp + 1) }
  return undefined
}
