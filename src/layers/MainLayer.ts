/**
 * The one composition root. `makeApp(world)` builds the services of each call from its Settings:
 * the parser (with index corrections and plugin phrases), the backend chain native -> profile ->
 * nix-env -> instructions (plus plugin backends), the NixOS system and home-manager backends, the plugins, the output
 * and the progress renderer. Only `world` differs between the shipped CLI (src/bin.ts passes
 * `liveWorld`, src/layers/LiveWorld.ts) and the tests (an in-memory Nix, a scripted prompter): both
 * run the same pipeline over the same layers.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Layer } from "effect"
import type { DryRunPolicy } from "../services/DryRunPolicy.js"
import type { CleanPreview } from "../services/CleanPreview.js"
import type { Nix } from "../services/Nix.js"
import type { LoadedPlugins } from "../services/Plugins.js"
import { Plugins } from "../services/Plugins.js"
import type { ProfileInspector } from "../services/ProfileInspector.js"
import type { Prompter } from "../services/Prompter.js"
import { Settings, type SettingsShape } from "../services/Settings.js"
import type { SystemHost } from "../services/SystemHost.js"
import { Wiring } from "../services/Wiring.js"
import { InstructionsBackend } from "./backends/instructions/InstructionsBackend.js"
import { NativeBackend } from "./backends/native/NativeBackend.js"
import { NixEnvBackend } from "./backends/nixenv/NixEnvBackend.js"
import { ProfileBackend } from "./backends/profile/ProfileBackend.js"
import { SystemBackend } from "./backends/system/SystemBackend.js"
import { HomeBackend } from "./backends/home/HomeBackend.js"
import { BackendChainFrom, selectBackends } from "./BackendChainLive.js"
import { DryRunPolicyLive } from "./DryRunPolicyLive.js"
import { IndexBuilderLive } from "./index/buildIndex.js"
import { indexAccess } from "./indexAccess.js"
import { isCustomSource, sourceOf } from "../domain/argv/PackageSource.js"
import { OutputLive } from "./OutputLive.js"
import { pluginWiring } from "./plugins/pluginWiring.js"
import { makeProgressRenderer } from "./progress/renderProgress.js"

/** The layers that reach outside the program: the real machine (LiveWorld.ts) or a test's stand-ins. */
export interface World {
  /** The Nix choke point and the profile reader: processes and the disk, or the in-memory Nix. */
  readonly nix: Layer.Layer<Nix | ProfileInspector, never, DryRunPolicy | Settings>
  /** The machine (uid, hostname, elevation preference). */
  readonly host: Layer.Layer<SystemHost>
  /** Questions to the person at the terminal. */
  readonly prompter: Layer.Layer<Prompter>
  /** "would free X" from the Nix daemon. */
  readonly cleanPreview: Layer.Layer<CleanPreview, never, Settings>
  /** The plugins (loaded once per process). */
  readonly plugins: Effect.Effect<LoadedPlugins>
  /** Files the NixOS system backend reads (under --root). */
  readonly files: Layer.Layer<FileSystem.FileSystem>
}

const mainLayer = (world: World) => (settings: SettingsShape) => {
  const base = Layer.mergeAll(Layer.succeed(Settings, settings), DryRunPolicyLive(!settings.execute), world.host, world.files)
  const nix = world.nix.pipe(Layer.provide(base))
  const { index, parser } = indexAccess(settings.index, isCustomSource(sourceOf(settings.file, settings.flake)))
  const core = Layer.mergeAll(base, nix, index, OutputLive.pipe(Layer.provide(base)))

  const app = Layer.unwrapEffect(Effect.gen(function*() {
    const services = yield* Effect.context<Nix | Settings | DryRunPolicy | SystemHost | ProfileInspector | FileSystem.FileSystem>()
    const wiring = yield* pluginWiring
    const builtins = [
      yield* NativeBackend,
      yield* ProfileBackend,
      yield* NixEnvBackend,
      yield* InstructionsBackend
    ]
    const chain = yield* wiring.chain(builtins)
    const systemBackend = yield* Effect.provide(SystemBackend, services)
    const homeBackend = yield* Effect.provide(HomeBackend, services)
    const progress = makeProgressRenderer(settings.json ? "json" : settings.interactive ? "tty" : "plain")
    return Layer.mergeAll(
      BackendChainFrom(selectBackends(chain, settings.backend)),
      parser(wiring.rules),
      Layer.succeed(Wiring, {
        systemBackend,
        homeBackend,
        pluginBackend: wiring.backend,
        pluginCommand: (name: string, words: ReadonlyArray<string>) => wiring.commands.find((c) => c.name === name)?.run(words),
        onExecuted: wiring.onExecuted,
        renderProgress: progress.render,
        finishProgress: progress.finish,
        helpGroups: wiring.commands.map((c) => ({ title: `${c.description} (plugin ${c.plugin})`, examples: c.examples })),
        warnings: wiring.warnings
      })
    )
  }))
  return Layer.mergeAll(
    core,
    world.prompter,
    IndexBuilderLive.pipe(Layer.provide(nix)),
    world.cleanPreview.pipe(Layer.provide(base)),
    app.pipe(Layer.provide(Layer.merge(core, Layer.effect(Plugins, world.plugins))))
  )
}

/** Just enough for `parse`: no Nix, no backends (start-up matters for scripts that call parse). */
const parseLayer = (world: World) => (settings: SettingsShape) => {
  const base = Layer.succeed(Settings, settings)
  return Layer.mergeAll(
    base,
    OutputLive.pipe(Layer.provide(base)),
    Layer.unwrapEffect(Effect.map(world.plugins, (l) => indexAccess(settings.index, isCustomSource(sourceOf(settings.file, settings.flake))).parser(l.rules)))
  )
}

/** What the CLI runs on (src/cli/AppEnv.ts): the services of a call, the parse-only services, the plugin commands. */
export const makeApp = (world: World) => ({
  layer: mainLayer(world),
  parseLayer: parseLayer(world),
  pluginCommands: Effect.map(world.plugins, (l) => l.commands)
})
