/**
 * Is a request clearly about Nix, and what is it about? Used when the grammar reads no order or
 * question in it: such a request gets an explanation of its topic, never "not understood".
 */
import { explain, explainWords } from "../explanations.js"
import { isEnglishWord } from "./dictionary.js"
import { splitWords } from "../splitWords.js"
import { aliases } from "./grammar/aliases.js"
import { nixIdeas, nixPhrases, nixWords, notNix, topicStopWords } from "./grammar/nixWords.js"

/** What separates the words of a text about Nix: anything but letters, digits and the marks inside names and paths. */
export const BETWEEN_WORDS = /[^a-z0-9.+_'/-]+/
const wordsOf = (text: string): ReadonlyArray<string> => splitWords(text.toLowerCase(), BETWEEN_WORDS, "'./-", 1)

const isNixWord = (w: string): boolean =>
  // (a compound with a Nix word in it: "store-derivation", "flake-ref")
  nixWords.has(w) || (w.includes("-") && w.split("-").some((p) => nixWords.has(p))) || (w.includes("nix") && !notNix.has(w)) || w.startsWith("pkgs.") || w.startsWith("nixpkgs.") ||
  w.startsWith("services.") || w.startsWith("programs.") || w.startsWith("boot.") || w.startsWith("/nix/")

/** The request names Nix or one of its tools, files or ideas. */
export const aboutNix = (text: string): boolean => {
  const lower = text.toLowerCase()
  return wordsOf(lower).some(isNixWord) || nixPhrases.some((p) => lower.includes(p))
}

/** An English word, or the plural of one. */
const isEnglish = (w: string): boolean => isEnglishWord(w) || isEnglishWord(w.replace(/s$/, ""))

/**
 * A topic worth explaining names something: a Nix word, a built-in topic, or a word that is not ordinary
 * English (a program, a tool, a file: "poetry2nix", "flutter", "firefox"). "i love nixos" names nothing.
 */
export const namesSomething = (topic: string): boolean =>
  knownTopic(topic) !== undefined || topic.split(" ").some((w) => isNixWord(w) || explain(w) !== undefined || !isEnglish(w))

/** A program named where a name goes, not found or not working: "why is make not found", "why doesn't `make` work". */
const PROGRAM_SUBJECT = /\b(?:is|are|does|do|doesn't|don't|isn't|aren't|won't|can't|cannot)\s+`?([a-z][\w+-]*)`?\s+(?:not\s+)?(?:found|work|works|working|available|installed|load|run|start|compile|build)\b/g

/**
 * Everyday words of a text that name a program there ("make" in "why is make not found in nix-shell"): the
 * subject of a question whether it is found or works, when it is the everyday name of a package (aliases).
 * They are topic words, though topicStopWords holds them as verbs.
 */
export const programsNamed = (text: string): ReadonlySet<string> => {
  const lower = text.toLowerCase()
  if (!/found|work|available|installed|load|run|start|compile|build/.test(lower)) return NONE
  const out = new Set<string>()
  for (const m of lower.matchAll(PROGRAM_SUBJECT)) if (aliases[m[1]!] !== undefined) out.add(m[1]!)
  return out.size > 0 ? out : NONE
}
const NONE: ReadonlySet<string> = new Set()

/**
 * What a request is about, in its own words (at most `max` of them, in order): its words less function
 * words, question words and everyday verbs (unless a program: programsNamed); "nix" itself only when nothing else is left.
 */
export const topicOf = (text: string, max = 6): string => {
  const programs = programsNamed(text)
  const words = wordsOf(text).filter((w) => (!topicStopWords.has(w) || programs.has(w)) && !/^\d+$/.test(w) && w.length > 1)
  // "Gaming on NixOS": what is asked about first, Nix itself last
  const own = words.filter((w) => !NIX_ITSELF.has(w))
  const all = [...new Set([...own, ...words.filter((w) => NIX_ITSELF.has(w))])]
  if (all.length === 0) return "nix"
  if (all.length <= max) return all.join(" ")
  // more words than room: the ones that say most, in the order written ("... after changing kernelPackages")
  const kept = new Set(all.map((w, i) => ({ w, i, s: says(w, programs) })).sort((a, b) => b.s - a.s || a.i - b.i).slice(0, max).map((x) => x.w))
  return all.filter((w) => kept.has(w)).join(" ")
}

/** How much a word says about a topic: Nix's words and ideas and the programs asked about, then names that are not English, then the rest. */
const says = (w: string, programs: ReadonlySet<string>): number =>
  NIX_ITSELF.has(w) ? 0 : isNixWord(w) || nixIdeas.has(w) || programs.has(w) ? 3 : !isEnglish(w) ? 2 : 1
/** The words that name Nix itself: every text about Nix is about them. */
export const NIX_ITSELF: ReadonlySet<string> = new Set(["nix", "nixos", "nixpkgs"])

/** The built-in topic a request's words name, if any ("... from the unstable channel" -> unstable). */
export const knownTopic = (text: string): string | undefined => {
  const e = explainWords(text)
  return e !== undefined && e.topic !== "nix" ? e.topic : undefined
}

/** The query of an explanation: the built-in topic its words name (if any) first, then its own words. */
export const topicQuery = (text: string): string => {
  const topic = knownTopic(text)
  if (topic === undefined) return topicOf(text, 8)
  // (the text's own words in the room the topic leaves: the ones that say most)
  const own = topicOf(text, Math.max(2, 8 - topic.split(" ").length))
  const words = [...topic.split(" "), ...own.split(" ")]
  return [...new Set(words)].slice(0, 8).join(" ")
}
