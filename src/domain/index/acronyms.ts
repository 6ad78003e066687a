/**
 * Acronyms that the package texts spell out ("Domain Name System (DNS)", "Computer Aided Design (CAD)"), found
 * at index build time, so that a text saying the words ("Domain name server" of bind) is also found by the
 * acronym ("dns server"). Pure.
 */
import { textWords } from "./text.js"

/** acronym -> the words it stands for, each as text.ts stems them (several spellings per acronym). */
export type Acronyms = ReadonlyMap<string, ReadonlyArray<ReadonlyArray<string>>>

/** Words followed by a parenthesised acronym of 3-6 letters. */
const SPELT_OUT = /((?:[A-Za-z]+[\s-]+){3,8})\(([A-Za-z]{3,6})\)/g

/** Acronyms of some texts whose last words' initials spell them ("... the Domain Name System (DNS)"). */
export const findAcronyms = (texts: Iterable<string>): Acronyms => {
  const out = new Map<string, Array<ReadonlyArray<string>>>()
  const seen = new Set<string>()
  for (const text of texts) {
    for (const m of text.matchAll(SPELT_OUT)) {
      const acronym = m[2]!.toLowerCase()
      const tail = m[1]!.trim().split(/[\s-]+/).slice(-acronym.length)
      if (tail.length !== acronym.length || tail.map((w) => w[0]!.toLowerCase()).join("") !== acronym) continue
      // Every word must survive as a word of its own ("and", "of" would not: no spelling to look for then).
      const words = textWords(tail.join(" "))
      if (words.length !== acronym.length) continue
      const key = `${acronym} ${words.join(" ")}`
      if (seen.has(key)) continue
      seen.add(key)
      const list = out.get(acronym)
      if (list === undefined) out.set(acronym, [words])
      else list.push(words)
    }
  }
  return out
}

/** first word of a spelling -> [acronym, the spelling], for withAcronyms. */
export type AcronymStarts = ReadonlyMap<string, ReadonlyArray<readonly [string, ReadonlyArray<string>]>>

export const acronymStarts = (acronyms: Acronyms): AcronymStarts => {
  const out = new Map<string, Array<readonly [string, ReadonlyArray<string>]>>()
  for (const [acronym, spellings] of acronyms) {
    for (const words of spellings) {
      const list = out.get(words[0]!)
      if (list === undefined) out.set(words[0]!, [[acronym, words]])
      else list.push([acronym, words])
    }
  }
  return out
}

/** The acronyms whose words a text says in a row ("domain name server" -> dns), not those it already says. */
export const acronymsSaid = (words: ReadonlyArray<string>, starts: AcronymStarts): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < words.length; i++) {
    for (const [acronym, spelling] of starts.get(words[i]!) ?? []) {
      if (out.includes(acronym) || words.includes(acronym)) continue
      if (spelling.every((w, k) => words[i + k] === w)) out.push(acronym)
    }
  }
  return out
}
