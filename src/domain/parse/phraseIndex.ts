/** The phrase table compiled once, indexed by the first word a pattern can start with. */
import { compile, type Pattern, prepare, type Slots } from "./pattern.js"
import { phrases } from "./grammar/phrases.js"
import type { Phrase } from "./grammar/types.js"

interface Entry { readonly order: number; readonly phrase: Phrase; readonly pattern: Pattern }

interface Table {
  readonly all: ReadonlyArray<Entry>
  readonly anyFirst: ReadonlyArray<Entry>
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<Entry>>
}

/** Built on first use: typed commands (`ask-nix search x`) never parse a sentence, so never pay for it. */
let table: Table | undefined
const getTable = (): Table => {
  if (table !== undefined) return table
  const all: ReadonlyArray<Entry> = phrases.flatMap((phrase) => phrase.patterns.map((p) => ({ phrase, pattern: compile(p) })))
    .map((e, order) => ({ ...e, order }))
  const anyFirst = all.filter((e) => e.pattern.first === undefined)
  const byFirst = new Map<string, ReadonlyArray<Entry>>()
  for (const e of all) {
    for (const w of e.pattern.first ?? []) byFirst.set(w, [...(byFirst.get(w) ?? []), e])
  }
  // Merge each first-word list with the patterns that can start anywhere, keeping table order.
  for (const [w, list] of byFirst) byFirst.set(w, [...list, ...anyFirst].sort((a, b) => a.order - b.order))
  return (table = { all, anyFirst, byFirst })
}

/** Every phrase pattern that matches, in table order (the engine may reject one and take the next). */
export function* matchPhrases(text: string): Generator<{ phrase: Phrase; slots: Slots }> {
  const p = prepare(text)
  const { byFirst, anyFirst } = getTable()
  for (const e of byFirst.get(p.first) ?? anyFirst) {
    const slots = e.pattern.match(p)
    if (slots !== undefined) yield { phrase: e.phrase, slots }
  }
}
