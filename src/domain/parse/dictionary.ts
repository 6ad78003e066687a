/**
 * Is a word an ordinary English word ("correctly", "bluetooth", "love"), and is a package called so (love)?
 * The table (grammar/dictionary.generated.ts, ~100 KB packed): its index of two-letter buckets is read on the first
 * look-up, and a bucket the first time a word of it is asked about (dictionaryText.ts), then read up to where the
 * word is: most requests never ask, the others read a few buckets of it.
 * Words with digits, dots, hyphens or capitals inside are never in it: they look like package names.
 */
import { dictionaryIndex, dictionaryText } from "./dictionaryText.js"

/** A bucket's record in the index: its prefix, where it starts, where it ends (2 + 6 + 6 characters). */
const INDEX_RECORD = 14
let index: string | undefined

/** Where the bucket of `prefix` is in the text: a binary search of the index's records (no table to build). */
const span = (prefix: string): readonly [number, number] | undefined => {
  const records = (index ??= dictionaryIndex())
  let lo = 0
  let hi = records.length / INDEX_RECORD - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = mid * INDEX_RECORD
    const p = records.slice(at, at + 2)
    if (p === prefix) return [Number(records.slice(at + 2, at + 8)), Number(records.slice(at + 8, at + 14))]
    if (p < prefix) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

/** Bucket texts read so far, by prefix. */
const buckets = new Map<string, string>()
/** Words looked up so far: undefined when no English word, else whether a package is also called so. */
const known = new Map<string, boolean | undefined>()

/** Reads the word's bucket (sorted) up to where the word is or would be. */
const lookUp = (word: string): boolean | undefined => {
  if (known.has(word)) return known.get(word)
  const prefix = word.slice(0, 2)
  let text = buckets.get(prefix)
  if (text === undefined) {
    const s = span(prefix)
    text = s === undefined ? "" : dictionaryText(s[0], s[1])
    buckets.set(prefix, text)
  }
  let found: boolean | undefined
  let prev = prefix
  for (let at = 0; at < text.length;) {
    const comma = text.indexOf(",", at)
    const stop = comma < 0 ? text.length : comma
    const pkg = text.charCodeAt(stop - 1) === 43 // "+"
    const w = prev.slice(0, text.charCodeAt(at) - 48) + text.slice(at + 1, pkg ? stop - 1 : stop)
    if (w >= word) {
      if (w === word) found = pkg
      break
    }
    prev = w
    at = stop + 1
  }
  known.set(word, found)
  return found
}

const LETTERS = /^[a-z]{2,}$/

/** True for an ordinary English word that is not also the name of a package (as of the 2020 channel). */
export const isDictionaryWord = (word: string): boolean =>
  LETTERS.test(word) && lookUp(word) === false

/** True for any English word, package names included ("love", "check"). */
export const isEnglishWord = (word: string): boolean =>
  LETTERS.test(word) && lookUp(word) !== undefined
