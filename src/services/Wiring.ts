/**
 * What the pipeline uses beside the backend chain: the NixOS system backend, the plugins' backend,
 * commands and hooks, the progress renderer. Built by the composition root (src/layers/MainLayer.ts).
 */
import { Context, type Effect } from "effect"
import type { ExecutedRecord } from "../domain/ExecutedRecord.js"
import type { Outcome } from "../domain/Plan.js"
import type { ProgressEvent } from "../domain/ProgressEvent.js"
import type { ServeError } from "../domain/errors.js"
import type { Backend } from "./Backend.js"

export type { ExecutedRecord }

export interface WiringShape {
  /** Serves system-scoped intents (NixOS; elsewhere it fails NotNixOS, saying what to do instead). Made on first use. */
  readonly systemBackend: Effect.Effect<Backend>
  /** Serves home-manager-scoped intents (standalone home-manager, or the NixOS module through the system). Made on first use. */
  readonly homeBackend: Effect.Effect<Backend>
  /** Serves plugin intents and carries out plugin plans (src/layers/plugins/PluginBackend.ts). */
  readonly pluginBackend: Backend
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
