/**
 * When a setting read in a text is asked first rather than carried out (issue 13): the reading stays, the
 * plan is shown, and nothing is done even with --execute. Two shapes of the whole text, not phrases of
 * one setting:
 * - a default set for others ("enable flakes & nix-command features by default", "ssh should be on by
 *   default"): the defaults are a project's, what it ships to everyone, not a change to this machine;
 * - a modal verb that is not a polite way to ask ("enabling zram will help", "the firewall must stay on",
 *   "cups could be disabled"): the setting is talked about, the order is not the main clause. "Could you
 *   enable ssh", "I would like to enable avahi" and "enable ssh so I can log in" stay orders.
 * Measured on the real corpus's dev split before it was chosen (the note in the corpus README gives the
 * figures); wider shapes (issue-title prefixes, titles that start with a noun, third-person verbs) cost far
 * more real orders than they saved and were left out.
 */
import { isCarriedOut, type Understood } from "../Intent.js"
import { startsWithOrder } from "./reportSignals.js"
import { QUESTION_NOTE } from "./understand.js"

/** "by default": the default of a tool, a module or a distribution. */
const BY_DEFAULT = /\bby default\b/i
const MODAL = /\b(?:should|shall|must|could|would|will|can|cannot|can't|won't|wouldn't|shouldn't|couldn't|might|may)\b/i
/** A modal that asks politely or says what the order is for: "could you", "I'd like", "so I can". */
const POLITE_OR_PURPOSE = /\b(?:would|'d) (?:like|love)\b|\b(?:could|can|would|will) you\b|\bso (?:that )?(?:i|we) (?:can|could|will)\b/gi

/** Words before an order's verb that keep it the main clause ("please enable ssh", "feat(host): enable ssh"). */
const OPENER = /^\s*(?:[\w./@-]{1,40}(?:\([^)\s]{0,40}\))?!?:\s+)?(?:(?:please|pls|plz|just|now|ok|okay|so|then|also)[ ,]+)*/i

/** The text talks about a setting (a project's default, a modal statement) rather than ordering it here. */
export const talksAboutSetting = (text: string): boolean => {
  if (BY_DEFAULT.test(text)) return true
  const rest = text.replace(/’/g, "'").replace(POLITE_OR_PURPOSE, " ")
  // "enable zram, it will help": an order first, and the modal is its reason or its hope
  return MODAL.test(rest) && !startsWithOrder(text.replace(OPENER, "").toLowerCase())
}

/** A configure reading that would be carried out, asked first when the text talks about the setting. */
export const askSettingFirst = (text: string, u: Understood): Understood =>
  u.intent._tag === "configure" && isCarriedOut(u) && talksAboutSetting(text)
    ? { ...u, question: true, notes: [...u.notes, QUESTION_NOTE] }
    : u
