/** Politeness and filler off both ends of a normalized request. */
import { leadingFillers, tentativeFillers, trailingFillers } from "./grammar/fillers.js"

const byLength = (xs: ReadonlyArray<string>) => [...xs].sort((a, b) => b.length - a.length)
const leading = byLength(leadingFillers)
const tentative = byLength(tentativeFillers)
const trailing = byLength(trailingFillers)

export interface Core {
  readonly text: string
  /** "can i install x": a question more than an order. */
  readonly tentative: boolean
  /** Something was stripped from the front ("could you ..."): a question mark is then politeness. */
  readonly polite: boolean
}

export const stripFillers = (normalized: string): Core => {
  let t = ` ${normalized} `
  let isTentative = false
  let polite = false
  let changed = true
  while (changed) {
    changed = false
    for (const w of leading) {
      if (t.startsWith(` ${w} `)) { t = t.slice(w.length + 1); changed = true; polite = true; break }
    }
    for (const w of tentative) {
      if (t.startsWith(` ${w} `)) { t = t.slice(w.length + 1); changed = true; isTentative = true; break }
    }
    for (const w of trailing) {
      if (t.endsWith(` ${w} `)) { t = t.slice(0, t.length - w.length - 1); changed = true; break }
    }
  }
  return { text: t.trim(), tentative: isTentative, polite }
}
