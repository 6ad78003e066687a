/**
 * Misspelt words of the grammar's own phrases ("delet old generatons", "rollbak", "clena up", "list
 * installed pakages"): read as the word they miss by one slip, when nothing else read the request.
 * Verbs with packages after them have their own misspellings (grammar/verbs.ts); these are the words
 * phrases are built on. Only plausible slips (distance.ts) that fit one word, and never a word that is
 * English or a package.
 */
import { isEnglishWord } from "./dictionary.js"
import { editDistance, plausibleTypo } from "./distance.js"
import type { NameResolver } from "./NameResolver.js"

const KEYWORDS: ReadonlyArray<string> = [
  "generation", "generations", "rollback", "back", "clean", "garbage", "collect", "collection", "collector",
  "package", "packages", "installed", "delete", "remove", "erase", "update", "upgrade", "uninstall", "install",
  "previous", "store", "space", "revert", "list", "show", "undo"
]
const KNOWN: ReadonlySet<string> = new Set(KEYWORDS)

export interface KeywordFix {
  readonly text: string
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>
}

/** The text with its misspelt grammar words fixed, or undefined when there is none. */
export const fixKeywords = (text: string, names: NameResolver | undefined): KeywordFix | undefined => {
  const corrections: Array<{ from: string; to: string }> = []
  const words = text.split(" ").map((w) => {
    if (w.length < 4 || KNOWN.has(w) || !/^[a-z]+$/.test(w) || isEnglishWord(w) || names?.exists(w) === true) return w
    // the closest fit, when one is closest ("generatons" is one letter from generations, two from generation)
    const fits = KEYWORDS.filter((k) => Math.abs(k.length - w.length) <= 2 && plausibleTypo(w, k))
      .map((k) => ({ k, d: editDistance(w, k, 2) })).sort((a, b) => a.d - b.d)
    if (fits.length === 0 || (fits.length > 1 && fits[1]!.d === fits[0]!.d)) return w
    corrections.push({ from: w, to: fits[0]!.k })
    return fits[0]!.k
  })
  return corrections.length === 0 ? undefined : { text: words.join(" "), corrections }
}
