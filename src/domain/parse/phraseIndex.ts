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

/**
 * A list of entries: where it starts in the index's one array of entries and how long it is, in one
 * number (start * LIST_SPAN + length). The tables are built in the startup snapshot, which every call
 * deserialises at a cost per object: the phrase table's 7,100 lists (6,100 of them of one entry), an
 * array each, and the two maps of each of its 517 first words were 16,000 of its 27,000 objects.
 */
type List = number
const LIST_SPAN = 1024
const EMPTY: List = 0

/** Lists being built, by word. */
type Growing<T> = Map<string, Array<Entry<T>>>

const push = <T>(m: Growing<T>, w: string, e: Entry<T>) => {
  const list = m.get(w)
  if (list) { if (list[list.length - 1] !== e) list.push(e) } else m.set(w, [e])
}

/** Puts lists one after the other in one array, and says where each is. */
class Packer<T> {
  readonly flat: Array<Entry<T>> = []
  list(entries: ReadonlyArray<Entry<T>>): List {
    if (entries.length === 0) return EMPTY
    if (entries.length >= LIST_SPAN) throw new Error(`a list of ${entries.length} patterns in one index entry: raise LIST_SPAN (${LIST_SPAN})`)
    const start = this.flat.length
    for (const e of entries) this.flat.push(e)
    return start * LIST_SPAN + entries.length
  }
  /** Each word's list; undefined when there is none (most first words have no last-word or gate lists). */
  map(m: Growing<T>): ReadonlyMap<string, List> | undefined {
    return m.size === 0 ? undefined : new Map([...m].map(([w, entries]) => [w, this.list(entries)]))
  }
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
  /** Every list's entries, one list after the other. */
  private readonly flat: ReadonlyArray<Entry<T>>
  /** Patterns that can only start with certain words and need nothing further, by those words. */
  private readonly open: ReadonlyMap<string, List>
  /** Patterns that can only start with certain words and end with certain words: by first word, then last word. */
  private readonly firstLast: ReadonlyMap<string, ReadonlyMap<string, List>>
  /** The others that can only start with certain words: by first word, then a word the request must contain (of their needs: the group with fewest words). */
  private readonly firstGate: ReadonlyMap<string, ReadonlyMap<string, List>>
  /** Patterns that can start anywhere but only end with certain words, by those words. */
  private readonly byLast: ReadonlyMap<string, List>
  /** Patterns that can start and end anywhere, by a word the request must contain. */
  private readonly byGate: ReadonlyMap<string, List>
  /** Patterns that need no particular word: tried on every request. */
  private readonly always: List

  constructor(items: ReadonlyArray<{ readonly item: T; readonly pattern: Pattern }>) {
    const open: Growing<T> = new Map()
    const firstLast = new Map<string, Growing<T>>()
    const firstGate = new Map<string, Growing<T>>()
    const byLast: Growing<T> = new Map()
    const byGate: Growing<T> = new Map()
    const always: Array<Entry<T>> = []
    const under = (m: Map<string, Growing<T>>, f: string) => {
      let g = m.get(f)
      if (g === undefined) m.set(f, (g = new Map()))
      return g
    }
    items.forEach(({ item, pattern }, order) => {
      const e: Entry<T> = { order, item, pattern, taken: 0 }
      const gate = gateOf(pattern)
      if (pattern.first !== undefined) {
        for (const f of pattern.first) {
          if (pattern.last !== undefined) for (const l of pattern.last) push(under(firstLast, f), l, e)
          else if (gate === undefined) push(open, f, e)
          else for (const w of gate) push(under(firstGate, f), w, e)
        }
      } else if (pattern.last !== undefined) for (const l of pattern.last) push(byLast, l, e)
      else if (gate === undefined) always.push(e)
      else for (const w of gate) push(byGate, w, e)
    })
    const packer = new Packer<T>()
    const nested = (m: Map<string, Growing<T>>) => new Map([...m].map(([f, g]) => [f, packer.map(g) ?? new Map<string, List>()]))
    this.open = packer.map(open) ?? new Map()
    this.firstLast = nested(firstLast)
    this.firstGate = nested(firstGate)
    this.byLast = packer.map(byLast) ?? new Map()
    this.byGate = packer.map(byGate) ?? new Map()
    this.always = packer.list(always)
    this.flat = packer.flat.slice() // exact length: an array grown by push keeps room to grow
  }

  candidates(p: Prepared): ReadonlyArray<Entry<T>> {
    const id = ++call
    const out: Array<Entry<T>> = []
    const flat = this.flat
    const take = (list: List | undefined) => {
      if (list === undefined) return
      const start = Math.floor(list / LIST_SPAN)
      const end = start + list % LIST_SPAN
      for (let i = start; i < end; i++) {
        const e = flat[i]!
        if (e.taken !== id) { e.taken = id; out.push(e) }
      }
    }
    take(this.open.get(p.first))
    take(this.firstLast.get(p.first)?.get(p.last))
    take(this.byLast.get(p.last))
    take(this.always)
    const gates = this.firstGate.get(p.first)
    for (const w of p.words) {
      if (gates !== undefined) take(gates.get(w))
      take(this.byGate.get(w))
    }
    // Into table order, in place: a few sorted lists one after the other (over the corpora at most 33 entries and
    // 201 moves; often in order already), which Array.prototype.sort paid a work array and a call per comparison for
    for (let i = 1; i < out.length; i++) {
      const e = out[i]!
      let j = i
      for (; j > 0 && out[j - 1]!.order > e.order; j--) out[j] = out[j - 1]!
      if (j !== i) out[j] = e
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
