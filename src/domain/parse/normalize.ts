/**
 * Step one of parsing: lower case, everyday contractions and shorthand spelled out, punctuation
 * that carries no meaning dropped, list symbols turned into "and", single spaces.
 */
import { contractions } from "./grammar/fillers.js"

export interface Normalized {
  /** Lower case, single spaces, no trailing punctuation. */
  readonly text: string
  /** The request ended with (or contained) a question mark. */
  readonly question: boolean
}

const contractionRe = new RegExp(
  `(?<![\\w'-])(${Object.keys(contractions).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w'-])`,
  "g"
)

export const normalize = (raw: string): Normalized => {
  let t = raw.toLowerCase()
  const question = t.includes("?")
  t = t
    .replace(/[\u2018\u2019\u0060\u00b4]/g, "'")
    .replace(/nixpkgs#/g, "")
    .replace(/[^a-z0-9 ,&+.'_:/@#-]+/g, " ")
    .replace(/\s+/g, " ")
  t = t.replace(contractionRe, (m) => contractions[m] ?? m)
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
  return { text: t, question }
}
