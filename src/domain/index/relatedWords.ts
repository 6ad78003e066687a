/**
 * Related words (relatedWords.generated.ts, from WordNet): a query word also finds packages described with
 * its other forms and, for some nouns, its synonyms ("editor" finds "editing", "audio" finds "sound"). The
 * index stores, in a table of its own (`related`), the packages each query word finds that way, so queries
 * need no word table and a name query never reads it. Pure.
 */
import { RELATED_WORDS } from "./relatedWords.generated.js"
import { stem } from "./text.js"

/** word -> the query words that find it through the table (the table read backwards). */
export const findersOf = (): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>()
  for (const line of RELATED_WORDS.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab <= 0) continue
    // (stemmed again: the table may predate a change of text.ts's stem, "videos" now being "video")
    const finder = stem(line.slice(0, tab))
    for (const w of line.slice(tab + 1).split(" ").map(stem)) {
      if (w === finder) continue
      const list = out.get(w)
      if (list === undefined) out.set(w, [finder])
      else list.push(finder)
    }
  }
  return out
}
