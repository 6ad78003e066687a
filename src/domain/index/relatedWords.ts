/**
 * Related words (relatedWords.generated.ts, from WordNet): a query word also finds packages described with
 * its other forms and, for some nouns, its synonyms ("editor" finds "editing", "audio" finds "sound"). The
 * index stores, for each word of a package, the words that find it under a RELATED_PREFIX key, so queries
 * need no table. Pure.
 */
import { RELATED_WORDS } from "./relatedWords.generated.js"

/** Keys of the words table that hold packages found through a related word ("~edit": they say "editing"). */
export const RELATED_PREFIX = "~"

/** word -> the query words that find it through the table (the table read backwards). */
export const findersOf = (): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>()
  for (const line of RELATED_WORDS.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab <= 0) continue
    const finder = line.slice(0, tab)
    for (const w of line.slice(tab + 1).split(" ")) {
      const list = out.get(w)
      if (list === undefined) out.set(w, [finder])
      else list.push(finder)
    }
  }
  return out
}
