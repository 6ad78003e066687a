/** Politeness and filler off both ends of a normalized request. */
import { leadingFillers, needFillers, scopeContrasts, statedFillers, tentativeFillers, trailingFillers } from "./grammar/fillers.js"

export interface Core {
  readonly text: string
  /** "can i install x": a question more than an order. */
  readonly tentative: boolean
  /** Something was stripped from the front ("could you ..."): a question mark is then politeness. */
  readonly polite: boolean
  /** A need was stated in front ("i want to ..."). */
  readonly need: boolean
  /** A goal or a plan was stated in front ("my goal is to ..."): what follows is not an order. */
  readonly stated: boolean
}

type Kind = "polite" | "tentative" | "need" | "stated"
interface Filler { readonly text: string; readonly words: ReadonlyArray<string>; readonly kind: Kind }

/** Fillers by the word they start (leading) or end (trailing) with, longest first. */
const index = (lists: ReadonlyArray<readonly [ReadonlyArray<string>, Kind]>, key: (ws: ReadonlyArray<string>) => string) => {
  const m = new Map<string, Array<Filler>>()
  for (const [list, kind] of lists) {
    for (const f of list) {
      const words = f.split(" ")
      const k = key(words)
      m.set(k, [...(m.get(k) ?? []), { text: f, words, kind }].sort((a, b) => b.words.length - a.words.length))
    }
  }
  return m
}
const leading = index([[leadingFillers, "polite"], [tentativeFillers, "tentative"], [needFillers, "need"], [statedFillers, "stated"]], (ws) => ws[0]!)
const trailing = index([[trailingFillers, "polite"], [scopeContrasts, "polite"]], (ws) => ws[ws.length - 1]!)

/*
 * The words between `from` and `to` are read where they stand in the text, a word being what lies between
 * single spaces (as split(" ") gives them): a filler's words are those at a place when its text is there
 * and ends at a space or at `to`. (Splitting every sentence into an array of words cost more than the
 * few words ever looked at.)
 */

/** Where the filler `f` ends when its words start at `from`, else -1. */
const startsAt = (text: string, from: number, to: number, f: string): number => {
  const end = from + f.length
  return end <= to && text.startsWith(f, from) && (end === to || text.charCodeAt(end) === SPACE) ? end : -1
}
/** Where the filler `f` starts when its words end at `to`, else -1. */
const endsAt = (text: string, from: number, to: number, f: string): number => {
  const start = to - f.length
  return start >= from && text.startsWith(f, start) && (start === from || text.charCodeAt(start - 1) === SPACE) ? start : -1
}
const SPACE = 32

export const stripFillers = (normalized: string): Core => {
  // (from, to: the first and past the last character of the words left)
  let from = 0
  let to = normalized.length
  let tentative = false
  let polite = false
  let need = false
  let stated = false
  let changed = true
  let left = true
  while (changed && left) {
    changed = false
    const space = normalized.indexOf(" ", from)
    for (const f of leading.get(normalized.slice(from, space < 0 || space > to ? to : space)) ?? []) {
      const end = startsAt(normalized, from, to, f.text)
      if (end >= 0) {
        if (end === to) left = false
        else from = end + 1
        changed = true
        if (f.kind === "tentative") tentative = true
        else if (f.kind === "need") need = true
        else if (f.kind === "stated") stated = true
        else polite = true
        break
      }
    }
    if (!left) break
    const before = normalized.lastIndexOf(" ", to - 1)
    for (const f of trailing.get(normalized.slice(before < from ? from : before + 1, to)) ?? []) {
      const start = endsAt(normalized, from, to, f.text)
      if (start >= 0) {
        if (start === from) left = false
        else to = start - 1
        changed = true
        break
      }
    }
  }
  const text = !left ? "" : from === 0 && to === normalized.length ? normalized : normalized.slice(from, to)
  return { text, tentative, polite, need, stated }
}
