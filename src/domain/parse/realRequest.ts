/**
 * A request the grammar could not read as one sentence, read as people write in forums and issue
 * trackers: a shell's "command not found" anywhere in it, or one of its sentences once title prefixes,
 * markdown and asides are off ("feat(home): add emacs", "On NixOS I am unable to uninstall the
 * `i3lock-color` package."). An order found in one sentence of several is asked about before it is done.
 */
import { describeIntent, Explain, isMutating, Provides, type Understood } from "../Intent.js"
import { type NotRead, type ParseContext, unknown } from "./draft.js"
import { CONFIDENCE_THRESHOLD } from "./threshold.js"
import { QUESTION_NOTE } from "./understand.js"
import { negationWords } from "./grammar/questions.js"
import { nixIdeas } from "./grammar/nixWords.js"
import { mentionsSetting } from "./grammar/settings.js"
import { cleanReal, hasShellSyntax, missingCommand, wishAfterBut } from "./realText.js"
import { reportsAround } from "./reportSignals.js"
import { secondOpinion } from "./secondOpinion.js"
import { settingInPlace, settingOrderIn, settingTitle } from "./settingOrderIn.js"
import { aboutSystem, systemTopicQuery, systemWords, topicWordsOf } from "./systemTopic.js"
import { termWeight } from "./topicVocabulary.js"
import { isEnglishWord } from "./dictionary.js"
import { conceptualQuestion } from "./conceptual.js"
import { aboutNix, knownTopic, namesSomething, NIX_ITSELF } from "./topics.js"

/** Words in another sentence that take an order back ("no, wait", "actually never mind"). */
const TAKE_BACK: ReadonlySet<string> = new Set(["wait", "actually", "cancel", "nevermind", "mind", "stop", "oops", "undo"])

/** "don't update nixos", "do not run the gc": a negated order, refused rather than explained. */
const FORBIDS = /\b(?:not|never|don'?t|dont|do not)\s+(?:\w+\s+){0,3}(?:install|remove|uninstall|delete|update|upgrade|run|clean|roll|rollback|rebuild|switch|touch|change|gc|go|revert|undo|enable|disable)\b/i

/** A sentence that only asks for the way to do what another sentence says ("What's the best way?", "How?", "Any ideas?"). */
const ASKS_THE_WAY = /^(?:so,? |but,? |and )?(?:what(?:'s| is| would be) the (?:\w+ )?(?:way|command)(?: to do (?:it|this|that))?|how(?: (?:do|can|could|should|would) (?:i|we|you|one)(?: (?:do|achieve|accomplish|go about) (?:it|this|that))?)?|any (?:ideas|suggestions|tips|pointers|hints)|is (?:it|this|that) (?:possible|doable)|is there a (?:\w+ )?way(?: to do (?:it|this|that))?)\s*\?+$/i

/** `least`: a reading below this confidence would be set aside (it may then be left unbuilt, as not read). */
type Parse = (text: string, ctx: ParseContext, least?: number) => Understood | NotRead

/** Of a sentence of several, a reading below this confidence is a guess from part of the text, not the request. */
const PART_LEAST = 0.8

/** How much a reading says: an action or a lookup beats an explanation, which beats help. */
const weight = (u: Understood): number => {
  switch (u.intent._tag) {
    case "unknown": return 0
    case "help": return 1
    case "explain": return 2
    case "search": case "info": return 3
    default: return 4
  }
}

/** Which package has the command a shell said it did not find. */
const providesMissing = (cmd: string): Understood =>
  ({ intent: new Provides({ query: cmd }, true), confidence: 0.85, corrections: [], notes: [`"${cmd}" is a command the shell did not find: which package has it.`] })

/**
 * "However when, after rebooting, I try this command, I get 'home-manager: command not found'": a lookup the
 * grammar read from the words around the shell's message is about the command the message names.
 */
export const withMissingCommand = (text: string, u: Understood): Understood => {
  if (u.intent._tag !== "provides") return u
  const cmd = missingCommand(text)
  return cmd === undefined || cmd.toLowerCase() === u.intent.query.toLowerCase() ? u : providesMissing(cmd)
}

export const readRealRequest = (text: string, ctx: ParseContext, hint: ReadonlyArray<string>, parse: Parse): Understood => {
  const cmd = missingCommand(text)
  if (cmd !== undefined) return providesMissing(cmd)
  const real = cleanReal(text)
  const partial = real.sentences.length > 1
  const candidates = partial ? real.sentences : real.changed ? [real.text] : []
  // "install firefox? no, wait": another sentence takes the order back
  const takenBack = partial && real.sentences.some((s) => s.toLowerCase().split(/[^a-z']+/).some((w) => negationWords.has(w) || TAKE_BACK.has(w)))
  const shell = hasShellSyntax(text)
  // "enable nvidia: black screen", "Steps to reproduce: ...": a report around the order
  const reported = real.report || (partial && reportsAround(real.text.toLowerCase()))
  let best: Understood | undefined
  const explained: Array<string> = []
  // (the sentences the explanations come from, and the one the best reading does)
  const explainedIn: Array<string> = []
  let bestIn: string | undefined
  for (const s of candidates) {
    // a word alone is not the request ("install failed: firefox")
    if (partial && !s.includes(" ")) continue
    const read = parse(s, ctx, partial ? PART_LEAST : undefined)
    if ("notRead" in read) continue
    // ("What is the purpose of nix-instantiate? What is a store-derivation?": each sentence a question about what something is)
    const u = conceptualQuestion(s, read, ctx.names) ?? read
    if (u.intent._tag === "explain") { explained.push(u.intent.query); explainedIn.push(s) }
    // (a question is never carried out: "I just installed nixos. How do I install firefox?" is asked whatever the narration)
    if (isMutating(u.intent) && u.question !== true && (reported || shell || takenBack)) continue
    // "Any ideas?" alone is not a request for help with ask-nix; a guess from part of the text is no reading
    if (partial && (u.intent._tag === "help" || u.confidence < PART_LEAST)) continue
    if (weight(u) > (best === undefined ? 0 : weight(best))) { best = u; bestIn = s }
  }
  if (best === undefined) {
    // "please don't update nixos": the refusal is the answer, not an explanation of nixos
    // ("why does the garbage collector not delete it?" asks why: it is explained)
    const refused = !partial && FORBIDS.test(real.text) && !/^(?:why|how|what)\b/i.test(real.text)
    if (refused) return unknown(text, hint)
    // "I can see all packages under <dir> but I am really hoping to get list of packages ...": the wish is the request
    // (an order in it is asked first: the words before it may change it)
    const wish = reported || shell ? undefined : wishAfterBut(real.text)
    const wanted = wish === undefined ? undefined : parse(wish, ctx, PART_LEAST)
    if (wanted !== undefined && !("notRead" in wanted) && wanted.intent._tag !== "unknown" && wanted.intent._tag !== "help") {
      return isMutating(wanted.intent) && wanted.question !== true
        ? { ...wanted, confidence: Math.min(wanted.confidence, CONFIDENCE_THRESHOLD - 0.05), notes: [...wanted.notes, "The order follows what you have: I will ask before doing it."] }
        : wanted
    }
    // "Explicitly enable printer", "base.nix: enable firewall on all hosts except k8s": a setting ordered inside
    const ordered = reported || shell ? undefined : settingOrderIn(real.text, ctx, parse) ?? settingTitle(real.text, parse, ctx) ?? settingInPlace(real.text, ctx, parse)
    if (ordered !== undefined) return ordered
    return explainTopic(real.text, real.sentences, ctx) ?? withSecondOpinion(unknown(text, hint), text, ctx)
  }
  // several sentences explained: the answer is about all their topics; and about the Nix things the other sentences
  // name ("I have networkmanager enabled. How do I connect to wifi from the terminal?")
  if (best.intent._tag === "explain" && partial) {
    const from = explained.length > 1 ? explainedIn : [bestIn ?? ""]
    const query = withTopicsOf(real.sentences, from, explained.length > 1 ? joinTopics(explained) : best.intent.query, ctx.names)
    if (query !== best.intent.query) best = { ...best, intent: new Explain({ query }, true) }
  }
  // "I want to clean up the nix store. What's the safest way?": another sentence asks for the way to do it
  if (partial && isMutating(best.intent) && best.question !== true && real.sentences.some((s) => ASKS_THE_WAY.test(s))) {
    return { ...best, question: true, notes: [...best.notes, QUESTION_NOTE] }
  }
  if (partial && isMutating(best.intent) && best.question !== true) {
    return {
      ...best,
      confidence: Math.min(best.confidence, CONFIDENCE_THRESHOLD - 0.05),
      notes: [...best.notes, "The order is one sentence of several: I will ask before doing it."]
    }
  }
  return best
}

/** The topics of several explained sentences as one query: their words in order, each once, at most eight. */
const joinTopics = (queries: ReadonlyArray<string>): string =>
  [...new Set(queries.flatMap((q) => q.split(" ")))].slice(0, 8).join(" ")

/** Clearly about Nix, but neither an order nor a question the grammar reads: explain its topic. */
const explainTopic = (text: string, sentences: ReadonlyArray<string>, ctx: ParseContext): Understood | undefined => {
  // about Nix by its words; or a built-in topic in a real question ("How to install specific version of a
  // package?"), not in a short order ("downgrade vim", "pin firefox")
  // (or a NixOS setting named in a sentence, not in a short order or title: "No wifi after the install",
  // "Man pages doesn't work", but not "update bluetooth", "list boot entries")
  // (or the vocabulary of NixOS options, Linux administration and the index's packages: "Grub Theme Help")
  // (each kind of sentence is looked for only when no sentence of the kind before it was found, and only
  // until the one to explain is found: the first question of that kind, else its first sentence)
  // (what the passes and the query ask of one sentence is worked out once: SentenceFacts)
  const facts = sentences.map((s) => new SentenceFacts(s))
  const named = firstOf(facts, (f) => aboutNix(f.text) || (f.wordCount >= 4 && mentionsSetting(f.text)) || ((isQuestion(f) || isHeading(f.text)) && f.topic !== undefined))
  const about = named ?? firstOf(facts, (f) => aboutSystem(f.text, ctx.names, f.words))
  // any other real question put to ask-nix ("How can I get the Moga Pro 2 Gamepad to work?") is answered
  // with where to read about its words: a question is never "not understood"
  const chosen = about ?? firstOf(facts, (f) => isQuestion(f) && f.text.includes("?"))
  if (chosen === undefined) return undefined
  const sentence = chosen.text
  // (and the Nix ideas and things the other sentences name: "So there are three users with profiles - me, root, and system?")
  const query = withTopicsOf(sentences, [sentence], systemTopicQuery(sentence, ctx.names, 8, chosen), ctx.names)
  const bySystem = named === undefined && about !== undefined
  if (about === undefined ? query.split(" ").length < 2 : !bySystem && !namesSomething(query) && !mentionsSetting(query)) return undefined
  return {
    intent: new Explain({ query }, true), confidence: 0.5, corrections: [],
    notes: [`Not an order or a question I can carry out: here is what I know about "${query}".`]
  }
}

const NOT_LETTERS = /[^a-z]+/

/** Of the Nix things other sentences name, at most this many are added to a question's topic: the question says most. */
const CONTEXT_THINGS = 3

/** Words that name Nix or its configuration as a whole: every text about Nix is about them, no topic in particular. */
const WHOLE_NIX: ReadonlySet<string> = new Set([...NIX_ITSELF, "config", "configuration", "configuration.nix"])

/** A name of a thing, not a word of the language, a short one ("conf", "sudo") or a description ("non-nixos"). */
const isThing = (w: string): boolean =>
  w.length >= 5 && /^[a-z][a-z._+/-]*$/.test(w) && !WHOLE_NIX.has(w) && !/^non-|-(?:managed|based|only)$/.test(w) && !isEnglishWord(w)

/**
 * A query and what the other sentences name that it lacks, in their order: the Nix ideas (nixIdeas: profiles,
 * channels, flakes ...), and at most CONTEXT_THINGS Nix things or parts of a system by the option vocabulary
 * ("home-manager", "networkmanager", "systemd", "kernelpackages"): the setup a question is asked in.
 */
const withTopicsOf = (sentences: ReadonlyArray<string>, asked: ReadonlyArray<string>, query: string, names?: ParseContext["names"]): string => {
  const have = new Set(query.split(" "))
  const lacks = (w: string) => !have.has(w) && !have.has(w.replace(/s$/, "")) && !have.has(`${w}s`)
  const ideas: Array<string> = []
  const things: Array<string> = []
  for (const s of sentences) {
    if (asked.includes(s)) continue
    for (const w of topicWordsOf(s)) {
      // (an idea inside a compound counts: "store-derivation" names the store and derivations)
      const inside = w.split(NOT_LETTERS).filter((p) => nixIdeas.has(p) && lacks(p) && !ideas.includes(p))
      if (inside.length > 0) ideas.push(...inside)
      else if (things.length < CONTEXT_THINGS && lacks(w) && !things.includes(w) && isThing(w) && termWeight(w, names) === 2) things.push(w)
    }
  }
  return ideas.length + things.length === 0 ? query : [...have, ...ideas, ...things].join(" ")
}

/** One sentence's word count, systemWords and knownTopic, each worked out when first asked for. */
class SentenceFacts {
  #wordCount: number | undefined
  #words: ReadonlyArray<string> | undefined
  #topic: { readonly known: string | undefined } | undefined
  constructor(readonly text: string) {}
  get wordCount(): number { return this.#wordCount ??= this.text.split(" ").length }
  get words(): ReadonlyArray<string> { return this.#words ??= systemWords(this.text) }
  get topic(): string | undefined { return (this.#topic ??= { known: knownTopic(this.text) }).known }
}

/** The first sentence with a question mark that `p` holds for, else the first one it holds for. */
const firstOf = (sentences: ReadonlyArray<SentenceFacts>, p: (s: SentenceFacts) => boolean): SentenceFacts | undefined =>
  sentences.find((s) => s.text.includes("?") && p(s)) ?? sentences.find((s) => !s.text.includes("?") && p(s))

/** A title that names a task or a question without ordering it: "Overriding kitty package", "homebrew installation?". */
const isHeading = (s: string): boolean => /^[A-Za-z]+ing\b/.test(s) || /\?\s*$/.test(s)

const isQuestion = (s: SentenceFacts): boolean =>
  s.wordCount >= 5 && (s.text.includes("?") || /^(?:how|what|why|where|which|when|is|are|can|could|does|do|should|any)\b/i.test(s.text))

/** Not understood: what the classifier proposes, if anything (never a change when the text has a negation). */
const withSecondOpinion = (u: Understood, text: string, ctx: ParseContext): Understood => {
  const s = secondOpinion(text, ctx)
  if (s === undefined) return u
  if (isMutating(s.intent) && text.toLowerCase().split(/[^a-z']+/).some((w) => negationWords.has(w) || w.endsWith("n't"))) return u
  return { ...u, suggestion: s, notes: [...u.notes, `Did you mean: ${describeIntent(s.intent)}?`] }
}
