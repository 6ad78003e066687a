/**
 * Is a word an ordinary English word ("correctly", "bluetooth", "love"), and is a package called so (love)?
 * The table (grammar/dictionary.generated.ts, ~100 KB packed) is read on the first look-up (dictionaryText.ts), and each
 * two-letter bucket is decoded the first time a word of it is asked about: most requests never ask.
 * Words with digits, dots, hyphens or capitals inside are never in it: they look like package names.
 */
import { dictionaryText } from "./dictionaryText.js"

interface Table {
  readonly text: string
  /** Per two-letter prefix (slotOf): where its bucket's entries start and end in `text`. */
  readonly buckets: ReadonlyArray<readonly [number, number] | undefined>
  /** Per two-letter prefix: word -> is also a package name, once decoded. */
  readonly decoded: Array<ReadonlyMap<string, boolean> | undefined>
}

/**
 * A two-letter lower-case prefix as an array index: the word's first two character codes, instead of
 * cutting the prefix out as a string and hashing it at every look-up.
 */
const slotOf = (w: string): number => (w.charCodeAt(0) - 97) * 26 + (w.charCodeAt(1) - 97)
const SLOTS = 26 * 26
const PREFIX = /^[a-z]{2}$/

let table: Table | undefined

const load = (): Table => {
  if (table !== undefined) return table
  const text = dictionaryText()
  const buckets: Array<readonly [number, number] | undefined> = new Array(SLOTS).fill(undefined)
  let at = 0
  while (at < text.length) {
    const end = text.indexOf("\n", at)
    const stop = end < 0 ? text.length : end
    // (only words of letters are looked up: LETTERS)
    const prefix = text.slice(at, at + 2)
    if (PREFIX.test(prefix)) buckets[slotOf(prefix)] = [at + 2, stop]
    at = stop + 1
  }
  return (table = { text, buckets, decoded: new Array(SLOTS).fill(undefined) })
}

/** The bucket of a word of two letters or more. */
const bucket = (t: Table, word: string): ReadonlyMap<string, boolean> => {
  const slot = slotOf(word)
  const done = t.decoded[slot]
  if (done !== undefined) return done
  const span = t.buckets[slot]
  const words = new Map<string, boolean>()
  if (span !== undefined) {
    let prev = word.slice(0, 2)
    for (const entry of t.text.slice(span[0], span[1]).split(",")) {
      const pkg = entry.endsWith("+")
      const w = prev.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1, pkg ? -1 : undefined)
      words.set(w, pkg)
      prev = w
    }
  }
  t.decoded[slot] = words
  return words
}

const LETTERS = /^[a-z]{2,}$/

/** True for an ordinary English word that is not also the name of a package (as of the 2020 channel). */
export const isDictionaryWord = (word: string): boolean =>
  LETTERS.test(word) && bucket(load(), word).get(word) === false

/** True for any English word, package names included ("love", "check"). */
export const isEnglishWord = (word: string): boolean =>
  LETTERS.test(word) && bucket(load(), word).has(word)
