/** The phrase table compiled once, indexed by the first word a pattern can start with. */
import { compile, type Pattern, type Prepared, prepare, sharing, type Slots } from "./pattern.js"
import { intentPhrases } from "../Intent.js"
import { phrases } from "./grammar/phrases.js"
import type { Phrase } from "./grammar/types.js"

interface Entry<T> {
  readonly order: number
  readonly item: T
  readonly pattern: Pattern
  /** The last call of candidates() that took it (so that it is taken once). */
  taken: number
}

/** The patterns that start with one word: those that need a further word, by one of their needs' words. */
interface Starting<T> {
  /** Patterns that need nothing beyond their first word(s). */
  readonly open: Array<Entry<T>>
  /** Patterns that can only end with certain words, by those words. */
  readonly byLast: Map<string, Array<Entry<T>>>
  /** The others, by a word the request must contain (of their needs: the group with fewest words). */
  readonly byGate: Map<string, Array<Entry<T>>>
}

const push = <T>(m: Map<string, Array<Entry<T>>>, w: string, e: Entry<T>) => {
  const list = m.get(w)
  if (list) { if (list[list.length - 1] !== e) list.push(e) } else m.set(w, [e])
}

/**
 * Words in most sentences people write: a gate of these lets a pattern through for nearly every request
 * ("* (i|we) (cannot|could not) ..." gated by "i" is looked at for any request with "i" in it).
 */
const EVERYWHERE: ReadonlySet<string> = new Set([
  "i", "we", "you", "it", "to", "the", "a", "an", "my", "is", "are", "and", "or", "of", "in", "on", "for", "with", "do", "can", "how", "not", "that", "this", "be", "have", "what", "me"
])

/**
 * Of a pattern's needs, the group with fewest words, leaving out groups its first words may satisfy, and
 * groups with a word of nearly every sentence when it has another (any group will do: match checks them all).
 */
const gateOf = (p: Pattern): ReadonlyArray<string> | undefined => {
  const groups = [...p.needs].filter((g) => p.first === undefined || !g.some((w) => p.first!.has(w))).sort((a, b) => a.length - b.length)
  return groups.find((g) => !g.some((w) => EVERYWHERE.has(w))) ?? groups[0]
}

let call = 0

/**
 * Patterns (with what they stand for) indexed by the words a request must hold for them to match: the
 * first words they can start with, then the last words they can end with (a request has one: "{pkgs} (has|have)
 * to go" is looked at for requests ending in "go", not for every request with "to" in it), else a word of
 * their needs. `candidates` gives, in the order given, the only ones that can match a request: a few of the
 * table (every other would fail its own checks).
 */
export class PatternIndex<T> {
  /** Patterns that can only start with certain words, by those words. */
  private readonly byFirst = new Map<string, Starting<T>>()
  /** Patterns that can start anywhere but only end with certain words, by those words. */
  private readonly byLast = new Map<string, Array<Entry<T>>>()
  /** Patterns that can start and end anywhere, by a word the request must contain. */
  private readonly byGate = new Map<string, Array<Entry<T>>>()
  /** Patterns that need no particular word: tried on every request. */
  private always: Array<Entry<T>> = []

  constructor(items: ReadonlyArray<{ readonly item: T; readonly pattern: Pattern }>) {
    items.forEach(({ item, pattern }, order) => {
      const e: Entry<T> = { order, item, pattern, taken: 0 }
      const gate = gateOf(pattern)
      if (pattern.first !== undefined) {
        for (const f of pattern.first) {
          let s = this.byFirst.get(f)
          if (s === undefined) this.byFirst.set(f, (s = { open: [], byLast: new Map(), byGate: new Map() }))
          if (pattern.last !== undefined) for (const l of pattern.last) push(s.byLast, l, e)
          else if (gate === undefined) s.open.push(e)
          else for (const w of gate) push(s.byGate, w, e)
        }
      } else if (pattern.last !== undefined) for (const l of pattern.last) push(this.byLast, l, e)
      else if (gate === undefined) this.always.push(e)
      else for (const w of gate) push(this.byGate, w, e)
    })
    // Lists grown by push keep room for 16 more entries; the table is built once (in the startup
    // snapshot, which every call deserialises), so each list is copied to its exact length.
    const exact = (m: Map<string, Array<Entry<T>>>) => { for (const [w, list] of m) m.set(w, list.slice()) }
    for (const [f, s] of this.byFirst) {
      exact(s.byLast)
      exact(s.byGate)
      this.byFirst.set(f, { open: s.open.slice(), byLast: s.byLast, byGate: s.byGate })
    }
    exact(this.byLast)
    exact(this.byGate)
    this.always = this.always.slice()
  }

  candidates(p: Prepared): ReadonlyArray<Entry<T>> {
    const id = ++call
    const out: Array<Entry<T>> = []
    const take = (list: ReadonlyArray<Entry<T>> | undefined) => {
      if (list !== undefined) for (const e of list) if (e.taken !== id) { e.taken = id; out.push(e) }
    }
    const starting = this.byFirst.get(p.first)
    take(starting?.open)
    take(starting?.byLast.get(p.last))
    take(this.byLast.get(p.last))
    take(this.always)
    for (const w of p.words) {
      if (starting !== undefined) take(starting.byGate.get(w))
      take(this.byGate.get(w))
    }
    // (often in order already: only the open patterns of the first word)
    for (let i = 1; i < out.length; i++) {
      if (out[i]!.order < out[i - 1]!.order) { out.sort((a, b) => a.order - b.order); break }
    }
    return out
  }
}

/** Built on first use: typed commands (`ask-nix search x`) never parse a sentence, so never pay for it. */
let table: PatternIndex<Phrase> | undefined
const getTable = (): PatternIndex<Phrase> => {
  if (table !== undefined) return table
  // The built-in table first, then the phrases of kinds the grammar does not know (src/domain/intents).
  const entries: ReadonlyArray<Phrase> = [...phrases, ...intentPhrases.flatMap((p): ReadonlyArray<Phrase> => p.kind === "plugin" ? [] : [{ kind: p.kind, patterns: p.patterns, accept: p.accept, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}) }])]
  const shared = sharing()
  return (table = new PatternIndex(entries.flatMap((phrase) => phrase.patterns.map((p) => ({ item: phrase, pattern: compile(p, shared) })))))
}

/** Every phrase pattern that matches, in table order (the engine may reject one and take the next). */
export function* matchPhrases(text: string, p: Prepared = prepare(text)): Generator<{ phrase: Phrase; slots: Slots }> {
  // (gathered whole before the first is tried: the engine may parse another text between two of them)
  for (const e of getTable().candidates(p)) {
    if (e.item.acceptNeeds !== undefined && !text.includes(e.item.acceptNeeds)) continue
    const slots = e.pattern.match(p)
    if (slots !== undefined) yield { phrase: e.item, slots }
  }
}
