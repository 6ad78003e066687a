/**
 * The dictionary's text, unpacked (format in scripts/gen-dictionary.mjs), and where each of its
 * two-letter buckets is in it. From the sources (tsx, the tests) it is unpacked from
 * grammar/dictionary.generated.ts, once; the bundle reads both from its data file instead
 * (scripts/bundledData.mjs), the index whole (7 KB) and of the text only the part asked for: a parse
 * reads the buckets of the words it looks up, never unpacks, and never holds the whole 330 KB.
 */
import { dictionaryBase64 } from "./grammar/dictionary.generated.js"
import { unpackText } from "./packedText.js"

let unpacked: string | undefined
const text = (): string => (unpacked ??= unpackText(dictionaryBase64()))

/** The text from `from` to `to` (as String.prototype.slice; ASCII, so characters are bytes). */
export const dictionaryText = (from?: number, to?: number): string => text().slice(from, to)

/**
 * Each bucket's record, in the order of their prefixes (as the text's lines are), without separators: its
 * prefix, then where its entries start and end in the text, 6 digits each (14 characters).
 */
export const dictionaryIndex = (): string => {
  const all = text()
  const digits = (n: number) => String(n).padStart(6, "0")
  let records = ""
  let at = 0
  while (at < all.length) {
    const end = all.indexOf("\n", at)
    const stop = end < 0 ? all.length : end
    records += `${all.slice(at, at + 2)}${digits(at + 2)}${digits(stop)}`
    at = stop + 1
  }
  return records
}
