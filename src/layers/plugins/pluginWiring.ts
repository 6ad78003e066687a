/**
 * Everything the pipeline needs from plugins, with the services already provided: the closures need
 * nothing more from the caller. Build once per call: `yield* pluginWiring` with the Plugins service provided (src/app/liveEnv.ts loads them once per process).
 */
import { Console, Effect } from "effect"
import type { PluginIntent } from "../../domain/Intent.js"
import type { Outcome } from "../../domain/Plan.js"
import type { ServeError } from "../../domain/errors.js"
import type { PhraseRule } from "../../domain/parse/PhraseRule.js"
import type { Backend } from "../../services/Backend.js"
import type { ExecutedRecord } from "../../domain/ExecutedRecord.js"
import type { PluginServices } from "../../services/Plugin.js"
import { makePluginBackend } from "./PluginBackend.js"
import { Plugins } from "../../services/Plugins.js"
import { placeBackends } from "./placeBackends.js"

export interface BoundCommand {
  readonly plugin: string
  readonly name: string
  readonly description: string
  readonly examples: ReadonlyArray<string>
  readonly run: (words: ReadonlyArray<string>) => Effect.Effect<Outcome, ServeError>
}

export interface PluginWiring {
  /** For the parser: parseRequest(text, { rules }). */
  readonly rules: ReadonlyArray<PhraseRule>
  /** Print once on stderr (plugins that failed to load or clashed). */
  readonly warnings: ReadonlyArray<string>
  readonly pluginHandler: (intent: PluginIntent) => ((intent: PluginIntent) => Effect.Effect<Outcome, ServeError>) | undefined
  readonly onExecuted: (record: ExecutedRecord) => Effect.Effect<void>
  readonly commands: ReadonlyArray<BoundCommand>
  /** Serves `plugin` intents and executes plugin plans (name "plugins"). */
  readonly backend: Backend
  /** The built-in chain with plugin-contributed backends placed (their warnings are printed). */
  readonly chain: (builtins: ReadonlyArray<Backend>) => Effect.Effect<ReadonlyArray<Backend>>
}

export const pluginWiring: Effect.Effect<PluginWiring, never, Plugins | PluginServices> = Effect.gen(function*() {
  const loaded = yield* Plugins
  const context = yield* Effect.context<PluginServices>()
  const backend = yield* makePluginBackend(loaded)
  return {
    rules: loaded.rules,
    warnings: loaded.warnings,
    pluginHandler: (intent) => {
      const h = loaded.handlerFor(intent)
      return h === undefined ? undefined : (i) => Effect.provide(h(i), context)
    },
    onExecuted: (record) => Effect.provide(loaded.notifyExecuted(record), context),
    commands: loaded.commands.map((c) => ({
      plugin: c.plugin, name: c.name, description: c.description, examples: c.examples,
      run: (words) => Effect.provide(c.run(words), context)
    })),
    backend,
    chain: (builtins) =>
      placeBackends(builtins, loaded).pipe(
        Effect.tap(({ warnings }) => Effect.forEach(warnings, (w) => Console.error(w), { discard: true })),
        Effect.map(({ backends }) => backends),
        Effect.provide(context)
      )
  }
})
