/**
 * The live services of one call, built from its Settings: Nix through the real process choke point,
 * the package index (opened lazily), the parser (with index corrections and plugin phrases), the
 * backend chain native -> profile -> nix-env -> instructions (plus plugin backends), and the wiring.
 */
import { platformLayer } from "./platform.js"
import { Effect, Layer } from "effect"
import { InstructionsBackend } from "../backends/instructions/InstructionsBackend.js"
import { NativeBackend } from "../backends/native/NativeBackend.js"
import { ProfileBackend } from "../backends/profile/ProfileBackend.js"
import { NixEnvBackend } from "../backends/nixenv/NixEnvBackend.js"
import { SystemBackend } from "../backends/system/SystemBackend.js"
import { BackendChainFrom, selectBackends } from "../layers/BackendChainLive.js"
import { NixLive } from "../layers/NixLive.js"
import type { Nix } from "../services/Nix.js"
import { PrompterLive } from "../layers/PrompterLive.js"
import { pluginWiring } from "../plugin-api/pluginWiring.js"
import { Plugins } from "../plugin-api/Plugins.js"
import { loadPlugins, type LoadedPlugins } from "../plugin-api/loadPlugins.js"
import { DryRunPolicy, make as makePolicy } from "../services/DryRunPolicy.js"
import { OutputLive } from "../services/Output.js"
import { Settings, type SettingsShape } from "../services/Settings.js"
import type { AppEnv } from "../cli/AppEnv.js"
import type { Environment } from "../cli/settings.js"
import { makeProgressRenderer } from "../cli/progress/renderProgress.js"
import { Wiring } from "./Wiring.js"
import { indexAccess } from "./indexAccess.js"

export const liveLayer = (settings: SettingsShape) => {
  const base = Layer.mergeAll(
    Layer.succeed(Settings, settings),
    Layer.succeed(DryRunPolicy, makePolicy(!settings.execute)),
    platformLayer
  )
  const { index, parser } = indexAccess(settings.index)
  const core = Layer.mergeAll(base, NixLive.pipe(Layer.provide(base)), index, OutputLive.pipe(Layer.provide(base)))
  const plugins = Layer.effect(Plugins, loadedPlugins)

  const app = Layer.unwrapEffect(Effect.gen(function*() {
    const services = yield* Effect.context<Nix | Settings | DryRunPolicy>()
    const wiring = yield* pluginWiring
    const builtins = [
      yield* NativeBackend,
      yield* ProfileBackend,
      yield* NixEnvBackend,
      yield* InstructionsBackend
    ]
    const chain = yield* wiring.chain(builtins)
    const progress = makeProgressRenderer(settings.json ? "json" : settings.interactive ? "tty" : "plain")
    return Layer.empty.pipe(
      Layer.merge(BackendChainFrom(selectBackends(chain, settings.backend))),
      Layer.merge(parser(wiring.rules)),
      Layer.merge(Layer.succeed(Wiring, {
        systemBackend: Effect.provide(SystemBackend, services),
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
  return Layer.mergeAll(core, PrompterLive.pipe(Layer.provide(base)), app.pipe(Layer.provide(Layer.merge(core, plugins))))
}

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

const parseLayer = (settings: SettingsShape) => {
  const base = Layer.succeed(Settings, settings)
  return Layer.mergeAll(
    base,
    OutputLive.pipe(Layer.provide(base)),
    Layer.unwrapEffect(Effect.map(loadedPlugins, (l) => indexAccess(settings.index).parser(l.rules)))
  )
}

export const liveEnv = (environment: Environment): AppEnv => ({
  environment,
  layer: liveLayer,
  parseLayer,
  pluginCommands: Effect.map(loadedPlugins, (l) => l.commands)
})
