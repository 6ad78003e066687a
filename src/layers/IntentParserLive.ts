/**
 * The IntentParser service: validate (size, control characters), then the pure parser.
 * Build it with the index's NameResolver when there is one:
 *   IntentParserLive({ names: toNameResolver(index), rules: pluginRules })
 *   IntentParserLive({})   // no index: no corrections, aliases still work
 */
import { Effect, Layer } from "effect"
import type { NameResolver } from "../domain/parse/NameResolver.js"
import { parseRequest } from "../domain/parse/parseRequest.js"
import type { PhraseRule } from "../domain/parse/PhraseRule.js"
import { validateRequest } from "../domain/parse/validate.js"
import { IntentParser } from "../services/IntentParser.js"

export interface IntentParserContext {
  readonly names?: NameResolver | undefined
  readonly rules?: ReadonlyArray<PhraseRule> | undefined
  /** Packages come from --file or a flake other than nixpkgs (see ParseContext). */
  readonly customPackages?: boolean | undefined
}

export const makeIntentParser = (ctx: IntentParserContext = {}) =>
  IntentParser.of({
    parse: (text) => Effect.map(validateRequest(text), (t) => parseRequest(t, ctx))
  })

export const IntentParserLive = (ctx: IntentParserContext = {}): Layer.Layer<IntentParser> =>
  Layer.succeed(IntentParser, makeIntentParser(ctx))
