/**
 * The live services of one call, built from its Settings: Nix through the real process choke point,
 * the package index (opened lazily), the parser (with index corrections and plugin phrases), the
 * backend chain native -> profile -> nix-env -> instructions (plus plugin backends), and the wiring.
 */
import { Context, Effect, Layer } from "effect"
import { InstructionsBackend } from "./backends/instructions/InstructionsBackend.js"
import { NativeBackend } from "./backends/native/NativeBackend.js"
import { CleanPreviewLive } from "./backends/native/cleanPreview.js"
import { ProfileBackend } from "./backends/profile/ProfileBackend.js"
import { NixEnvBackend } from "./backends/nixenv/NixEnvBackend.js"
import { SystemBackend } from "./backends/system/SystemBackend.js"
import { BackendChainFrom, selectBackends } from "./BackendChainLive.js"
import { IndexBuilderLive } from "./index/buildIndex.js"
import { NixLive } from "./NixLive.js"
import { PrompterLive } from "./PrompterLive.js"
import { ProfileInspectorLive } from "./ProfileInspectorLive.js"
import { SystemHostLive } from "./SystemHostLive.js"
import { pluginWiring } from "./plugins/pluginWiring.js"
import { loadPlugins } from "./plugins/loadPlugins.js"
import { DryRunPolicyLive } from "./DryRunPolicyLive.js"
import { OutputLive } from "./OutputLive.js"
import { platformLayer } from "./platform.js"
import { makeProgressRenderer } from "./progress/renderProgress.js"
import { indexAccess } from "./indexAccess.js"
import { Plugins, type LoadedPlugins } from "../services/Plugins.js"
import { Settings, type SettingsShape } from "../services/Settings.js"
import { Wiring } from "../services/Wiring.js"

/**
 * Builds `layer` in the current scope with `context` provided, and returns both together. A call's
 * services are built one after the other this way: every Layer.merge or Layer.provide is a build
 * step of its own (a scope, fibers), which cost more than the services themselves at start-up.
 */
const onto = <ROut, E, RIn>(layer: Layer.Layer<ROut, E, RIn>) => <R>(context: Context.Context<R>) =>
  Effect.map(Effect.provide(Layer.build(layer), context), (built) => Context.merge(context, built))

export const mainLayer = (settings: SettingsShape) => Layer.scopedContext(Effect.gen(function*() {
  const { index, parser } = indexAccess(settings.index)
  const core = yield* Effect.succeed(Context.make(Settings, settings)).pipe(
    Effect.flatMap(onto(DryRunPolicyLive(!settings.execute))),
    Effect.flatMap(onto(platformLayer)),
    Effect.flatMap(onto(ProfileInspectorLive)),
    Effect.flatMap(onto(SystemHostLive)),
    Effect.flatMap(onto(NixLive)),
    Effect.flatMap(onto(index)),
    Effect.flatMap(onto(OutputLive)),
    Effect.flatMap(onto(PrompterLive)),
    Effect.flatMap(onto(IndexBuilderLive)),
    Effect.flatMap(onto(CleanPreviewLive))
  )
  const wiring = yield* Effect.provide(pluginWiring, Context.add(core, Plugins, yield* loadedPlugins))
  const builtins = yield* Effect.provide(Effect.all([NativeBackend, ProfileBackend, NixEnvBackend, InstructionsBackend]), core)
  const chain = yield* Effect.provide(wiring.chain(builtins), core)
  const progress = makeProgressRenderer(settings.json ? "json" : settings.interactive ? "tty" : "plain")
  return yield* Effect.succeed(core).pipe(
    Effect.flatMap(onto(BackendChainFrom(selectBackends(chain, settings.backend)))),
    Effect.flatMap(onto(parser(wiring.rules))),
    Effect.map(Context.add(Wiring, {
      systemBackend: Effect.provide(SystemBackend, core),
      pluginBackend: wiring.backend,
      pluginCommand: (name: string, words: ReadonlyArray<string>) => wiring.commands.find((c) => c.name === name)?.run(words),
      onExecuted: wiring.onExecuted,
      renderProgress: progress.render,
      finishProgress: progress.finish,
      helpGroups: wiring.commands.map((c) => ({ title: `${c.description} (plugin ${c.plugin})`, examples: c.examples })),
      warnings: wiring.warnings
    }))
  )
}))

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

/** Just enough for `parse`: no Nix, no backends (start-up matters for scripts that call parse). */
export const parseLayer = (settings: SettingsShape) => Layer.scopedContext(Effect.gen(function*() {
  const { rules } = yield* loadedPlugins
  return yield* Effect.succeed(Context.make(Settings, settings)).pipe(
    Effect.flatMap(onto(OutputLive)),
    Effect.flatMap(onto(indexAccess(settings.index).parser(rules)))
  )
}))

/** The typed subcommands plugins contribute (name, description, examples). */
export const pluginCommands = Effect.map(loadedPlugins, (l) => l.commands)
