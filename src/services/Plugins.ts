/** The loaded plugins as a service (src/layers/MainLayer.ts loads them once per process: loadPlugins()). */
import { Context, type Effect } from "effect"
import type { ExecutedRecord } from "../domain/ExecutedRecord.js"
import type { PluginIntent } from "../domain/Intent.js"
import type { Outcome } from "../domain/Plan.js"
import type { ServeError } from "../domain/errors.js"
import type { PhraseRule } from "../domain/parse/PhraseRule.js"
import type { Candidate as CandidateOf } from "../domain/plugins/validate.js"
import type { PluginBackend, PluginCommand, PluginDefinition, PluginServices } from "./Plugin.js"

/** A plugin that loaded and is well-formed, with where it lives. */
export type Candidate = CandidateOf<PluginDefinition>

export interface PluginFailure {
  /** The plugin id when known, else its file or folder name. */
  readonly plugin: string
  readonly source: string
  readonly detail: string
}

export interface LoadedPlugins {
  readonly plugins: ReadonlyArray<Candidate>
  /** Every plugin phrase, `plugin` set: pass to parseRequest(text, { rules }). */
  readonly rules: ReadonlyArray<PhraseRule>
  readonly failures: ReadonlyArray<PluginFailure>
  /** One line per failure, to print once on stderr. */
  readonly warnings: ReadonlyArray<string>
  /** The handler for a plugin intent (defects become PluginFailed), or undefined if no plugin claims it. */
  readonly handlerFor: (intent: PluginIntent) => ((intent: PluginIntent) => Effect.Effect<Outcome, ServeError, PluginServices>) | undefined
  readonly commands: ReadonlyArray<PluginCommand & { readonly plugin: string }>
  readonly backends: ReadonlyArray<PluginBackend & { readonly plugin: string }>
  /** Runs every onExecuted hook; a failing hook prints one warning and never fails the operation. */
  readonly notifyExecuted: (record: ExecutedRecord) => Effect.Effect<void, never, PluginServices>
}

export class Plugins extends Context.Tag("ask-nix/Plugins")<Plugins, LoadedPlugins>() {}
