/**
 * The phrase mini-language used by the grammar tables and by plugin PhraseRules:
 *   word            a literal word (or several: "get rid of")
 *   (a|b c)         one of these word sequences
 *   [a|b c]         optionally one of these
 *   {pkgs} {query} {rest} {n} {cmd}   a slot: words captured for the engine ({n} is a number)
 *   {pkg}           one word, captured as {pkgs}
 *   {count}         a number in digits or words ("3", "ten"), captured as {n}: for counts only, so that
 *                   "roll back one" never reads "one" as generation 1
 *   {back}          a number in digits or words, captured as {back}: how many generations back
 *   {times}         "twice" or "thrice", captured as {back} ("roll back twice")
 *   *               any words, possibly none
 * A pattern must match the whole (normalized) request.
 *
 * Matching is one anchored regex, but most patterns are skipped before that: each knows which
 * first and last words it can start and end with and which words it needs, and a request is checked
 * against those.
 */
import { contractions } from "./grammar/fillers.js"
import { numberWords } from "./grammar/objects.js"

export type Slots = Readonly<Record<string, string>>

/** A request split once for all patterns. */
export interface Prepared {
  /** The text with one trailing space (patterns' words each end with a space). */
  readonly spaced: string
  readonly first: string
  readonly last: string
  readonly words: ReadonlySet<string>
}

export const prepare = (text: string): Prepared => {
  const sp = text.indexOf(" ")
  return { spaced: `${text} `, first: sp < 0 ? text : text.slice(0, sp), last: text.slice(text.lastIndexOf(" ") + 1), words: new Set(text.split(" ")) }
}

export interface Pattern {
  readonly source: string
  /** The words it can start with; undefined = any. */
  readonly first: ReadonlySet<string> | undefined
  /** The words it can end with; undefined = any (it ends with a slot or *). */
  readonly last: ReadonlySet<string> | undefined
  /** Each entry: at least one of these words must be in the request. */
  readonly needs: ReadonlyArray<ReadonlyArray<string>>
  /** The slots when the request matches (a method: call it on the pattern). */
  match(p: Prepared): Slots | undefined
}

/** Old-style matcher on plain text (for callers that match one pattern once). */
export type Matcher = (text: string) => Slots | undefined

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
/** Pattern words are spelled out as requests are ("setup" -> "set up"), so authors may write either. */
const spell = (w: string): ReadonlyArray<string> => contractions[w]?.split(" ") ?? [w]
const wordsOf = (s: string) => s.trim().split(/\s+/).filter((w) => w.length > 0).flatMap(spell)

type Item =
  | { readonly t: "lit"; readonly words: ReadonlyArray<string> }
  | { readonly t: "group"; readonly alts: ReadonlyArray<ReadonlyArray<string>>; readonly optional: boolean }
  | { readonly t: "slot"; readonly name: string }
  | { readonly t: "any" }

const parseItems = (pattern: string): ReadonlyArray<Item> => {
  const items: Array<Item> = []
  const p = pattern.trim()
  let i = 0
  while (i < p.length) {
    const c = p[i]!
    if (c === " ") { i++; continue }
    if (c === "(" || c === "[") {
      const close = p.indexOf(c === "(" ? ")" : "]", i)
      if (close < 0) throw new Error(`Unclosed group in pattern "${pattern}"`)
      if (/[([{*]/.test(p.slice(i + 1, close))) throw new Error(`Groups cannot nest or hold slots, in pattern "${pattern}"`)
      // Longest first, so that "(try|try out) {pkgs}" reads "try out neofetch" as neofetch.
      const alts = p.slice(i + 1, close).split("|").map(wordsOf).filter((a) => a.length > 0)
        .sort((a, b) => b.join(" ").length - a.join(" ").length)
      items.push({ t: "group", alts, optional: c === "[" })
      i = close + 1
    } else if (c === "{") {
      const close = p.indexOf("}", i)
      if (close < 0) throw new Error(`Unclosed slot in pattern "${pattern}"`)
      items.push({ t: "slot", name: p.slice(i + 1, close) })
      i = close + 1
    } else if (c === "*") {
      items.push({ t: "any" })
      i++
    } else {
      let j = i
      while (j < p.length && !" ([{*".includes(p[j]!)) j++
      const prev = items[items.length - 1]
      const w = p.slice(i, j)
      if (prev !== undefined && prev.t === "lit") items[items.length - 1] = { t: "lit", words: [...prev.words, ...spell(w)] }
      else items.push({ t: "lit", words: spell(w) })
      i = j
    }
  }
  return items
}

const firstWords = (items: ReadonlyArray<Item>): ReadonlySet<string> | undefined => {
  const out = new Set<string>()
  for (const it of items) {
    if (it.t === "lit") { out.add(it.words[0]!); return out }
    if (it.t === "slot" || it.t === "any") return undefined
    for (const a of it.alts) out.add(a[0]!)
    if (!it.optional) return out
  }
  return undefined
}

/**
 * The words a pattern can end with, read backwards as firstWords reads forwards. Every part of the regex
 * ends with a space and the text gets one more, so a match ends with one of these words: "{pkgs}
 * (install|get|add) (it|them) [now|both|all]" is only tried on a request ending in it, them, now, both or
 * all, not run over a long sentence that merely holds those words.
 */
const lastWords = (items: ReadonlyArray<Item>): ReadonlySet<string> | undefined => {
  const out = new Set<string>()
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!
    if (it.t === "lit") { out.add(it.words[it.words.length - 1]!); return out }
    if (it.t === "slot" || it.t === "any") return undefined
    for (const a of it.alts) out.add(a[a.length - 1]!)
    if (!it.optional) return out
  }
  return undefined
}

/** (a plain loop: this runs for every candidate pattern of every request) */
const hasOneOf = (words: ReadonlySet<string>, alts: ReadonlyArray<string>): boolean => {
  for (let i = 0; i < alts.length; i++) if (words.has(alts[i]!)) return true
  return false
}

/**
 * Makes word sets and need groups equal in content (same words, same order) one object. Tables of
 * patterns are built in the startup snapshot, which every call deserialises: the phrase table's 844
 * patterns hold 793 first-word sets (399 different), 451 last-word sets and 2,398 need groups (1,143
 * different). Both are only read.
 */
export interface Sharing {
  readonly set: (words: ReadonlySet<string>) => ReadonlySet<string>
  readonly group: (words: ReadonlyArray<string>) => ReadonlyArray<string>
}

/** One object per content (the same words in the same order), for the life of the returned function. */
const interner = <W extends Iterable<string>>() => {
  const known = new Map<string, W>()
  return (words: W): W => {
    const key = [...words].join(" ")
    const found = known.get(key)
    if (found !== undefined) return found
    known.set(key, words)
    return words
  }
}

/** A Sharing for one table's patterns: its maps are dropped with it once the table is built. */
export const sharing = (): Sharing => ({ set: interner<ReadonlySet<string>>(), group: interner<ReadonlyArray<string>>() })

const notShared: Sharing = { set: (words) => words, group: (words) => words }

export const compile = (pattern: string, shared: Sharing = notShared): Pattern => {
  const items = parseItems(pattern)
  const src: Array<string> = ["^"]
  const needed: Array<ReadonlyArray<string>> = []
  for (const it of items) {
    switch (it.t) {
      case "lit":
        src.push(it.words.map((w) => `${escape(w)} `).join(""))
        for (const w of it.words) needed.push(shared.group([w]))
        break
      case "group":
        src.push(`(?:${it.alts.map((a) => a.map((w) => `${escape(w)} `).join("")).join("|")})${it.optional ? "?" : ""}`)
        if (!it.optional) needed.push(shared.group(it.alts.map((a) => a[0]!)))
        break
      case "slot":
        // {n}: a number; {count}: a number or a number word, captured as n; {pkg}: one word, captured as pkgs; others: one or more words
        src.push(it.name === "n" ? "(?<n>\\d{1,6}) "
          : it.name === "count" ? `(?<n>\\d{1,6}|${Object.keys(numberWords).join("|")}) `
          : it.name === "back" ? `(?<back>\\d{1,6}|${Object.keys(numberWords).join("|")}) `
          : it.name === "times" ? "(?<back>twice|thrice) "
          : it.name === "pkg" ? "(?<pkgs>[^ ]+ )"
          : `(?<${it.name}>.+? )`)
        break
      case "any":
        src.push("(?:.+? )?")
        break
    }
  }
  src.push("$")
  // The regex is made when a request first gets this far (most patterns of a table never do in a call),
  // but checked now: a pattern that is not a valid regex (a slot name twice) fails where it is written.
  const source = src.join("")
  new RegExp(source)
  const firstSet = firstWords(items)
  const lastSet = lastWords(items)
  const first = firstSet === undefined ? undefined : shared.set(firstSet)
  const last = lastSet === undefined ? undefined : shared.set(lastSet)
  const needs = needed.slice() // exact length: a list grown by push keeps room for 16 more (see PatternIndex)
  return new CompiledPattern(pattern, first, last, needs, source)
}

/**
 * A compiled pattern, `match` a method: a closure per pattern and the context it closes over were two
 * more objects for each of the phrase tables' 1,000 patterns in the startup snapshot, which every call
 * deserialises.
 */
class CompiledPattern implements Pattern {
  private re: RegExp | undefined
  constructor(
    readonly source: string,
    readonly first: ReadonlySet<string> | undefined,
    readonly last: ReadonlySet<string> | undefined,
    readonly needs: ReadonlyArray<ReadonlyArray<string>>,
    private readonly regexSource: string
  ) {}

  match(p: Prepared): Slots | undefined {
    if (this.first !== undefined && !this.first.has(p.first)) return undefined
    if (this.last !== undefined && !this.last.has(p.last)) return undefined
    for (const n of this.needs) if (!hasOneOf(p.words, n)) return undefined
    const m = (this.re ??= new RegExp(this.regexSource)).exec(p.spaced)
    if (m === null) return undefined
    const slots: Record<string, string> = {}
    if (m.groups !== undefined) for (const k in m.groups) { const v = m.groups[k]; if (v !== undefined) slots[k] = v.trim() }
    return slots
  }
}

/** Compile once at module load; match a plain text. */
export const compilePattern = (pattern: string): Matcher => {
  const c = compile(pattern)
  return (text) => c.match(prepare(text))
}
