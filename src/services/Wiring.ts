/**
 * The optional parts of the pipeline that other modules contribute: the NixOS system scope, plugins,
 * the progress renderer. src/layers/WiringNone.ts is the wiring without any of them.
 */
import { Context, type Effect } from "effect"
import type { ExecutedRecord } from "../domain/ExecutedRecord.js"
import type { Outcome } from "../domain/Plan.js"
import type { ProgressEvent } from "../domain/ProgressEvent.js"
import type { ServeError } from "../domain/errors.js"
import type { Backend } from "./Backend.js"

export type { ExecutedRecord }

export interface WiringShape {
  /** Serves system-scoped intents (NixOS); absent = system requests are explained instead. */
  readonly systemBackend: Effect.Effect<Backend | undefined>
  /** Serves plugin intents and carries out plugin plans (src/plugin-api/PluginBackend.ts). */
  readonly pluginBackend: Backend | undefined
  /** A plugin's typed subcommand (`ask-nix doctor`), if a plugin has one by this name. */
  readonly pluginCommand: (name: string, words: ReadonlyArray<string>) => Effect.Effect<Outcome, ServeError> | undefined
  /** Called after an operation was carried out (history). */
  readonly onExecuted: (record: ExecutedRecord) => Effect.Effect<void>
  readonly renderProgress: (event: ProgressEvent) => Effect.Effect<void>
  /** Clears a live progress line when the operation ends (or fails). */
  readonly finishProgress: Effect.Effect<void>
  /** Extra groups for `ask-nix help` (plugins: their description and examples). */
  readonly helpGroups: ReadonlyArray<{ readonly title: string; readonly examples: ReadonlyArray<string> }>
  /** Warnings to show once (plugins that failed to load). */
  readonly warnings: ReadonlyArray<string>
}

export class Wiring extends Context.Tag("ask-nix/Wiring")<Wiring, WiringShape>() {}
