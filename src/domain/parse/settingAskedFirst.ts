/**
 * When a setting read in a text is asked first rather than carried out (issue 13): the reading stays, the
 * plan is shown, and nothing is done even with --execute. Shapes of the whole text, not phrases of one
 * setting:
 * - a default set for others ("enable flakes & nix-command features by default", "ssh should be on by
 *   default"): the defaults are a project's, what it ships to everyone, not a change to this machine;
 * - a modal verb before the order that is not a polite way to ask ("you can enable ssh", "maybe you can
 *   enable flakes"): the setting is talked about, the order is not the main clause. "Could you enable ssh",
 *   "I would like to enable avahi", "enable ssh so I can log in" and "enable zram, it will help" stay orders;
 * - the setting as what a thing is for ("add --flakes flag to enable experimental flakes", "an option to
 *   disable the firewall"): the thing is what is asked for, the setting only its purpose;
 * - the order quoted as a name ("\"Enable Flakes\" installation option"): mentioned, not given.
 * Chosen on the real corpus's dev split (figures in README.md, "Setting orders, by the shape of the whole text");
 * wider shapes (issue-title prefixes, titles that start with a noun, third-person verbs: bench/setting-gates.ts)
 * cost far more real orders than they saved and were left out.
 */
import { isCarriedOut, type Understood } from "../Intent.js"
import { startsWithOrder } from "./reportSignals.js"
import { QUESTION_NOTE } from "./understand.js"

/**
 * The setting placed in a part of a project ("Enable garbage collection in the nix-darwin module", "enable docs for
 * modules", "enable debug logging in the builds"): what the project ships, not this machine's configuration.
 */
const OF_A_PROJECT = /\b(?:for|in|inside|within|of) (?:the |our |its |this |these |all |every |each |a |an )?(?:(?!my\b)[\w./-]+ ){0,2}(?:modules?|outputs?|readme|builds?|derivations?|repo|repository|workflows?|pipelines?)\b(?!\s*[\w-])/i
/** "by default": the default of a tool, a module or a distribution. */
const BY_DEFAULT = /\bby default\b/i
const MODAL = /\b(?:should|shall|must|could|would|will|can|cannot|can't|won't|wouldn't|shouldn't|couldn't|might|may)\b/i
/** A modal that asks politely or says what the order is for: "could you", "I'd like", "so I can". */
const POLITE_OR_PURPOSE = /\b(?:would|'d) (?:like|love)\b|\b(?:could|can|would|will) you\b|\bso (?:that )?(?:i|we) (?:can|could|will)\b/gi

/** A change title's prefix ("feat(host): ", "installer: "). */
const TITLE_PREFIX = /^\s*[\w./@-]{1,40}(?:\([^)\s]{0,40}\))?!?:\s+/
/** Polite words before an order's verb ("please enable ssh"). */
const POLITE = /^\s*(?:(?:please|pls|plz|just|now|ok|okay|so|then|also)[ ,]+)*/i
/** Whether the text starts with an order's verb, after polite words (and a title's prefix, when `titled` is allowed). */
const orderOpens = (text: string, titled: boolean): boolean => {
  const rest = (titled ? text.replace(TITLE_PREFIX, "") : text).replace(POLITE, "").toLowerCase()
  return startsWithOrder(rest) || SETTING_VERB.test(rest)
}
/** Verbs that order a setting, besides those of any order ("use the nix-flatpak module to enable flatpak"). */
const SETTING_VERB = /^(?:use|edit|configure|change|make|turn|setup|set up|activate|deactivate|modify)\b/

/**
 * A setting's verb after a thing and "to" ("flag to enable"); not after a want or a need ("I want to enable", "how to
 * enable", "trying to enable"), where the setting is what is asked.
 */
const PURPOSE = /\b([\w-]+) to (?:enable|disable|activate|deactivate|turn (?:on|off)|switch (?:on|off))\b/i
const ASKS_FOR_IT = /^(?:want|wants|wanted|need|needs|needed|like|love|how|try|trying|tried|wish|going|able|unable|have|has|had|possible|easy|hard|trouble|me|i|we|you|u|way|ways)$/i
/** The text opens with a quoted phrase that something follows: the phrase is a name ("\"Enable Flakes\" installation option"). */
const QUOTED_NAME = /^\s*["“'][^"”']{2,80}["”']\s+\w/

/**
 * The setting as a thing's purpose: "installer: add --flakes flag to enable flakes" (not "I want to enable avahi"); an
 * order that opens the text is what is asked, with its means ("set nix.settings to enable flakes").
 */
const purposeOfThing = (text: string): boolean => {
  const m = PURPOSE.exec(text)
  return m !== null && !ASKS_FOR_IT.test(m[1]!) && !orderOpens(text, false)
}

/**
 * Why the text talks about a setting (a project's default, a modal statement, a purpose, a name) rather than orders
 * it here, said to the user; undefined when it reads as an order.
 */
const talksAboutSetting = (text: string): string | undefined => {
  if (BY_DEFAULT.test(text)) return "\"By default\" sets a default for others (a project's, an image's), not this machine's setting."
  if (OF_A_PROJECT.test(text)) return "The setting is one of a project's parts (its modules, builds, repository), not this machine's."
  if (QUOTED_NAME.test(text)) return "The order is quoted as the name of something, not given."
  if (purposeOfThing(text)) return "The setting is what something else is for; that thing is what is asked."
  const rest = text.replace(/’/g, "'").replace(POLITE_OR_PURPOSE, " ")
  // "enable zram, it will help": an order first, and the modal is its reason or its hope
  return MODAL.test(rest) && !orderOpens(text, true) ? "The setting is talked about (\"can\", \"should\" ... before it), not ordered." : undefined
}

/** A configure reading that would be carried out, asked first when the text talks about the setting. */
export const askSettingFirst = (text: string, u: Understood): Understood => {
  if (u.intent._tag !== "configure" || !isCarriedOut(u)) return u
  const why = talksAboutSetting(text)
  return why === undefined ? u : { ...u, question: true, notes: [...u.notes, why, QUESTION_NOTE] }
}
