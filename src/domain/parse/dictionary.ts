/**
 * Is a word an ordinary English word ("correctly", "bluetooth", "love"), and is a package called so (love)?
 * The table (grammar/dictionary.generated.ts, ~100 KB packed) is read on the first look-up (dictionaryText.ts), and each
 * two-letter bucket is decoded the first time a word of it is asked about: most requests never ask.
 * Words with digits, dots, hyphens or capitals inside are never in it: they look like package names.
 */
import { dictionaryText } from "./dictionaryText.js"

interface Table {
  readonly text: string
  /** Two-letter prefix -> where its bucket's entries start and end in `text`. */
  readonly buckets: ReadonlyMap<string, readonly [number, number]>
  /** Per bucket: word -> is also a package name. */
  readonly decoded: Map<string, ReadonlyMap<string, boolean>>
}

let table: Table | undefined

const load = (): Table => {
  if (table !== undefined) return table
  const text = dictionaryText()
  const buckets = new Map<string, readonly [number, number]>()
  let at = 0
  while (at < text.length) {
    const end = text.indexOf("\n", at)
    const stop = end < 0 ? text.length : end
    buckets.set(text.slice(at, at + 2), [at + 2, stop])
    at = stop + 1
  }
  return (table = { text, buckets, decoded: new Map() })
}

const bucket = (t: Table, prefix: string): ReadonlyMap<string, boolean> => {
  const done = t.decoded.get(prefix)
  if (done !== undefined) return done
  const span = t.buckets.get(prefix)
  const words = new Map<string, boolean>()
  if (span !== undefined) {
    let prev = prefix
    for (const entry of t.text.slice(span[0], span[1]).split(",")) {
      const pkg = entry.endsWith("+")
      const w = prev.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1, pkg ? -1 : undefined)
      words.set(w, pkg)
      prev = w
    }
  }
  t.decoded.set(prefix, words)
  return words
}

const LETTERS = /^[a-z]{2,}$/

/** True for an ordinary English word that is not also the name of a package (as of the 2020 channel). */
export const isDictionaryWord = (word: string): boolean =>
  LETTERS.test(word) && bucket(load(), word.slice(0, 2)).get(word) === false

/** True for any English word, package names included ("love", "check"). */
export const isEnglishWord = (word: string): boolean =>
  LETTERS.test(word) && bucket(load(), word.slice(0, 2)).has(word)
