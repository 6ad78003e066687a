/**
 * Misspelt words of a settings request ("enabel bluetooth", "collect garbige every week"): the few
 * words the configure phrases are built on, fixed when a word is one edit (or one swap) away from one
 * of them, starts with the same letter, and is not itself an English word ("enables", "disabled" and
 * "collects" are words: left alone). understand() reads the fixed text only when the words as written
 * match nothing, and keeps the reading only when it is a setting, so no other request changes.
 */
import { isEnglishWord } from "./dictionary.js"
import { editDistance } from "./distance.js"

const settingWords = ["enable", "disable", "activate", "deactivate", "configure", "collect", "garbage"]

/** The text with its misspelt setting words fixed, and the fixes; undefined when there is none. */
export const fixSettingWords = (text: string): { readonly text: string; readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }> } | undefined => {
  const corrections: Array<{ from: string; to: string }> = []
  const words = text.split(" ").map((w) => {
    if (w.length < 5 || settingWords.includes(w)) return w
    const to = settingWords.find((s) => s[0] === w[0] && editDistance(w, s, 1) <= 1)
    if (to === undefined || isEnglishWord(w)) return w
    corrections.push({ from: w, to })
    return to
  })
  return corrections.length === 0 ? undefined : { text: words.join(" "), corrections }
}
