/**
 * How much a word says that a request is about Nix, NixOS or running a Linux system: the vocabulary of the
 * NixOS and home-manager options (grammar/topicVocabulary.generated.ts, made by
 * scripts/gen-topic-vocabulary.ts), Nix's own words, and the package index's names. Unpacked on the
 * first look-up: only requests the grammar did not read ask.
 */
import { nixWords, notNix } from "./grammar/nixWords.js"
import { settingDescriptionWordsBase64 } from "./grammar/settingDescriptionWords.generated.js"
import { topicVocabularyBase64 } from "./grammar/topicVocabulary.generated.js"
import type { NameResolver } from "./NameResolver.js"
import { unpackWordSets } from "./packedText.js"
import { singularOf, wordForms } from "./wordForms.js"

interface Vocabulary {
  readonly strong: ReadonlySet<string>
  readonly weak: ReadonlySet<string>
  readonly verbs: ReadonlySet<string>
}

let vocabulary: Vocabulary | undefined

const load = (): Vocabulary => {
  if (vocabulary !== undefined) return vocabulary
  const [strong, weak, verbs] = unpackWordSets(topicVocabularyBase64(), 3)
  return (vocabulary = { strong: strong!, weak: weak!, verbs: verbs! })
}

/**
 * 2: names a part of Nix or of a system (grub, systemd, home.packages); 1: an ordinary word of one (boot,
 * kernel, theme); 0: neither, or a program (a program is what an order acts on, not a topic: "firefox vs chromium").
 */
export type TermWeight = 0 | 1 | 2

const isNixTerm = (w: string): boolean =>
  nixWords.has(w) || (w.includes("nix") && !notNix.has(w)) || /^(?:pkgs|nixpkgs|services|programs|boot|home|environment|hardware|networking|\/nix)[./]/.test(w)

/** The weight of one lower-case word (its inflections count: "entries" is "entry", "themes" is "theme"). */
export const termWeight = (w: string, names?: NameResolver): TermWeight => {
  if (isNixTerm(w)) return 2
  const v = load()
  const forms = wordForms(w)
  if (forms.some((f) => v.strong.has(f))) return 2
  // a compound of a system's part ("systemd-cryptenroll", "grub2-theme")
  if (w.includes("-") && w.split("-").some((p) => p.length >= 3 && v.strong.has(p))) return 2
  // a dotted name (an option or attribute path: "boot.loader.grub", "python3.withPackages") names a thing
  if (/^[a-z][\w-]*\.[a-z][\w.-]*$/i.test(w) && !/\.(?:com|org|net|io|txt|md|html?)$/.test(w)) return 2
  if (forms.some((f) => v.weak.has(f))) return 1
  // a package the index knows, when it is not an ordinary word ("jupyterlab", not "love")
  return 0
}

/** A word used more often as a verb than as a noun ("send", "free", "list", not "boot" or "theme"): a sentence it starts is an order. */
export const isVerb = (w: string): boolean => load().verbs.has(w)

let switchWords: { readonly words: ReadonlySet<string>; readonly pairs: ReadonlySet<string> } | undefined

const switches = () => {
  if (switchWords !== undefined) return switchWords
  const [words, pairs] = unpackWordSets(settingDescriptionWordsBase64(), 2)
  return (switchWords = { words: words!, pairs: pairs! })
}

/**
 * A word the options use to say what one of their switches turns on ("garbage", "collector", "fingerprint",
 * "touchpad", "scanner": grammar/settingDescriptionWords.generated.ts), in any of its inflections. Unpacked
 * on the first look-up: only orders of setting the grammar's own lists do not know ask.
 */
export const describesSwitch = (w: string): boolean => {
  const known = switches().words
  return wordForms(w).some((f) => known.has(f))
}

/**
 * Two or three words that the description of a switch says one after the other ("garbage collector",
 * "fingerprint readers", "hardware acceleration"; "finger print reader" as "fingerprint reader"): a
 * setting named in everyday words.
 */
export const describedSwitch = (words: string): boolean => {
  const ws = words.split(" ")
  if (ws.length < 2 || ws.length > 4) return false
  const { pairs, words: known } = switches()
  // ("finger print": a word of the descriptions written in two)
  const joined: Array<string> = []
  for (let i = 0; i < ws.length; i++) {
    const two = i + 1 < ws.length ? `${ws[i]}${ws[i + 1]}` : ""
    if (two !== "" && known.has(singularOf(two))) {
      joined.push(two)
      i++
    } else joined.push(ws[i]!)
  }
  if (joined.length < 2 || joined.length > 3) return false
  for (let i = 0; i + 1 < joined.length; i++) if (!pairs.has(`${singularOf(joined[i]!)}_${singularOf(joined[i + 1]!)}`)) return false
  return true
}
