/**
 * Imports every plugin of the registry on its own. A plugin that fails to import, is malformed, or
 * clashes with an earlier one becomes a failure (one warning line) and is left out; the rest load.
 */
import { Cause, Console, Effect } from "effect"
import { PluginFailed } from "../../domain/errors.js"
import type { PluginDefinition } from "../../services/Plugin.js"
import type { Candidate, LoadedPlugins, PluginFailure } from "../../services/Plugins.js"
import type { PluginModule } from "./PluginModule.js"
import { findConflicts, problemsOf } from "../../domain/plugins/validate.js"

const firstLine = (u: unknown): string => (u instanceof Error ? u.message : String(u)).split("\n")[0] ?? ""

/** Runs plugin code so that a throw or a defect becomes PluginFailed naming the plugin. */
export const guard = <A, E, R>(plugin: string, run: () => Effect.Effect<A, E, R>): Effect.Effect<A, E | PluginFailed, R> =>
  Effect.suspend(run).pipe(
    Effect.catchAllDefect((d) => Effect.fail(new PluginFailed({ plugin, detail: firstLine(d) })))
  )

const importOne = (m: PluginModule): Effect.Effect<Candidate | PluginFailure> =>
  Effect.tryPromise(() => m.load()).pipe(
    Effect.map((mod): Candidate | PluginFailure => {
      const def = (mod as { default?: unknown }).default
      const problems = problemsOf(def)
      return problems.length > 0
        ? { plugin: m.name, source: m.source, detail: problems.join("; ") }
        : { source: m.source, definition: def as PluginDefinition }
    }),
    Effect.catchAll((e) => Effect.succeed({ plugin: m.name, source: m.source, detail: `failed to load: ${firstLine(e.error)}` }))
  )

export const fromCandidates = (found: ReadonlyArray<Candidate | PluginFailure>): LoadedPlugins => {
  const candidates = found.filter((f): f is Candidate => "definition" in f)
  const conflicts = findConflicts(candidates)
  const losers = new Set(conflicts.map((c) => c.source))
  const failures: ReadonlyArray<PluginFailure> = [
    ...found.filter((f): f is PluginFailure => !("definition" in f)),
    ...conflicts.map((c) => ({ plugin: c.plugin, source: c.source, detail: c.detail }))
  ]
  const plugins = candidates.filter((c) => !losers.has(c.source))
  const byId = new Map(plugins.map((p) => [p.definition.id, p.definition]))
  const defs = plugins.map((p) => p.definition)
  return {
    plugins,
    failures,
    warnings: failures.map((f) => `ask-nix: plugin "${f.plugin}" (${f.source}) is disabled: ${f.detail}`),
    rules: defs.flatMap((d) => (d.rules ?? []).map((r) => ({ ...r, plugin: d.id }))),
    handlerFor: (intent) => {
      const handler = byId.get(intent.plugin)?.handlers?.[intent.kind]
      return handler === undefined ? undefined : (i) => guard(intent.plugin, () => handler(i))
    },
    commands: defs.flatMap((d) => (d.commands ?? []).map((c) => ({
      ...c, plugin: d.id, run: (words: ReadonlyArray<string>) => guard(d.id, () => c.run(words))
    }))),
    backends: defs.flatMap((d) => (d.backends ?? []).map((b) => ({ ...b, plugin: d.id }))),
    notifyExecuted: (record) =>
      Effect.forEach(defs, (d) => {
        const hook = d.onExecuted
        return hook === undefined ? Effect.void : Effect.suspend(() => hook(record)).pipe(
          Effect.catchAllCause((cause) =>
            Console.error(`ask-nix: plugin "${d.id}" could not record this operation: ${firstLine(Cause.squash(cause))}`))
        )
      }, { discard: true })
  }
}

/** Loads the plugins listed in `modules` (default: the generated registry). Never fails. */
export const loadPlugins = (modules?: ReadonlyArray<PluginModule>): Effect.Effect<LoadedPlugins> =>
  Effect.gen(function*() {
    const list = modules ?? (yield* Effect.promise(() => import("./registry.generated.js"))).pluginModules
    const found = yield* Effect.forEach(list, importOne, { concurrency: "unbounded" })
    return fromCandidates(found)
  })
