/** A sorted table of terms with a posting list each (see serializeIndex.ts termTable). */
import { isAscii } from "node:buffer"
import { IndexCorrupt } from "../errors.js"
import { POSTING_SHIFT } from "./format.js"
import type { IndexFile, PagedSection } from "./IndexFile.js"

/** The characters of package names (a-z 0-9 - _ . +): pairs of these have a slot in pairRuns. */
export const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_.+"
const letterCode = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) letterCode[ALPHABET.charCodeAt(i)] = i
const PAIR_SLOTS = ALPHABET.length * ALPHABET.length

const isAsciiString = (t: string): boolean => {
  for (let k = 0; k < t.length; k++) if (t.charCodeAt(k) > 0x7f) return false
  return true
}

/** Is this character in the name alphabet? */
export const inAlphabet = (c: number): boolean => c < 128 && letterCode[c]! >= 0

/** The pairRuns slot of two characters, or -1 when either is outside the name alphabet. */
export const pairSlot = (a: number, b: number): number => {
  if (a >= 128 || b >= 128) return -1
  const x = letterCode[a]!
  const y = letterCode[b]!
  return x < 0 || y < 0 ? -1 : x * ALPHABET.length + y
}

/** FNV-1a of text[from, to) continued from h (start from HASH_SEED): the hash termFilter keeps its terms by. */
export const hashChars = (h: number, text: string, from: number, to: number): number => {
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619)
  return h
}

/** hashChars of one more character. */
export const hashChar = (h: number, c: number): number => Math.imul(h ^ c, 16777619)

export const HASH_SEED = 0x811c9dc5 | 0

/**
 * A blocked Bloom filter over terms (serializeIndex stores two for the key table): for each term, two bits
 * of one 32-bit word. The word is chosen by the term without its letter `at` (0 or 1), the bits by that
 * and the letter, so the tests a typo search makes of every letter at one place of one name ("?ibc", or
 * "g?bc") all read one word instead of one scattered word each (a cache miss each when the search starts
 * cold, as it does in the parser). 16 bits per term: a term that is not there passes about twice in a
 * hundred tests; one that is always passes.
 */
const mix = (h: number): number => {
  const g = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  return g ^ (g >>> 13)
}
const wordOf = (m: number, words: number): number => Math.floor(((m >>> 0) / 4294967296) * words)
const bitsOf = (m: number): number => (1 << (m & 31)) | (1 << ((m >>> 5) & 31))

/** The hash of a term without its letter `at` (0 or 1), which picks its word in the filter of `at`. */
export const restHash = (t: string, at: 0 | 1): number =>
  at === 0 ? hashChars(HASH_SEED, t, 1, t.length) : hashChars(hashChar(HASH_SEED, t.charCodeAt(0)), t, 2, t.length)

/** The filter of these terms by their letter `at` (written into the index at build time). */
export const termFilter = (terms: ReadonlyArray<string>, at: 0 | 1): Uint32Array => {
  const out = new Uint32Array(Math.max(1, Math.ceil(terms.length / 2)))
  for (const t of terms) {
    if (t.length <= at) continue
    const h = restHash(t, at)
    out[wordOf(mix(h), out.length)]! |= bitsOf(mix(hashChar(h, t.charCodeAt(at))))
  }
  return out
}

/**
 * An open-addressing table of terms (serializeIndex writes one for the key table): each slot holds a term
 * index + 1 (0: empty), a term sits at or after the slot of its hash (linear probing), at most 60% full.
 * An exact look-up reads a slot or two and one term, where a binary search reads ~17 scattered terms.
 */
export const termSlots = (terms: ReadonlyArray<string>): Uint32Array => {
  let size = 1
  while (size * 3 < terms.length * 5) size *= 2
  const out = new Uint32Array(size)
  terms.forEach((t, i) => {
    let at = mix(hashChars(HASH_SEED, t, 0, t.length)) & (size - 1)
    while (out[at] !== 0) at = (at + 1) & (size - 1)
    out[at] = i + 1
  })
  return out
}

/**
 * May the filter of letter `at` hold a term with `letter` there and the rest hashed to h (restHash)?
 * False: no such term.
 */
export const mayHold = (filter: Uint32Array, h: number, letter: number): boolean => {
  const bits = bitsOf(mix(hashChar(h, letter)))
  return (filter[wordOf(mix(h), filter.length)]! & bits) === bits
}

/** The value cached under k, built on first use. */
const memo = <A>(cache: Map<number, A>, k: number, build: () => A): A => {
  const hit = cache.get(k)
  if (hit !== undefined) return hit
  const value = build()
  cache.set(k, value)
  return value
}

/** TermTable.bySecond: a length group's term indexes, masks and first letters, with where each second letter's range is. */
export interface BySecond {
  readonly terms: Uint32Array
  readonly masks: Uint32Array
  readonly firsts: Uint16Array
  readonly ranges: ReadonlyMap<number, readonly [number, number]>
}

export class TermTable {
  /**
   * The terms' characters by position (termOff): the section's bytes themselves when it is ASCII (as the
   * index writes word tables), else the UTF-16 codes of its text. Not decoded into a string: that cost a
   * search 0.5 ms for the key table's 854 KB, and a look-up reads a few terms.
   */
  readonly chars: Uint8Array | Uint16Array
  private readonly ascii: boolean
  private readonly bytes: Buffer
  private text: string | undefined
  readonly termOff: Uint32Array
  /** Postings and their offsets are read by pages (IndexFile.paged): a search reads those of a few terms. */
  private readonly postOff: PagedSection
  private readonly post: PagedSection | undefined
  private readonly postz: PagedSection | undefined
  readonly size: number
  private maskArr: Uint32Array | undefined
  private lenStartArr: Uint32Array | undefined
  private byLenArr: Uint32Array | undefined

  constructor(private readonly file: IndexFile, private readonly prefix: string) {
    this.bytes = file.section(`${prefix}.terms`)
    this.ascii = isAscii(this.bytes)
    if (this.ascii) this.chars = this.bytes
    else {
      this.text = this.bytes.toString("utf8")
      this.chars = Uint16Array.from({ length: this.text.length }, (_, k) => this.text!.charCodeAt(k))
    }
    this.termOff = file.u32(`${prefix}.termOff`)
    this.postOff = file.paged(`${prefix}.postOff`)
    if (file.header.sections[`${prefix}.postz`] !== undefined) this.postz = file.paged(`${prefix}.postz`)
    else this.post = file.paged(`${prefix}.post`)
    this.size = this.termOff.length - 1
  }

  /** All terms in one string (termOff gives where each is), decoded on first use. */
  get terms(): string {
    // latin1 is several times faster to decode and equal to UTF-8 on ASCII.
    return (this.text ??= this.bytes.toString("latin1"))
  }

  /** Where `t` first occurs in `terms` at or after `from`, or -1 (terms.indexOf without decoding them). */
  indexOf(t: string, from = 0): number {
    if (!this.ascii) return this.terms.indexOf(t, from)
    // ASCII text holds no other character (and Buffer#indexOf would cut such a character to a byte).
    if (!isAsciiString(t)) return -1
    return this.bytes.indexOf(t, from, "latin1")
  }

  /** Per-term character masks (text.ts charMask), for tables that have them. */
  get masks(): Uint32Array {
    return (this.maskArr ??= this.file.u32(`${this.prefix}.mask`))
  }

  private readonly filterArrs: Array<Uint32Array | null | undefined> = [undefined, undefined]

  /** The table's termFilter by letter `at`, for tables that have one (the keys'), else undefined. */
  filter(at: 0 | 1): Uint32Array | undefined {
    if (this.filterArrs[at] === undefined) {
      const name = `${this.prefix}.filter${at}`
      this.filterArrs[at] = this.file.header.sections[name] === undefined ? null : this.file.u32(name)
    }
    return this.filterArrs[at] ?? undefined
  }

  private slotArr: Uint32Array | null | undefined

  /** The table's termSlots, for tables that have them (the keys'), else undefined. */
  private get slots(): Uint32Array | undefined {
    if (this.slotArr === undefined) {
      const name = `${this.prefix}.slots`
      this.slotArr = this.file.header.sections[name] === undefined ? null : this.file.u32(name)
    }
    return this.slotArr ?? undefined
  }

  /** Term indexes with length in [min, max], for tables that have the by-length sections. */
  *byLength(min: number, max: number): Generator<Uint32Array> {
    const lenStart = (this.lenStartArr ??= this.file.u32(`${this.prefix}.lenStart`))
    const byLen = (this.byLenArr ??= this.file.u32(`${this.prefix}.byLen`))
    for (let l = Math.max(0, min); l <= max && l + 1 < lenStart.length; l++) yield byLen.subarray(lenStart[l], lenStart[l + 1])
  }

  /** Term indexes of length l (in sorted order), for tables that have the by-length sections. */
  lengthGroup(l: number): Uint32Array {
    const lenStart = (this.lenStartArr ??= this.file.u32(`${this.prefix}.lenStart`))
    const byLen = (this.byLenArr ??= this.file.u32(`${this.prefix}.byLen`))
    return l < 0 || l + 1 >= lenStart.length ? new Uint32Array(0) : byLen.subarray(lenStart[l], lenStart[l + 1])
  }

  private readonly runs = new Map<number, Int32Array>()
  private readonly groupMaskArrs = new Map<number, Uint32Array>()
  private readonly pairRunArrs = new Map<number, Int32Array>()

  /**
   * The masks of length group l in group order (masks[lengthGroup(l)[g]] at g): a typo scan reads
   * them in sequence instead of jumping around the whole mask table.
   */
  groupMasks(l: number): Uint32Array {
    return memo(this.groupMaskArrs, l, () => {
      const group = this.lengthGroup(l)
      const masks = this.masks
      return Uint32Array.from(group, (i) => masks[i]!)
    })
  }

  /**
   * Where each first-two-letter pair of length group l lies, for a typo scan: for letters a and b of
   * the name alphabet, positions [t[2k], t[2k + 1]) of lengthGroup(l) with k = pairSlot(a, b) (sorted
   * terms: one pair is one run; empty when start = end). Computed once per group; 13 KB, so that the
   * lookups of a typo search stay in the CPU's cache. Pairs with another character are not in it:
   * callers check that first letter's run term by term instead.
   */
  pairRuns(l: number): Int32Array {
    return memo(this.pairRunArrs, l, () => {
      const out = new Int32Array(PAIR_SLOTS * 2)
      this.forEachRun(l, (i) => (l < 2 ? -1 : pairSlot(this.chars[this.termOff[i]!]!, this.chars[this.termOff[i]! + 1]!)),
        (k, start, end) => { if (k >= 0) { out[2 * k] = start; out[2 * k + 1] = end } })
      return out
    })
  }

  private readonly bySecondArrs = new Map<number, BySecond>()

  /**
   * Length group l in the order of its terms' second letters (then group order), for a typo scan that
   * keeps the second letter and changes the first: the terms of one second letter are then one range,
   * read in sequence, instead of one pair run per first letter, each elsewhere in the group (a cache
   * miss each). Computed once per group (a counting pass), groups of two letters or more only.
   */
  bySecond(l: number): BySecond {
    return memo(this.bySecondArrs, l, () => {
      const group = this.lengthGroup(l)
      const masks = this.groupMasks(l)
      const seconds = Array.from(group, (i) => this.chars[this.termOff[i]! + 1]!)
      const counts = new Map<number, number>()
      for (const b of seconds) counts.set(b, (counts.get(b) ?? 0) + 1)
      const ranges = new Map<number, readonly [number, number]>()
      const at = new Map<number, number>()
      let start = 0
      for (const b of [...counts.keys()].sort((x, y) => x - y)) {
        ranges.set(b, [start, start + counts.get(b)!])
        at.set(b, start)
        start += counts.get(b)!
      }
      const terms = new Uint32Array(group.length)
      const orderMasks = new Uint32Array(group.length)
      const firsts = new Uint16Array(group.length)
      seconds.forEach((b, g) => {
        const k = at.get(b)!
        at.set(b, k + 1)
        terms[k] = group[g]!
        orderMasks[k] = masks[g]!
        firsts[k] = this.chars[this.termOff[group[g]!]!]!
      })
      return { terms, masks: orderMasks, firsts, ranges }
    })
  }

  /**
   * The length group l cut into runs of one first letter: [letter, start, end] triples of positions
   * in lengthGroup(l). Computed once per group (one pass), then reused by every typo search.
   */
  firstLetterRuns(l: number): Int32Array {
    return memo(this.runs, l, () => {
      const out: Array<number> = []
      this.forEachRun(l, (i) => (l > 0 ? this.chars[this.termOff[i]!]! : -1), (x, start, end) => out.push(x, start, end))
      return Int32Array.from(out)
    })
  }

  /** Length group l cut into runs of equal key(term index) (sorted terms: a prefix key is one run each). */
  private forEachRun(l: number, key: (termIndex: number) => number, visit: (key: number, start: number, end: number) => void): void {
    const group = this.lengthGroup(l)
    for (let g = 0; g < group.length;) {
      const k = key(group[g]!)
      let e = g + 1
      while (e < group.length && key(group[e]!) === k) e++
      visit(k, g, e)
      g = e
    }
  }

  term(i: number): string {
    return this.ascii ? this.bytes.toString("latin1", this.termOff[i], this.termOff[i + 1]) : this.terms.slice(this.termOff[i], this.termOff[i + 1])
  }

  /** Does term(i) hold the character c? (in place: a scan of many terms cuts no string out per term) */
  termHas(i: number, c: number): boolean {
    for (let k = this.termOff[i]!, end = this.termOff[i + 1]!; k < end; k++) if (this.chars[k] === c) return true
    return false
  }

  termLength(i: number): number {
    return this.termOff[i + 1]! - this.termOff[i]!
  }

  /** First term index >= t. */
  lowerBound(t: string): number {
    let lo = 0
    let hi = this.size
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compareTerm(mid, t) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * term(i) from its character `skip` on, compared with t (<0, 0, >0), in place: no string is cut out
   * per step of a binary search.
   */
  compareTerm(i: number, t: string, skip = 0): number {
    const a = this.termOff[i]! + skip
    const n = this.termOff[i + 1]! - a
    const m = n < t.length ? n : t.length
    for (let k = 0; k < m; k++) {
      const d = this.chars[a + k]! - t.charCodeAt(k)
      if (d !== 0) return d
    }
    return n - t.length
  }

  find(t: string): number {
    const slots = this.slots
    if (slots !== undefined) {
      const mask = slots.length - 1
      for (let at = mix(hashChars(HASH_SEED, t, 0, t.length)) & mask; slots[at] !== 0; at = (at + 1) & mask) {
        const i = slots[at]! - 1
        if (this.termLength(i) === t.length && this.compareTerm(i, t) === 0) return i
      }
      return -1
    }
    const i = this.lowerBound(t)
    return i < this.size && this.term(i) === t ? i : -1
  }

  /** [from, to) of the terms that start with `p`. */
  prefixRange(p: string): readonly [number, number] {
    const from = this.lowerBound(p)
    const end = `${p}\uffff`
    // The end is found by galloping from `from` (from + 1, 2, 4 ...), then a binary search in the last step:
    // most prefixes start a few terms, read next to each other, where a search of the whole table read
    // ~17 terms scattered over it (cache misses, in a typo search made once per request)
    let lo = from
    let hi = from
    for (let step = 1; hi < this.size && this.compareTerm(hi, end) < 0; step *= 2) {
      lo = hi + 1
      hi = from + step
    }
    if (hi > this.size) hi = this.size
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compareTerm(mid, end) < 0) lo = mid + 1
      else hi = mid
    }
    return [from, lo]
  }

  /** Where term i's postings are: [start, end) in `.post` (postings) or `.postz` (bytes). */
  private postRange(i: number): readonly [number, number] {
    const start = this.postOff.u32(i)
    const end = this.postOff.u32(i + 1)
    if (end < start) throw new IndexCorrupt({ path: this.file.path, detail: `section ${this.prefix}.postOff is out of order` })
    return [start, end]
  }

  /** The size of term i's posting list: its postings, or its compressed bytes (about one per posting). */
  postingSize(i: number): number {
    const [start, end] = this.postRange(i)
    return end - start
  }

  postings(i: number): Uint32Array {
    const [start, end] = this.postRange(i)
    if (this.post !== undefined) return this.postView(start, end)
    return this.decodePostings(start, end, new Uint32Array(end - start)) // at least one byte per posting
  }

  private shared = new Uint32Array(256)

  /**
   * The postings of term i in a buffer reused by the next call (no allocation per term: typo and
   * prefix scans read many short lists). Read it before asking for another term's.
   */
  postingsShared(i: number): Uint32Array {
    const [start, end] = this.postRange(i)
    if (this.post !== undefined) return this.postView(start, end)
    if (end - start > this.shared.length) this.shared = new Uint32Array((end - start) * 2)
    return this.decodePostings(start, end, this.shared)
  }

  /** Postings [start, end) of `.post`, as a view of the pages read. */
  private postView(start: number, end: number): Uint32Array {
    return this.post!.u32s(start, end - start)
  }

  private decodePostings(start: number, end: number, out: Uint32Array): Uint32Array {
    // Compressed: LEB128 varints of (id delta << POSTING_SHIFT | bits).
    const z = this.postz!.bytes(start, end - start)
    const len = z.length
    let n = 0
    let id = 0
    for (let at = 0; at < len;) {
      let v = 0
      let mul = 1
      let b: number
      do {
        b = z[at++]!
        v += (b & 0x7f) * mul
        mul *= 128
      } while (b & 0x80 && at < len)
      id += Math.floor(v / (1 << POSTING_SHIFT))
      out[n++] = ((id << POSTING_SHIFT) | (v & ((1 << POSTING_SHIFT) - 1))) >>> 0
    }
    return out.subarray(0, n)
  }

  /** Index of the term that contains the character at `pos` of `terms`. */
  termAt(pos: number): number {
    let lo = 0
    let hi = this.size - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.termOff[mid]! <= pos) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}
