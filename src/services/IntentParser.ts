/** Turns words into an intent. The grammar is a table (src/domain/parse/); plugins extend it. */
import { Context, type Effect } from "effect"
import type { Understood } from "../domain/Intent.js"
import type { RequestRejected } from "../domain/errors.js"

export interface IntentParserShape {
  /** Never fails for text it does not understand (that is `unknown`); fails only for rejected input. */
  readonly parse: (text: string) => Effect.Effect<Understood, RequestRejected>
}

export class IntentParser extends Context.Tag("ask-nix/IntentParser")<IntentParser, IntentParserShape>() {}
