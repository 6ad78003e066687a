/**
 * Related words (relatedWords.generated.ts, from WordNet): a query word also finds packages described with
 * its other forms and, for some nouns, its synonyms ("editor" finds "editing", "audio" finds "sound"). The
 * index stores, in a table of its own (`related`), the packages each query word finds that way, so queries
 * need no word table and a name query never reads it. Pure.
 */
import { relatedWordsText } from "./relatedWords.generated.js"
import { stem } from "./text.js"

/**
 * The table as word -> the words it finds, stemmed again (the table may predate a change of text.ts's stem:
 * "videos" is now "video"), lines that now stem alike merged, no word finding itself.
 */
const relatedTable = (): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>()
  for (const line of relatedWordsText().split("\n")) {
    const tab = line.indexOf("\t")
    if (tab <= 0) continue
    const word = stem(line.slice(0, tab))
    const words = out.get(word) ?? new Set<string>()
    for (const w of line.slice(tab + 1).split(" ")) if (stem(w) !== word) words.add(stem(w))
    out.set(word, words)
  }
  return out
}

/** word -> the query words that find it through the table (the table read backwards). */
export const findersOf = (): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>()
  for (const [finder, words] of relatedTable()) {
    for (const w of words) {
      const list = out.get(w)
      if (list === undefined) out.set(w, [finder])
      else list.push(finder)
    }
  }
  return out
}

/** A verb with each ending: "manage" -> manager, "scan" -> scanner (doubled after a short vowel), "edit" -> editor. */
const withEndings = (verb: string, endings: ReadonlyArray<string>): ReadonlyArray<string> => {
  const base = verb.endsWith("e") ? verb.slice(0, -1) : verb
  const doubled = /[^aeiou][aeiou][bdglmnprt]$/.test(verb) ? `${verb}${verb.at(-1)}` : undefined
  return endings.flatMap((e) => (doubled === undefined ? [`${base}${e}`] : [`${base}${e}`, `${doubled}${e}`]))
}

/** The spellings an agent noun of `verb` can have: edit -> editor, manage -> manager, scan -> scanner. */
const agentForms = (verb: string): ReadonlyArray<string> => withEndings(verb, ["er", "or"])

/** The -ing and -ed forms of a verb: edit -> editing, edited; manage -> managing, managed; scan -> scanning, scanned. */
const verbFormsOf = (verb: string): ReadonlyArray<string> => withEndings(verb, ["ing", "ed"])

/**
 * Verbs and the noun for who does what they say (edit -> editor, record -> recorder, play -> player, scan ->
 * scanner, download -> downloader), both as the index stems them and both words package texts use (`used`): a
 * request that starts with the verb ("edit videos") asks for a package that is one ("video editor"). A pair counts
 * when WordNet links the two words, or when texts also use the verb's -ing or -ed form (then it is a verb there):
 * "image" -> "imager" passes that way only if texts say "imaged"/"imaging", "git" -> "gitter" never does.
 */
export const agentNouns = (used: (word: string) => boolean): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [verb, forms] of relatedTable()) {
    const agent = agentForms(verb).find((f) => forms.has(f) && used(f))
    if (agent !== undefined) out.set(verb, agent)
  }
  return out
}

/** agentNouns plus the pairs of words `vocabulary` spells alike where texts use the verb's -ing or -ed form. */
export const agentNounsOf = (vocabulary: ReadonlySet<string>): Map<string, string> => {
  const used = (w: string) => vocabulary.has(w)
  const out = agentNouns(used)
  for (const verb of vocabulary) {
    if (out.has(verb) || verb.length < 3 || !/^[a-z]+$/.test(verb) || /(?:er|or)$/.test(verb)) continue
    if (!verbFormsOf(verb).some(used)) continue
    const agent = agentForms(verb).find(used)
    if (agent !== undefined) out.set(verb, agent)
  }
  return out
}

/** The table as the index keeps it: "\nword<TAB>words\n" lines, for relatedWordsIn. */
export const relatedWordLines = (): string =>
  `\n${[...relatedTable()].filter(([, ws]) => ws.size > 0).map(([w, ws]) => `${w}\t${[...ws].join(" ")}`).join("\n")}\n`

/** The words `word` finds through related words, read from relatedWordLines' text (no parsing of the rest). */
export const relatedWordsIn = (lines: string, word: string): ReadonlyArray<string> => {
  const at = lines.indexOf(`\n${word}\t`)
  if (at < 0) return []
  const from = at + word.length + 2
  return lines.slice(from, lines.indexOf("\n", from)).split(" ")
}
