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
interface Filler { readonly words: ReadonlyArray<string>; readonly kind: Kind }

/** Fillers by the word they start (leading) or end (trailing) with, longest first. */
const index = (lists: ReadonlyArray<readonly [ReadonlyArray<string>, Kind]>, key: (ws: ReadonlyArray<string>) => string) => {
  const m = new Map<string, Array<Filler>>()
  for (const [list, kind] of lists) {
    for (const f of list) {
      const words = f.split(" ")
      const k = key(words)
      m.set(k, [...(m.get(k) ?? []), { words, kind }].sort((a, b) => b.words.length - a.words.length))
    }
  }
  return m
}
const leading = index([[leadingFillers, "polite"], [tentativeFillers, "tentative"], [needFillers, "need"], [statedFillers, "stated"]], (ws) => ws[0]!)
const trailing = index([[trailingFillers, "polite"], [scopeContrasts, "polite"]], (ws) => ws[ws.length - 1]!)

const startsWith = (words: ReadonlyArray<string>, from: number, to: number, f: ReadonlyArray<string>) => {
  if (to - from < f.length) return false
  for (let i = 0; i < f.length; i++) if (words[from + i] !== f[i]) return false
  return true
}
const endsWith = (words: ReadonlyArray<string>, from: number, to: number, f: ReadonlyArray<string>) => {
  if (to - from < f.length) return false
  for (let i = 0; i < f.length; i++) if (words[to - f.length + i] !== f[i]) return false
  return true
}

export const stripFillers = (normalized: string): Core => {
  const words = normalized.split(" ")
  let from = 0
  let to = words.length
  let tentative = false
  let polite = false
  let need = false
  let stated = false
  let changed = true
  while (changed && from < to) {
    changed = false
    for (const f of leading.get(words[from]!) ?? []) {
      if (startsWith(words, from, to, f.words)) {
        from += f.words.length
        changed = true
        if (f.kind === "tentative") tentative = true
        else if (f.kind === "need") need = true
        else if (f.kind === "stated") stated = true
        else polite = true
        break
      }
    }
    if (from >= to) break
    for (const f of trailing.get(words[to - 1]!) ?? []) {
      if (endsWith(words, from, to, f.words)) { to -= f.words.length; changed = true; break }
    }
  }
  const text = from === 0 && to === words.length ? normalized : words.slice(from, to).join(" ")
  return { text, tentative, polite, need, stated }
}
