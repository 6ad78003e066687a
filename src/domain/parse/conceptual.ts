/**
 * Questions about what something is, means or how it works, that the grammar read as a lookup: "What does
 * the <nixpkgs> string mean in Nix?" (info on "<nixpkgs>", "string" ...), "does Nix ever give such
 * information about what to install when something is missing?" (which package provides "does"). When such a question is about Nix or a system, it
 * asks for an explanation: its topic is explained instead. A package asked about ("what is home-manager",
 * "what is the newest version of rust") stays a question about that package.
 */
import { Explain, type Understood } from "../Intent.js"
import { isDictionaryWord } from "./dictionary.js"
import { nixIdeas } from "./grammar/nixWords.js"
import type { NameResolver } from "./NameResolver.js"
import { systemScore, systemTopicQuery } from "./systemTopic.js"
import { aboutNix, knownTopic } from "./topics.js"

/** What something means, how it works, how two things differ. */
const ASKS_MEANING = /\bmean(?:s|ing|t)?\b|\bdifference between\b|^how (?:does|do) .+ work\b/i
const WHAT_IS = /^(?:what|what's|whats)\s+(?:is|are)\b/i
/** "How does nix know which packages to rebuild?": how something behaves, read as a lookup of its words. */
const ASKS_HOW_IT = /^how (?:does|do|did|is|are|can|could) (?!i\b|we\b|you\b|one\b)/i
/** A search for a way, a reason or a choice ("a good way to manage dotfiles", "an overlay and when should i use one"). */
const SEARCH_ASKS = /\b(?:ways? to|how|why|when (?:should|do|to)|workarounds?|difference|best practices?)\b/
/** A reason or a choice asked: "why ...", "should I ... or ...", "when should I ...", "is it better to ...". */
const ASKS_WHY_OR_WHICH = /^(?:why|how come|should (?:i|we|one|you)\b.*\bor\b|when (?:should|do|would) (?:i|we|one|you)|(?:which|what) (?:is|one is|would be) (?:better|preferred|recommended)|is it (?:better|worth|preferable|recommended))\b/i
/** Which package has "profile", "generation" ...: a Nix idea asked about, not a command looked for. */
const NIX_IDEA: ReadonlySet<string> = new Set([...nixIdeas, "nix", "nixos", "nixpkgs"])

const aboutNixOrSystem = (text: string, names?: NameResolver): boolean =>
  aboutNix(text) || knownTopic(text) !== undefined || systemScore(text, names) >= 2

/** A word read as a package that names none: not in the index, or (without one) an ordinary word. */
const namesNoPackage = (p: string, names?: NameResolver): boolean =>
  names !== undefined ? !names.exists(p) : !/^[a-z][\w.+-]*$/i.test(p) || isDictionaryWord(p.toLowerCase())

/**
 * When an info reading of this text is made an explanation (conceptualQuestion's conditions that do not
 * look at its packages): "always" when the meaning or the workings of something is asked ("What does the
 * <nixpkgs> string / value mean in Nix?"), about Nix or a system, or two things are compared; "once one
 * names none" when what something is is asked about Nix or a system, with an index ("What is
 * command-not-found, comma and NIX_AUTO_RUN?": explained as soon as one of its packages is not in the index).
 */
export const infoExplainedWhen = (text: string, names?: NameResolver): "always" | "once one names none" | undefined => {
  const t = text.trim()
  const meaning = ASKS_MEANING.test(t) || ASKS_HOW_IT.test(t)
  if (!meaning && (names === undefined || !WHAT_IS.test(t))) return undefined
  if (!/\bdifference between\b/i.test(t) && !aboutNixOrSystem(t, names)) return undefined
  return meaning ? "always" : "once one names none"
}

/** The question as an explanation of its topic, when a lookup was read in a question about what something is. */
export const conceptualQuestion = (text: string, u: Understood, names?: NameResolver): Understood | undefined => {
  const i = u.intent
  const t = text.trim()
  const conceptual =
    // "What does the <nixpkgs> string mean?", "What is the `patchShebangs` command in Nix build expressions?"
    (i._tag === "info" && (ASKS_MEANING.test(t) || (WHAT_IS.test(t) && i.packages.some((p) => namesNoPackage(p, names))))) ||
    // "does Nix ever give such information about what to install ...": "does" is no command
    (i._tag === "provides" && /^(?:does|do|is|are|it|this|that)$/.test(i.query)) ||
    // "How does nix know which packages to rebuild?"
    (i._tag === "info" && ASKS_HOW_IT.test(t)) ||
    // "What's a good way to manage dotfiles with nix?", "Any known workaround besides pinning ...?"
    (i._tag === "search" && SEARCH_ASKS.test(i.query)) ||
    // "Where does nix profile get versions from?"
    (i._tag === "provides" && NIX_IDEA.has(i.query.toLowerCase())) ||
    // "What is a store-derivation?", "What is a flake-ref?": what one name is, a Nix name or one no package has (not
    // "what is a good pdf viewer": a kind of program looked for)
    (i._tag === "search" && WHAT_IS.test(t) && !i.query.includes(" ") && (aboutNix(i.query) || namesNoPackage(i.query, names)) &&
      asksWhatOneIs(t, i.query)) ||
    // "Why can't I install unfree packages?", "Should I install packages with nix-env or configuration.nix?": a reason or a
    // choice asked, which no order answers (read as chit-chat or as nothing: "why did the install fail")
    (i._tag === "unknown" && ASKS_WHY_OR_WHICH.test(t))
  // "what is the difference between buildInputs and nativeBuildInputs": two things compared, whatever they are
  const compared = i._tag === "info" && /\bdifference between\b/i.test(t)
  if (!conceptual || !(compared || aboutNixOrSystem(t, names))) return undefined
  const query = systemTopicQuery(t, names)
  return {
    intent: new Explain({ query }, true), confidence: 0.7, corrections: [],
    notes: [`A question about what something is or how it works: here is what I know about "${query}".`]
  }
}

/** "What is a store-derivation?": the question's words are "what is", an article perhaps, and the name alone. */
const asksWhatOneIs = (text: string, name: string): boolean => {
  const words = text.toLowerCase().replace(/[^\w-]+$/, "").split(/\s+/)
  const rest = /^(?:a|an|the)$/.test(words[2] ?? "") ? words.slice(3) : words.slice(2)
  return rest.length === 1 && rest[0] === name.toLowerCase()
}
