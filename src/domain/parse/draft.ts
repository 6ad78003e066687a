/** What the engine knows about a request before its package words are read. */
import { kindMutates, type Understood, Unknown } from "../Intent.js"
import type { BuiltinKind, RebuildMode } from "./grammar/types.js"
import type { NameResolver } from "./NameResolver.js"
import type { Slots } from "./pattern.js"
import type { PhraseRule } from "./PhraseRule.js"


export interface ParseContext {
  readonly names?: NameResolver | undefined
  readonly rules?: ReadonlyArray<PhraseRule> | undefined
  /**
   * Packages come from the user's own Nix file or flake (--file, a flake that is not nixpkgs): any word
   * may be one of its names, so ordinary words are not left out (the index knows nixpkgs only).
   */
  readonly customPackages?: boolean | undefined
}

/** A ParseContext as parseRequest hands it to the reading of the request as a whole. */
export interface SentenceContext extends ParseContext {
  /**
   * When an info reading of this text is made an explanation (conceptual.ts infoExplainedWhen): "always",
   * its package words are then not looked up (a typo search each, 0.05-0.1 ms, for a reading thrown away);
   * "once one names none", they are looked up until one names no package in the index. Asked only of info
   * readings, at most once.
   */
  readonly infoExplained?: (() => "always" | "once one names none" | undefined) | undefined
}

export interface Draft {
  readonly kind: BuiltinKind
  readonly slots: Slots
  readonly confidence: number
  readonly notes: ReadonlyArray<string>
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>
  readonly negated: boolean
  readonly scope?: "system" | "home" | undefined
  /** configure only: enable, disable or set. */
  readonly action?: "enable" | "disable" | "set" | undefined
  readonly mode?: RebuildMode | undefined
  /** install / remove: users.users.<name>.packages ("for my user"). */
  readonly forUser?: boolean | undefined
  /** Came from the verb table ("install x"), not from a whole phrase. */
  readonly verb?: string | undefined
  /** The phrase ends with "... remove it", pointing back at a package named before ("vim is broken, remove it"). */
  readonly pointsBack?: boolean | undefined
  /** A question about doing it ("how do i install x"): answered with the plan, never carried out. */
  readonly question?: boolean | undefined
}

export const draft = (kind: BuiltinKind, slots: Slots, confidence: number, extra: Partial<Draft> = {}): Draft => ({
  kind, slots, confidence, notes: [], corrections: [], negated: false, ...extra
})

export const isMutatingKind = kindMutates

export const unknown = (text: string, notes: ReadonlyArray<string>): Understood => ({
  intent: new Unknown({ text }, true), confidence: 0, notes, corrections: []
})

/**
 * The grammar read nothing in a sentence, or a verb without anything it could act on ("install correctly"):
 * not a refusal, so other readings may still be tried; the notes say why, for when none is found.
 */
export interface NotRead {
  readonly notRead: ReadonlyArray<string>
}
