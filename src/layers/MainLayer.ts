/**
 * The one composition root. `makeApp(world)` builds the services of each call from its Settings:
 * the parser (with index corrections and plugin phrases), the backend chain native -> profile ->
 * nix-env -> instructions (plus plugin backends), the NixOS system and home-manager backends, the plugins, the output
 * and the progress renderer. Only `world` differs between the shipped CLI (src/bin.ts passes
 * `liveWorld`, src/layers/LiveWorld.ts) and the tests (an in-memory Nix, a scripted prompter): both
 * run the same pipeline over the same layers.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Context, Effect, type Scope } from "effect"
import { DryRunPolicy } from "../services/DryRunPolicy.js"
import { ConfigStore } from "../services/ConfigStore.js"
import { IndexBuilder } from "../services/IndexBuilder.js"
import { NixOptions } from "../services/NixOptions.js"
import { Output } from "../services/Output.js"
import { ProfileLock } from "../services/ProfileLock.js"
import type { CleanPreview } from "../services/CleanPreview.js"
import type { ConfigEvaluator } from "../services/ConfigEvaluator.js"
import type { Nix } from "../services/Nix.js"
import type { History } from "../services/History.js"
import type { NetworkProbe } from "../services/NetworkProbe.js"
import type { LoadedPlugins } from "../services/Plugins.js"
import { Plugins } from "../services/Plugins.js"
import type { ProfileInspector } from "../services/ProfileInspector.js"
import type { Prompter } from "../services/Prompter.js"
import { IntentParser } from "../services/IntentParser.js"
import { Settings, type SettingsShape } from "../services/Settings.js"
import { SystemHost } from "../services/SystemHost.js"
import { Wiring } from "../services/Wiring.js"
import { BackendChain } from "../services/BackendChain.js"
import { InstructionsBackend } from "./backends/instructions/InstructionsBackend.js"
import { OptionsBackend } from "./backends/options/OptionsBackend.js"
import { NativeBackend } from "./backends/native/NativeBackend.js"
import { NixEnvBackend } from "./backends/nixenv/NixEnvBackend.js"
import { ProfileBackend } from "./backends/profile/ProfileBackend.js"
import { SystemBackend } from "./backends/system/SystemBackend.js"
import { HomeBackend } from "./backends/home/HomeBackend.js"
import { makeChain, selectBackends } from "./BackendChainLive.js"
import { makeConfigStore } from "./ConfigStoreLive.js"
import { makeNixOptions } from "./NixOptionsLive.js"
import { makeDryRunPolicy } from "./DryRunPolicyLive.js"
import { makeIndexBuilder } from "./IndexBuilderLive.js"
import { indexAccess } from "./indexAccess.js"
import { isCustomSource, sourceOf } from "../domain/argv/PackageSource.js"
import { makeOutput } from "./OutputLive.js"
import { pluginWiring } from "./plugins/pluginWiring.js"
import { lockWaitMs, makeProfileLock } from "./profile/ProfileLockLive.js"
import { makeProgressRenderer } from "./progress/renderProgress.js"
import { cachedOnFirstUse } from "../services/cachedOnFirstUse.js"

/**
 * A part of the world: services made in the call's scope from the services it needs, as a context.
 * A layer is one (`Layer.build(layer)`, what the tests' worlds give); the live world gives its make
 * functions instead: each layer built is a step of Effect's layer machinery (a memo map, a scope,
 * fibers, the fiber refs compared before and after), about 0.3 ms of a call from the startup snapshot
 * however small the service, and a call of search or list built nine.
 */
export type Part<ROut, RIn = never> = Effect.Effect<Context.Context<ROut>, never, RIn | Scope.Scope>

/** What reaches outside the program: the real machine (LiveWorld.ts) or a test's stand-ins. */
export interface World {
  /**
   * The Nix choke point, the profile reader, and whether the network Nix needs answers: processes,
   * the disk and sockets, or the in-memory Nix.
   */
  readonly nix: Part<Nix | ProfileInspector | NetworkProbe, DryRunPolicy | Settings>
  /** The machine (uid, hostname, elevation preference). */
  readonly host: Part<SystemHost>
  /** Questions to the person at the terminal. */
  readonly prompter: Part<Prompter>
  /** "would free X" from the Nix daemon (or, without one, through Nix). */
  readonly cleanPreview: Part<CleanPreview, Settings | Nix>
  /** What ask-nix changed, per profile (history.jsonl in the state folder, or memory). */
  readonly history: Part<History, Settings>
  /** The plugins (loaded once per process). */
  readonly plugins: Effect.Effect<LoadedPlugins>
  /** Files the NixOS system backend reads (under --root). */
  readonly files: Part<FileSystem.FileSystem>
  /** Evaluating configurations (configuration.nix, home.nix) with Nix, or a stand-in. */
  readonly configEvaluator: Part<ConfigEvaluator, Nix | Settings>
}

/** Adds what `part` makes from `context` (what the call has so far) to it. */
const onto = <ROut, E, RIn>(part: Effect.Effect<Context.Context<ROut>, E, RIn>) => <R>(context: Context.Context<R>) =>
  Effect.map(Effect.provide(part, context), (built) => Context.merge(context, built))

/**
 * Adds the service `make` makes from `context` (what the call has so far) to it. For the services
 * made here, not the world's.
 */
const plus = <I, S, E, R>(tag: Context.Tag<I, S>, make: Effect.Effect<S, E, R>) => <C>(context: Context.Context<C>) =>
  Effect.map(Effect.provide(make, context), (service) => Context.add(context, tag, service))

/**
 * Packages from --file or a flake other than nixpkgs: a name no index knows may still be one of theirs (the
 * file's own index is built on first use, after the words are read), so ordinary words are not refused.
 */
const customSource = (settings: SettingsShape): boolean => isCustomSource(sourceOf(settings.file, settings.flake))

const mainServices = (world: World) => (settings: SettingsShape) => Effect.gen(function*() {
  const access = indexAccess(settings.index, customSource(settings))
  // The `elevate` setting (or $ASK_NIX_ELEVATE, read with the settings) over what the machine says.
  const elevate = settings.elevate
  const host = elevate === undefined ? world.host : Effect.map(world.host, (c) => Context.add(c, SystemHost, { ...Context.get(c, SystemHost), elevatePreference: elevate }))
  const base = yield* Effect.succeed(Context.make(Settings, settings).pipe(Context.add(DryRunPolicy, makeDryRunPolicy(!settings.execute)))).pipe(
    Effect.flatMap(onto(host)),
    Effect.flatMap(onto(world.files)),
    Effect.flatMap(onto(world.history)),
    Effect.flatMap(onto(world.nix)),
    Effect.flatMap(plus(IndexBuilder, makeIndexBuilder))
  )
  // With --file, search, info and did-you-mean cover that file's packages (its own index, built on first use).
  const index = settings.file === undefined ? access.index : access.fileIndex(settings.file)
  const core = yield* Effect.succeed(base).pipe(
    Effect.flatMap(onto(index)),
    Effect.map(Context.add(Output, makeOutput(settings.json))),
    Effect.flatMap(onto(world.prompter)),
    Effect.flatMap(onto(world.cleanPreview)),
    // The lock is files beside the profile, for the live world and the tests' alike.
    Effect.map(Context.add(ProfileLock, makeProfileLock({ waitMs: lockWaitMs(process.env) }))),
    Effect.flatMap(plus(ConfigStore, makeConfigStore)),
    Effect.flatMap(onto(world.configEvaluator)),
    Effect.flatMap(plus(NixOptions, makeNixOptions))
  )
  const wiring = yield* Effect.provide(pluginWiring, Context.add(core, Plugins, yield* world.plugins))
  const builtins = yield* Effect.provide(Effect.all([NativeBackend, OptionsBackend, ProfileBackend, NixEnvBackend, InstructionsBackend]), core)
  const chain = yield* Effect.provide(wiring.chain(builtins), core)
  // Made when a system or home-manager intent first asks (a list or a search never does): making both
  // is about 0.45 ms of every call from the startup snapshot (the home backend makes a system one too).
  const systemBackend = cachedOnFirstUse(Effect.provide(SystemBackend, core))
  const homeBackend = cachedOnFirstUse(Effect.provide(HomeBackend, core))
  const progress = makeProgressRenderer(settings.json ? "json" : settings.interactive ? "tty" : "plain")
  return yield* Effect.succeed(core).pipe(
    Effect.map(Context.add(BackendChain, makeChain(selectBackends(chain, settings.backend, settings.backendOrder)))),
    Effect.map(Context.add(IntentParser, access.parser(wiring.rules))),
    Effect.map(Context.add(Wiring, {
      systemBackend,
      homeBackend,
      pluginBackend: wiring.backend,
      pluginCommand: (name: string, words: ReadonlyArray<string>) => wiring.commands.find((c) => c.name === name)?.run(words),
      onExecuted: wiring.onExecuted,
      renderProgress: progress.render,
      finishProgress: progress.finish,
      helpGroups: wiring.commands.map((c) => ({ title: `${c.description} (plugin ${c.plugin})`, examples: c.examples })),
      warnings: wiring.warnings
    }))
  )
})

/** Just enough for `parse`: no Nix, no backends (start-up matters for scripts that call parse). */
const parseServices = (world: World) => (settings: SettingsShape) => Effect.gen(function*() {
  const { rules } = yield* world.plugins
  return Context.make(Settings, settings).pipe(
    Context.add(Output, makeOutput(settings.json)),
    Context.add(IntentParser, indexAccess(settings.index, customSource(settings)).parser(rules))
  )
})

/**
 * What the CLI runs on (src/cli/AppEnv.ts): the services of a call, the parse-only services, the plugin
 * commands. The services are a context made in the call's scope, not a layer: providing a layer is one
 * more build step (a memo map, a scope, fibers: about 0.3 ms of a call from the snapshot).
 */
export const makeApp = (world: World) => ({
  services: mainServices(world),
  parseServices: parseServices(world),
  output: makeOutput,
  pluginCommands: Effect.map(world.plugins, (l) => l.commands)
})
