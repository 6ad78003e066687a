/**
 * Is a word an ordinary English word ("correctly", "bluetooth", "love"), and is a package called so (love)?
 * The table (grammar/dictionary.generated.ts, ~100 KB packed): its index of two-letter buckets is read on the first
 * look-up, and each bucket is read and decoded the first time a word of it is asked about (dictionaryText.ts): most
 * requests never ask, the others read a few buckets of it.
 * Words with digits, dots, hyphens or capitals inside are never in it: they look like package names.
 */
import { dictionaryIndex, dictionaryText } from "./dictionaryText.js"

/** Two-letter prefix -> where its bucket's entries start and end in the text (dictionaryText.ts). */
let spans: ReadonlyMap<string, readonly [number, number]> | undefined
/** Per bucket read so far: word -> is also a package name. */
const decoded = new Map<string, ReadonlyMap<string, boolean>>()

const loadSpans = (): ReadonlyMap<string, readonly [number, number]> => {
  if (spans !== undefined) return spans
  const out = new Map<string, readonly [number, number]>()
  for (const line of dictionaryIndex().split("\n")) {
    const [prefix, start, end] = line.split(" ")
    if (prefix !== undefined) out.set(prefix, [Number(start), Number(end)])
  }
  return (spans = out)
}

const bucket = (prefix: string): ReadonlyMap<string, boolean> => {
  const done = decoded.get(prefix)
  if (done !== undefined) return done
  const span = loadSpans().get(prefix)
  const words = new Map<string, boolean>()
  if (span !== undefined) {
    let prev = prefix
    for (const entry of dictionaryText(span[0], span[1]).split(",")) {
      const pkg = entry.endsWith("+")
      const w = prev.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1, pkg ? -1 : undefined)
      words.set(w, pkg)
      prev = w
    }
  }
  decoded.set(prefix, words)
  return words
}

const LETTERS = /^[a-z]{2,}$/

/** True for an ordinary English word that is not also the name of a package (as of the 2020 channel). */
export const isDictionaryWord = (word: string): boolean =>
  LETTERS.test(word) && bucket(word.slice(0, 2)).get(word) === false

/** True for any English word, package names included ("love", "check"). */
export const isEnglishWord = (word: string): boolean =>
  LETTERS.test(word) && bucket(word.slice(0, 2)).has(word)
