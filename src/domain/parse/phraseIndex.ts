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

/** Every phrase pattern that matches, in table order (the engine may reject one and take the next). */
export function* matchPhrases(text: string): Generator<{ phrase: Phrase; slots: Slots }> {
  const p = prepare(text)
  const { byFirst, byGate, always } = getTable()
  // Only patterns that start with the request's first word, or that start anywhere and whose gate word
  // is in the request, can match: a few dozen of the ~500.
  const candidates: Array<Entry> = [...(byFirst.get(p.first) ?? []), ...always]
  let gated = false
  // (a Set once the list grows: long requests hold many gate words)
  let seen: Set<Entry> | undefined
  for (const w of p.words) {
    const list = byGate.get(w)
    if (list === undefined) continue
    seen ??= new Set(candidates)
    for (const e of list) if (!seen.has(e)) { seen.add(e); candidates.push(e) }
    gated = true
  }
  if (gated || always.length > 0) candidates.sort((a, b) => a.order - b.order)
  for (const e of candidates) {
    const slots = e.pattern.match(p)
    if (slots !== undefined) yield { phrase: e.phrase, slots }
  }
}
