/**
 * The live services of one call, built from its Settings: Nix through the real process choke point,
 * the package index (opened lazily), the parser (with index corrections and plugin phrases), the
 * backend chain native -> profile -> nix-env -> instructions (plus plugin backends), and the wiring.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Layer } from "effect"
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
import { makeProgressRenderer } from "./progress/renderProgress.js"
import { indexAccess } from "./indexAccess.js"
import { isCustomSource, sourceOf } from "../domain/argv/PackageSource.js"
import type { DryRunPolicy } from "../services/DryRunPolicy.js"
import type { Nix } from "../services/Nix.js"
import { Plugins, type LoadedPlugins } from "../services/Plugins.js"
import type { ProfileInspector } from "../services/ProfileInspector.js"
import { Settings, type SettingsShape } from "../services/Settings.js"
import type { SystemHost } from "../services/SystemHost.js"
import { Wiring } from "../services/Wiring.js"

export const mainLayer = (settings: SettingsShape) => {
  const base = Layer.mergeAll(
    Layer.succeed(Settings, settings),
    DryRunPolicyLive(!settings.execute),
    NodeContext.layer,
    ProfileInspectorLive,
    SystemHostLive
  )
  const { index, parser } = indexAccess(settings.index, isCustomSource(sourceOf(settings.file, settings.flake)))
  const nix = NixLive.pipe(Layer.provide(base))
  const core = Layer.mergeAll(base, nix, index, OutputLive.pipe(Layer.provide(base)))
  const plugins = Layer.effect(Plugins, loadedPlugins)

  const app = Layer.unwrapEffect(Effect.gen(function*() {
    const services = yield* Effect.context<Nix | Settings | DryRunPolicy | SystemHost | ProfileInspector>()
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
  return Layer.mergeAll(
    core,
    PrompterLive.pipe(Layer.provide(base)),
    IndexBuilderLive.pipe(Layer.provide(nix)),
    CleanPreviewLive.pipe(Layer.provide(base)),
    app.pipe(Layer.provide(Layer.merge(core, plugins)))
  )
}

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

/** Just enough for `parse`: no Nix, no backends (start-up matters for scripts that call parse). */
export const parseLayer = (settings: SettingsShape) => {
  const base = Layer.succeed(Settings, settings)
  return Layer.mergeAll(
    base,
    OutputLive.pipe(Layer.provide(base)),
    Layer.unwrapEffect(Effect.map(loadedPlugins, (l) => indexAccess(settings.index, isCustomSource(sourceOf(settings.file, settings.flake))).parser(l.rules)))
  )
}

/** The typed subcommands plugins contribute (name, description, examples). */
export const pluginCommands = Effect.map(loadedPlugins, (l) => l.commands)
