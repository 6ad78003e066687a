/**
 * Step one of parsing: lower case, everyday contractions and shorthand spelled out, punctuation
 * that carries no meaning dropped, list symbols turned into "and", single spaces.
 */
import { contractions } from "./grammar/fillers.js"

export interface Normalized {
  /** Lower case, single spaces, no trailing punctuation. */
  readonly text: string
  /** The request contained a question mark. */
  readonly question: boolean
}

const contractionMap = new Map(Object.entries(contractions))
const PLAIN = /^[a-z0-9 -]*$/

const spellOut = (text: string): string => {
  const words = text.split(" ")
  let changed = false
  for (let i = 0; i < words.length; i++) {
    const c = contractionMap.get(words[i]!)
    if (c !== undefined) { words[i] = c; changed = true }
  }
  return changed ? words.join(" ") : text
}

export const normalize = (raw: string): Normalized => {
  let t = raw.toLowerCase().trim()
  const question = t.includes("?")
  if (PLAIN.test(t) && !t.includes("  ")) {
    // The common case: plain words. Only standalone dashes ("- install x") need removing.
    if (t.includes("-")) t = t.replace(/(^| )-+(?= |$)/g, " ").replace(/\s+/g, " ").trim()
    return { text: spellOut(t), question }
  }
  t = t
    .replace(/[\u2018\u2019\u0060\u00b4]/g, "'")
    .replace(/nixpkgs#/g, "")
    .replace(/[^a-z0-9 ,&+.'_:/@#-]+/g, " ")
    .replace(/\s+/g, " ")
  t = spellOut(t.trim())
  t = t
    .replace(/'s\b/g, "")
    .replace(/'/g, "")
    .replace(/&/g, " and ")
    .replace(/(^| )\+( |$)/g, " and ")
    .replace(/,/g, " , ")
    .replace(/[.:#/@]+(?= |$)/g, " ")
    .replace(/(^| )[.:#/@]+/g, " ")
    .replace(/(^| )-+(?= |$)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  return { text: spellOut(t), question }
}
