/**
 * The fallback for requests the grammar reads no order or question in: is the text about Nix, NixOS or
 * running a Linux system ("Systemd templates", "Grub Theme Help", "Boot entry management"), and what
 * are its topic words? Such a request is explained (never acted on), not left "not understood".
 * Cheap: only requests the grammar did not read get here, and the vocabulary is unpacked on first use.
 */
import { isEnglishWord } from "./dictionary.js"
import { nixIdeas, topicStopWords } from "./grammar/nixWords.js"
import type { NameResolver } from "./NameResolver.js"
import { negationWords } from "./grammar/questions.js"
import { verbs } from "./grammar/verbs.js"
import { isVerb, termWeight } from "./topicVocabulary.js"
import { BETWEEN_WORDS, knownTopic, programsNamed } from "./topics.js"
import { splitWords } from "../splitWords.js"
import { baseForm, wordForms } from "./wordForms.js"

/**
 * A sentence holding this much is about such things: a part of a system ("Systemd templates"), or two
 * ordinary words of one ("Grub Theme Help", "Boot entry management"). Programs alone are not a topic
 * ("firefox vs chromium"), nor are the verbs of orders.
 */
const ABOUT = 2

/** A text's words as this module reads them (given to aboutSystem and systemTopicQuery when one sentence is asked both). */
export const systemWords = (text: string): ReadonlyArray<string> => splitWords(text.toLowerCase(), BETWEEN_WORDS, "'./-", 2, "'./:-", "'s")

const NUMBER = /^[\d.]+$/
const content = (w: string) => !topicStopWords.has(w) && !NUMBER.test(w)

/** A sentence's words that can name a topic ("home-manager", "configuration.nix", "kernelpackages"), in order. */
export const topicWordsOf = (text: string): ReadonlyArray<string> => systemWords(text).filter(content)

/** The verbs of orders (install, remove, update and their synonyms and typos), in any form: what an order does is not its topic. */
const ORDER_KINDS = ["install", "remove", "update"] as const
let orderVerbs: ReadonlySet<string> | undefined
const isOrderVerb = (w: string): boolean => {
  orderVerbs ??= new Set(ORDER_KINDS.flatMap((k) => [...verbs[k].words, ...(verbs[k].typos ?? [])]).filter((v) => /^[a-z-]+$/.test(v)))
  return wordForms(w).some((f) => orderVerbs!.has(f))
}

/** How strongly a sentence is about Nix or a system: the weights of its distinct words that are not verbs of orders. */
export const systemScore = (text: string, names?: NameResolver): number => scoreOf(systemWords(text).filter(content), names)

/** systemScore of a text's content words. */
const scoreOf = (words: ReadonlyArray<string>, names?: NameResolver): number => {
  let score = 0
  for (const w of new Set(words)) {
    if (!isOrderVerb(w)) score += termWeight(w, names)
    if (score >= ABOUT) return score
  }
  return score
}

/**
 * Is a sentence about Nix or running a system, and neither an order nor a refusal? An order the grammar could
 * not read ("delete my browser history", "send an email to bob", "list boot entries") and a short negated
 * statement ("do not apply my config") are left as they are: neither asks for an explanation.
 */
export const aboutSystem = (text: string, names?: NameResolver, words = systemWords(text)): boolean => {
  const contentWords = words.filter(content)
  if (contentWords.length < 2) return false
  // ("sudo make me a sandwich": an order with sudo before it)
  const first = words[0] === "sudo" && words.length > 1 ? words[1]! : words[0]!
  const task = !text.includes("?") && namesTask(words)
  if (!task && (isOrderVerb(first) || isVerb(first)) && !text.includes("?")) return false
  // ("Not able to install Home-brew formulas", "Cannot boot after resize" say what does not work: not refusals)
  const refusal = words.some((w, k) => (negationWords.has(w) && words[k + 1] !== "able") || (w.endsWith("n't") && !INABILITY.test(w)))
  if (words.length <= 6 && refusal) return false
  // "vim update broke my config", "cannot remove git, it says permission denied": what happened, told
  // in a few words, is a report; nothing in it asks
  if (words.length <= 8 && !text.includes("?") && words.some((w) => HAPPENED.test(w))) return false
  // "which command tells me my ip": asks for a program, not about a topic
  if (ASKS_FOR_PROGRAM.test(text)) return false
  // (a task title's verb says the work is done to a system: it counts as one of its words)
  return (task ? 1 : 0) + scoreOf(task ? contentWords.slice(1) : contentWords, names) >= ABOUT
}

/**
 * The verbs of building or setting something up. A title they start ("Cross Compile Rust for Windows",
 * "Build raspberry image with preinstalled software", "Adding custom ipykernel on jupyterlab") names a task
 * to learn how to do, not an order for ask-nix: "send an email to bob", "list boot entries" stay orders.
 */
const TASK_VERBS: ReadonlySet<string> = new Set([
  "build", "compile", "configure", "create", "customise", "customize", "declare", "package", "setup"
])
/**
 * A sentence opened by a task verb in any form ("cross" before it allowed: "cross compile"), or by an order's
 * verb as a heading's -ing form ("Adding custom ipykernel"; "add option to ..." stays the title of a change).
 */
const namesTask = (words: ReadonlyArray<string>): boolean => {
  const verb = words[0] === "cross" || words[0] === "cross-compile" ? "compile" : words[0]
  if (verb === undefined) return false
  return wordForms(verb).some((f) => TASK_VERBS.has(f)) || (verb.endsWith("ing") && isOrderVerb(verb))
}

const ASKS_FOR_PROGRAM = /^(?:which|what) (?:command|program|package|tool|app|application|software)s?\b/i

const INABILITY = /^(?:can't|couldn't|won't|doesn't|isn't|aren't)$/

/** Words that tell what a program or command did. */
const HAPPENED = /^(?:broke|broken|breaks|crashed|crashes|crashing|fails|failed|failing|froze|freezes|hangs|hung|says|said|stopped|errors|errored)$/

/** Second halves of compounds that describe their first: "nix-based", "fhs-compliant", "systemd-like". */
const DESCRIBING = /^(?:based|compliant|compatible|like|related|specific|friendly|aware|enabled|free|only|wide|powered|native|style|built|ready|capable)$/

/**
 * A topic word, and the form an index or a manual names it by when that differs: "overriding" -> override,
 * "nix-based" -> nix, "non-fhs" -> fhs.
 */
const topicForms = (w: string, names?: NameResolver): ReadonlyArray<string> => {
  if (w.includes("-")) {
    const parts = w.split("-").filter((p) => p !== "")
    if (parts.length > 1 && parts[0] === "non") return topicForms(parts.slice(1).join("-"), names)
    if (parts.length > 1 && DESCRIBING.test(parts[parts.length - 1]!)) return topicForms(parts.slice(0, -1).join("-"), names)
  }
  // a verb's -ing or -ed form, and its base when that is a word ("building", build; "pinning", pin)
  const base = /^[a-z]+(?:ing|ed)$/.test(w) ? baseForm(w, isEnglishWord) : w
  return base === w || !content(base) ? [w] : [w, base]
}

const NIX_ITSELF: ReadonlySet<string> = new Set(["nix", "nixos", "nixpkgs"])

/** How much a word says about the topic: Nix and system things first, then names that are not English, then the rest. */
const rank = (w: string, names?: NameResolver): number => {
  // Nix itself says least: "Gaming on NixOS" is about gaming
  if (NIX_ITSELF.has(w)) return 0
  const t = termWeight(w, names)
  if (t === 2 || nixIdeas.has(w)) return 3
  // (a verb says what is done, not what it is done to: "keep", "upgrade")
  if (isOrderVerb(w) || isVerb(w)) return 1
  return t === 1 || !/^[a-z]+$/.test(w) || !isEnglishWord(w) ? 2 : 1
}

/**
 * The topic of a text in its own words: the built-in topic its words name (if any) first, then at most
 * `max` of its words, the ones that say most, in the order written ("Overriding kitty package" ->
 * "overlay override kitty package"). (`read`: its systemWords and knownTopic, when already worked out.)
 */
export const systemTopicQuery = (text: string, names?: NameResolver, max = 8,
  read: { readonly words: ReadonlyArray<string>; readonly topic: string | undefined } = { words: systemWords(text), topic: knownTopic(text) }): string => {
  const programs = programsNamed(text)
  const words = [...new Set(read.words.filter((w) => content(w) || programs.has(w)))]
  const out: Array<string> = read.topic !== undefined ? read.topic.split(" ") : []
  const room = Math.max(1, max - out.length)
  // (ranked only when there are more words than room for them)
  const kept = words.length <= room ? new Set(words)
    : new Set(words.map((w, i) => ({ w, i, r: rank(w, names) })).sort((a, b) => b.r - a.r || a.i - b.i).slice(0, room).map((x) => x.w))
  for (const w of words) if (kept.has(w)) out.push(...topicForms(w, names))
  return out.length > 0 ? [...new Set(out)].join(" ") : "nix"
}
