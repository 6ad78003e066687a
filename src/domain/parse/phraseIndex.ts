/** The phrase table compiled once, indexed by the first word a pattern can start with. */
import { compile, type Pattern, prepare, type Slots } from "./pattern.js"
import { intentPhrases } from "../Intent.js"
import { phrases } from "./grammar/phrases.js"
import type { Phrase } from "./grammar/types.js"

interface Entry { readonly order: number; readonly phrase: Phrase; readonly pattern: Pattern }

interface Table {
  /** Patterns that can only start with certain words, by those words. */
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<Entry>>
  /** Patterns that can start anywhere, by a word the request must contain (of their needs: the group with fewest words). */
  readonly byGate: ReadonlyMap<string, ReadonlyArray<Entry>>
  /** Patterns that need no particular word: tried on every request. */
  readonly always: ReadonlyArray<Entry>
}

const push = (m: Map<string, Array<Entry>>, w: string, e: Entry) => {
  const list = m.get(w)
  if (list) { if (list[list.length - 1] !== e) list.push(e) } else m.set(w, [e])
}

/** Built on first use: typed commands (`ask-nix search x`) never parse a sentence, so never pay for it. */
let table: Table | undefined
const getTable = (): Table => {
  if (table !== undefined) return table
  // The built-in table first, then the phrases of kinds the grammar does not know (src/domain/intents).
  const entries: ReadonlyArray<Phrase> = [...phrases, ...intentPhrases.flatMap((p): ReadonlyArray<Phrase> => p.kind === "plugin" ? [] : [{ kind: p.kind, patterns: p.patterns, accept: p.accept, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}) }])]
  const all: ReadonlyArray<Entry> = entries.flatMap((phrase) => phrase.patterns.map((p) => ({ phrase, pattern: compile(p) })))
    .map((e, order) => ({ ...e, order }))
  const byFirst = new Map<string, Array<Entry>>()
  const byGate = new Map<string, Array<Entry>>()
  const always: Array<Entry> = []
  for (const e of all) {
    if (e.pattern.first !== undefined) { for (const w of e.pattern.first) push(byFirst, w, e); continue }
    const gate = [...e.pattern.needs].sort((a, b) => a.length - b.length)[0]
    if (gate === undefined) always.push(e)
    else for (const w of gate) push(byGate, w, e)
  }
  return (table = { byFirst, byGate, always })
}

/**
 * The patterns that start with a word, and those that can start anywhere and need no particular word, in
 * table order: built once per first word (a request used to pay for joining and sorting them every time).
 */
const startingWith = new Map<string, ReadonlyArray<Entry>>()
const firstAndAlways = (first: string, t: Table): ReadonlyArray<Entry> => {
  let list = startingWith.get(first)
  if (list === undefined) {
    const own = t.byFirst.get(first)
    // (only the words some pattern starts with get a list of their own: the rest share `always`)
    if (own === undefined) return t.always
    list = t.always.length === 0 ? own : [...own, ...t.always].sort((a, b) => a.order - b.order)
    startingWith.set(first, list)
  }
  return list
}

/** Every phrase pattern that matches, in table order (the engine may reject one and take the next). */
export function* matchPhrases(text: string): Generator<{ phrase: Phrase; slots: Slots }> {
  const p = prepare(text)
  const t = getTable()
  // Only patterns that start with the request's first word, or that start anywhere and whose gate word
  // is in the request, can match: a few dozen of the ~800.
  const base = firstAndAlways(p.first, t)
  let candidates = base
  // (a Set once the list grows: long requests hold many gate words; sorted only when some were added)
  let added: Array<Entry> | undefined
  let seen: Set<Entry> | undefined
  for (const w of p.words) {
    const list = t.byGate.get(w)
    if (list === undefined) continue
    if (added === undefined) { added = [...base]; seen = new Set(base) }
    for (const e of list) if (!seen!.has(e)) { seen!.add(e); added.push(e) }
  }
  if (added !== undefined) candidates = added.sort((a, b) => a.order - b.order)
  for (const e of candidates) {
    const slots = e.pattern.match(p)
    if (slots !== undefined) yield { phrase: e.phrase, slots }
  }
}
