/** Shapes of the grammar tables (verbs.ts, phrases.ts); the engine in ../parseRequest.ts reads them. */

import type { IntentKind, RebuildMode } from "../../Intent.js"
import type { verbs } from "./verbs.js"

export type { RebuildMode }

/** Every kind the parser may produce (plugin intents come from plugin rules). */
export type BuiltinKind = Exclude<IntentKind, "plugin">

/** Kinds that take package words or a query after their verb: those with a verb table (verbs.ts). */
export type ObjectKind = keyof typeof verbs

/** A verb and its synonyms and common misspellings, for one kind. */
export interface VerbEntry {
  /** Verb phrases, e.g. "install", "get rid of", "set up". */
  readonly words: ReadonlyArray<string>
  /** Misspellings seen in the wild; other one-letter slips of words >= 5 letters are caught by the engine. */
  readonly typos?: ReadonlyArray<string>
  /**
   * Words of `words` that are also everyday words ("include", "enable", "load"): a request they lead is
   * read as this kind, but at the confidence threshold, so it is asked about before it is carried out.
   * Random word sequences that start with one must not act.
   */
  readonly asks?: ReadonlyArray<string>
}

/**
 * A whole-request phrase. Slots: {pkgs} package words, {query} search/provides/explain words,
 * {n} a generation number (rollback) or how many to keep (clean), {cmd} a command to run (try).
 */
export interface Phrase {
  readonly kind: BuiltinKind
  readonly patterns: ReadonlyArray<string>
  /** rebuild only. */
  readonly mode?: RebuildMode
  /** Default 0.9. */
  readonly confidence?: number
  /** The phrase itself contains a negation or hedge on purpose ("i do not want vlc anymore", "what would change if i rebuild"). */
  readonly negated?: boolean
  /** The phrase is about the NixOS system, or home-manager. */
  readonly scope?: "system" | "home"
  /** install / remove: the packages of the user's own account in the system configuration ("for my user"). */
  readonly forUser?: boolean
  /**
   * The order ends with "it"/"them" pointing back at the package named first ("vim is broken, reinstall it"):
   * the phrase is skipped when the words after the package hold one of `pointsBackBreaks` (a contrast or a question).
   */
  readonly pointsBack?: boolean
  /** Shown in notes when this phrase matched. */
  readonly note?: string
  /** configure only: the setting, when the phrase names it in its own words ("collect garbage automatically"). */
  readonly setting?: string
  /** configure only: what the phrase does to the setting (default: enable). */
  readonly action?: "enable" | "disable" | "set"
  /** The phrase asks how to do it ("is it possible to install x"): the plan is the answer, never carried out. */
  readonly question?: boolean
  /** Turns a match down (then the next phrase is tried): phrases of kinds outside this grammar (IntentSpec.phrases). */
  readonly accept?: ((slots: Readonly<Record<string, string>>) => boolean) | undefined
  /**
   * What `accept` needs in a slot, so in the request: the phrase is not matched against a request without it
   * ("." for a written option path: "{setting} {value}" matches every request of two words or more, and is
   * turned down by all but the few that name an option).
   */
  readonly acceptNeeds?: string
}
