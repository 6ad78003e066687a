/**
 * Misspelt words of the grammar itself, read as meant when the words as written read as nothing; the
 * reading says so ("rollbak" read as "rollback"). Verbs with packages after them have their own
 * misspellings (grammar/verbs.ts); these are the words phrases are built on. Two word lists, each with
 * how close a slip must be:
 * - the words of the grammar's phrases ("delet old generatons", "rollbak", "clena up", "list installed
 *   pakages"): only plausible slips (distance.ts) that fit one word best, never a word that is English
 *   or a package (fixKeywords, tried by parseRequest);
 * - the words settings requests are built on ("enabel bluetooth", "collect garbige every week"): one edit
 *   or one swap away, same first letter, not itself an English word ("enables", "disabled" are words);
 *   understand() keeps the fixed reading only when it is a setting (fixSettingWords).
 */
import { isEnglishWord } from "./dictionary.js"
import { editDistance, plausibleTypo } from "./distance.js"
import type { NameResolver } from "./NameResolver.js"

export interface WordCorrection { readonly from: string; readonly to: string }

export interface KeywordFix {
  readonly text: string
  readonly corrections: ReadonlyArray<WordCorrection>
}

/** How a correction is said in a reading's notes. */
export const readAsNote = (c: WordCorrection): string => `"${c.from}" read as "${c.to}"`

/** The text with each word that `fix` corrects replaced, or undefined when it corrects none. */
const fixWords = (text: string, fix: (word: string) => string | undefined): KeywordFix | undefined => {
  // (in place in the one array the split made: most texts have nothing to correct)
  const corrections: Array<WordCorrection> = []
  const words = text.split(" ")
  for (let i = 0; i < words.length; i++) {
    const to = fix(words[i]!)
    if (to !== undefined) { corrections.push({ from: words[i]!, to }); words[i] = to }
  }
  return corrections.length === 0 ? undefined : { text: words.join(" "), corrections }
}

const KEYWORDS: ReadonlyArray<string> = [
  "generation", "generations", "rollback", "back", "clean", "garbage", "collect", "collection", "collector",
  "package", "packages", "installed", "delete", "remove", "erase", "update", "upgrade", "uninstall", "install",
  "previous", "store", "space", "revert", "list", "show", "undo"
]
/** Words of installing that the dictionary lacks and that are not misspellings ("the installer" is not "the installed"). */
const NOT_TYPOS = ["installer", "installers", "installable", "installables", "uninstaller", "reinstaller"]
const KNOWN: ReadonlySet<string> = new Set([...KEYWORDS, ...NOT_TYPOS])

/** The text with its misspelt grammar words fixed, or undefined when there is none. */
export const fixKeywords = (text: string, names: NameResolver | undefined): KeywordFix | undefined =>
  fixWords(text, (w) => {
    if (w.length < 4 || KNOWN.has(w) || !/^[a-z]+$/.test(w) || isEnglishWord(w)) return undefined
    // the closest fit, when one is closest ("generatons" is one letter from generations, two from generation)
    const fits = KEYWORDS.filter((k) => Math.abs(k.length - w.length) <= 2 && plausibleTypo(w, k))
      .map((k) => ({ k, d: editDistance(w, k, 2) })).sort((a, b) => a.d - b.d)
    // (the index is asked last, only about a word that fits: a look-up costs more than the fits, most of all cold)
    return fits.length === 0 || (fits.length > 1 && fits[1]!.d === fits[0]!.d) || names?.exists(w) === true ? undefined : fits[0]!.k
  })

const SETTING_WORDS: ReadonlyArray<string> = ["enable", "disable", "activate", "deactivate", "configure", "collect", "garbage"]

/** The text with its misspelt setting words fixed, or undefined when there is none. */
export const fixSettingWords = (text: string): KeywordFix | undefined =>
  fixWords(text, (w) => {
    if (w.length < 5 || SETTING_WORDS.includes(w)) return undefined
    const to = SETTING_WORDS.find((s) => s[0] === w[0] && editDistance(w, s, 1) <= 1)
    return to === undefined || isEnglishWord(w) ? undefined : to
  })
