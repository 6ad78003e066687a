/**
 * The optional parts of the pipeline that other modules contribute: the NixOS system scope, plugins,
 * the progress renderer. Defaults keep the pipeline working without them.
 */
import { Context, Effect, Layer } from "effect"
import type { PluginIntent } from "../domain/Intent.js"
import type { ExecutedRecord } from "../plugin-api/ExecutedRecord.js"
import type { Outcome } from "../domain/Plan.js"
import type { ProgressEvent } from "../domain/ProgressEvent.js"
import type { ServeError } from "../domain/errors.js"
import type { Backend } from "../services/Backend.js"

export type { ExecutedRecord }

export interface WiringShape {
  /** Serves system-scoped intents (NixOS); absent = system requests are explained instead. */
  readonly systemBackend: Effect.Effect<Backend | undefined>
  /** A plugin's handler for its intent kind, if a plugin claims it. */
  readonly pluginHandler: (intent: PluginIntent) => ((intent: PluginIntent) => Effect.Effect<Outcome, ServeError>) | undefined
  /** Called after an operation was carried out (history). */
  readonly onExecuted: (record: ExecutedRecord) => Effect.Effect<void>
  readonly renderProgress: (event: ProgressEvent) => Effect.Effect<void>
  /** Clears a live progress line when the operation ends (or fails). */
  readonly finishProgress: Effect.Effect<void>
  /** Warnings to show once (plugins that failed to load). */
  readonly warnings: ReadonlyArray<string>
}

export class Wiring extends Context.Tag("ask-nix/Wiring")<Wiring, WiringShape>() {}

export const defaultWiring: WiringShape = {
  systemBackend: Effect.succeed(undefined),
  pluginHandler: () => undefined,
  onExecuted: () => Effect.void,
  renderProgress: () => Effect.void,
  finishProgress: Effect.void,
  warnings: []
}

export const WiringDefault = Layer.succeed(Wiring, defaultWiring)
