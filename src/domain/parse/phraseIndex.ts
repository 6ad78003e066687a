/** The phrase table compiled once, indexed by the first word a pattern can start with. */
import { compile, type Pattern, type Prepared, prepare, type Slots } from "./pattern.js"
import { intentPhrases } from "../Intent.js"
import { phrases } from "./grammar/phrases.js"
import type { Phrase } from "./grammar/types.js"

interface Entry {
  readonly order: number
  readonly phrase: Phrase
  readonly pattern: Pattern
  /** The last call of matchPhrases that took it as a candidate (so that it is taken once). */
  taken: number
}

/** The patterns that start with one word: those that need a further word, by one of their needs' words. */
interface Starting {
  /** Patterns that need nothing beyond their first word(s). */
  readonly open: ReadonlyArray<Entry>
  /** The others, by a word the request must contain (of their needs: the group with fewest words). */
  readonly byGate: ReadonlyMap<string, ReadonlyArray<Entry>>
}

interface Table {
  /** Patterns that can only start with certain words, by those words. */
  readonly byFirst: ReadonlyMap<string, Starting>
  /** Patterns that can start anywhere, by a word the request must contain (of their needs: the group with fewest words). */
  readonly byGate: ReadonlyMap<string, ReadonlyArray<Entry>>
  /** Patterns that need no particular word: tried on every request. */
  readonly always: ReadonlyArray<Entry>
}

const push = (m: Map<string, Array<Entry>>, w: string, e: Entry) => {
  const list = m.get(w)
  if (list) { if (list[list.length - 1] !== e) list.push(e) } else m.set(w, [e])
}

/** Of a pattern's needs, the group with fewest words, leaving out groups its first words may satisfy. */
const gateOf = (p: Pattern): ReadonlyArray<string> | undefined =>
  [...p.needs].filter((g) => p.first === undefined || !g.some((w) => p.first!.has(w))).sort((a, b) => a.length - b.length)[0]

/** Built on first use: typed commands (`ask-nix search x`) never parse a sentence, so never pay for it. */
let table: Table | undefined
const getTable = (): Table => {
  if (table !== undefined) return table
  // The built-in table first, then the phrases of kinds the grammar does not know (src/domain/intents).
  const entries: ReadonlyArray<Phrase> = [...phrases, ...intentPhrases.flatMap((p): ReadonlyArray<Phrase> => p.kind === "plugin" ? [] : [{ kind: p.kind, patterns: p.patterns, accept: p.accept, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}) }])]
  const all: ReadonlyArray<Entry> = entries.flatMap((phrase) => phrase.patterns.map((p) => ({ phrase, pattern: compile(p) })))
    .map((e, order) => ({ ...e, order, taken: 0 }))
  const starting = new Map<string, { open: Array<Entry>; byGate: Map<string, Array<Entry>> }>()
  const byGate = new Map<string, Array<Entry>>()
  const always: Array<Entry> = []
  for (const e of all) {
    const gate = gateOf(e.pattern)
    if (e.pattern.first !== undefined) {
      for (const f of e.pattern.first) {
        let s = starting.get(f)
        if (s === undefined) starting.set(f, (s = { open: [], byGate: new Map() }))
        if (gate === undefined) s.open.push(e)
        else for (const w of gate) push(s.byGate, w, e)
      }
      continue
    }
    if (gate === undefined) always.push(e)
    else for (const w of gate) push(byGate, w, e)
  }
  return (table = { byFirst: starting, byGate, always })
}

let call = 0
/** The entries of `list` not taken yet in this call, added to `out`. */
const take = (list: ReadonlyArray<Entry> | undefined, out: Array<Entry>) => {
  if (list === undefined) return
  for (const e of list) if (e.taken !== call) { e.taken = call; out.push(e) }
}

/** Every phrase pattern that matches, in table order (the engine may reject one and take the next). */
export function* matchPhrases(text: string, p: Prepared = prepare(text)): Generator<{ phrase: Phrase; slots: Slots }> {
  const t = getTable()
  // Only patterns that can start with the request's first word and whose gate word is in the request,
  // or that start anywhere and whose gate word is in it, can match: a few of the ~800. (Gathered whole
  // before the first is tried: the engine may parse another text between two of them.)
  call++
  const candidates: Array<Entry> = []
  const starting = t.byFirst.get(p.first)
  take(starting?.open, candidates)
  take(t.always, candidates)
  for (const w of p.words) {
    if (starting !== undefined) take(starting.byGate.get(w), candidates)
    take(t.byGate.get(w), candidates)
  }
  // (often in order already: only the open patterns of the first word)
  for (let i = 1; i < candidates.length; i++) {
    if (candidates[i]!.order < candidates[i - 1]!.order) { candidates.sort((a, b) => a.order - b.order); break }
  }
  for (const e of candidates) {
    const slots = e.pattern.match(p)
    if (slots !== undefined) yield { phrase: e.phrase, slots }
  }
}
