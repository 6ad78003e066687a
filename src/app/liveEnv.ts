/**
 * The live services of one call, built from its Settings: Nix through the real process choke point,
 * the package index (opened lazily), the parser (with index corrections and plugin phrases), the
 * backend chain native -> profile -> nix-env -> instructions (plus plugin backends), and the wiring.
 */
import * as fs from "node:fs"
import { NodeContext } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { InstructionsBackend } from "../backends/instructions/InstructionsBackend.js"
import { NativeBackend } from "../backends/native/NativeBackend.js"
import { ProfileBackend } from "../backends/profile/ProfileBackend.js"
import { NixEnvBackend } from "../backends/nixenv/NixEnvBackend.js"
import { SystemBackend } from "../backends/system/SystemBackend.js"
import type { NameResolver } from "../domain/parse/NameResolver.js"
import { IndexReader } from "../index/IndexReader.js"
import { toNameResolver } from "../index/toNameResolver.js"
import { BackendChainFrom, selectBackends } from "../layers/BackendChainLive.js"
import { makeIntentParser } from "../layers/IntentParserLive.js"
import { NixLive } from "../layers/NixLive.js"
import type { Nix } from "../services/Nix.js"
import { makePackageIndex } from "../layers/PackageIndexLive.js"
import { PrompterLive } from "../layers/PrompterLive.js"
import { pluginWiring } from "../plugin-api/pluginWiring.js"
import { Plugins } from "../plugin-api/Plugins.js"
import { loadPlugins, type LoadedPlugins } from "../plugin-api/loadPlugins.js"
import { DryRunPolicy, make as makePolicy } from "../services/DryRunPolicy.js"
import { IntentParser } from "../services/IntentParser.js"
import { OutputLive } from "../services/Output.js"
import { PackageIndex } from "../services/PackageIndex.js"
import { Settings, type SettingsShape } from "../services/Settings.js"
import type { AppEnv } from "../cli/AppEnv.js"
import type { Environment } from "../cli/settings.js"
import { makeProgressRenderer } from "../cli/progress/renderProgress.js"
import { Wiring } from "./Wiring.js"

/** One reader per call, opened on first use; undefined when there is no usable index. */
const lazyReader = (path: string) => {
  let reader: IndexReader | undefined
  let failed = false
  return {
    open: (): IndexReader => (reader ??= IndexReader.open(path)),
    tryOpen: (): IndexReader | undefined => {
      if (reader !== undefined || failed) return reader
      try { return (reader = IndexReader.open(path)) } catch { failed = true; return undefined }
    },
    close: () => reader?.close()
  }
}

/** The parser's view of the index: only when an index file exists, and opened on the first lookup. */
const lazyResolver = (tryOpen: () => IndexReader | undefined): NameResolver => {
  let resolver: NameResolver | undefined
  const get = () => {
    if (resolver === undefined) { const r = tryOpen(); if (r !== undefined) resolver = toNameResolver(r) }
    return resolver
  }
  return {
    exists: (a) => get()?.exists(a) ?? false,
    resolve: (w) => get()?.resolve(w),
    suggest: (w, n) => get()?.suggest(w, n) ?? []
  }
}

export const liveLayer = (settings: SettingsShape) => {
  const base = Layer.mergeAll(
    Layer.succeed(Settings, settings),
    Layer.succeed(DryRunPolicy, makePolicy(!settings.execute)),
    NodeContext.layer
  )
  const reader = lazyReader(settings.index)
  const index = Layer.scoped(PackageIndex, Effect.acquireRelease(
    Effect.sync(() => makePackageIndex(settings.index, reader.open).service),
    () => Effect.sync(reader.close)
  ))
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
    const names = fs.existsSync(settings.index) ? lazyResolver(reader.tryOpen) : undefined
    return Layer.empty.pipe(
      Layer.merge(BackendChainFrom(selectBackends(chain, settings.backend))),
      Layer.merge(Layer.succeed(IntentParser, makeIntentParser({ names, rules: wiring.rules }))),
      Layer.merge(Layer.succeed(Wiring, {
        systemBackend: Effect.provide(SystemBackend, services),
        pluginBackend: wiring.backend,
        pluginCommand: (name: string, words: ReadonlyArray<string>) => wiring.commands.find((c) => c.name === name)?.run(words),
        onExecuted: wiring.onExecuted,
        renderProgress: progress.render,
        finishProgress: progress.finish,
        warnings: wiring.warnings
      }))
    )
  }))
  return Layer.mergeAll(core, PrompterLive.pipe(Layer.provide(base)), app.pipe(Layer.provide(Layer.merge(core, plugins))))
}

/** Plugins are loaded once per process (the CLI asks for their commands, the call for their services). */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const loadedPlugins: Effect.Effect<LoadedPlugins> = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

export const liveEnv = (environment: Environment): AppEnv => ({
  environment,
  layer: liveLayer,
  pluginCommands: Effect.map(loadedPlugins, (l) => l.commands)
})
