/** What the engine knows about a request before its package words are read. */
import { kindMutates, type Understood, Unknown } from "../Intent.js"
import type { BuiltinKind, RebuildMode } from "./grammar/types.js"
import type { NameResolver } from "./NameResolver.js"
import type { Slots } from "./pattern.js"
import type { PhraseRule } from "./PhraseRule.js"

export interface ParseContext {
  readonly names?: NameResolver | undefined
  readonly rules?: ReadonlyArray<PhraseRule> | undefined
}

export interface Draft {
  readonly kind: BuiltinKind
  readonly slots: Slots
  readonly confidence: number
  readonly notes: ReadonlyArray<string>
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>
  readonly negated: boolean
  readonly scope?: "system" | "home" | undefined
  readonly mode?: RebuildMode | undefined
  /** install / remove: users.users.<name>.packages ("for my user"). */
  readonly forUser?: boolean | undefined
  /** Came from the verb table ("install x"), not from a whole phrase. */
  readonly verb?: string | undefined
}

export const draft = (kind: BuiltinKind, slots: Slots, confidence: number, extra: Partial<Draft> = {}): Draft => ({
  kind, slots, confidence, notes: [], corrections: [], negated: false, ...extra
})

export const isMutatingKind = kindMutates

export const unknown = (text: string, notes: ReadonlyArray<string>): Understood => ({
  intent: new Unknown({ text }, true), confidence: 0, notes, corrections: []
})
