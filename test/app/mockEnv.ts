/**
 * The whole ask-nix pipeline over the in-memory Nix (src/layers/NixMock.ts): the real parser, chain,
 * backends (native -> profile -> instructions), dry-run policy and output; only Nix is the mock.
 * `runAskNix(args)` runs the CLI as a user would and captures stdout/stderr through Console.
 */
import { NodeContext } from "@effect/platform-node"
import { Console, Effect, Layer } from "effect"
import { InstructionsBackend } from "../../src/layers/backends/instructions/InstructionsBackend.js"
import { NativeBackend } from "../../src/layers/backends/native/NativeBackend.js"
import { ProfileBackend } from "../../src/layers/backends/profile/ProfileBackend.js"
import { NixEnvBackend } from "../../src/layers/backends/nixenv/NixEnvBackend.js"
import { Wiring, type WiringShape } from "../../src/services/Wiring.js"
import { defaultWiring } from "../../src/layers/WiringNone.js"
import type { AppEnv } from "../../src/cli/AppEnv.js"
import { runCli } from "../../src/cli/run.js"
import type { Environment } from "../../src/domain/Environment.js"
import { IndexBuilderLive } from "../../src/layers/index/buildIndex.js"
import { CleanPreviewLive } from "../../src/layers/backends/native/cleanPreview.js"
import { BackendChainFrom, selectBackends } from "../../src/layers/BackendChainLive.js"
import { makeNixMock, type NixMockOptions, type NixMockState } from "../../src/layers/NixMock.js"
import { indexAccess } from "../../src/layers/indexAccess.js"
import { isCustomSource, sourceOf } from "../../src/domain/argv/PackageSource.js"
import { DryRunPolicy } from "../../src/services/DryRunPolicy.js"
import { makeDryRunPolicy as makePolicy } from "../../src/layers/DryRunPolicyLive.js"
import { OutputLive } from "../../src/layers/OutputLive.js"
import { PrompterScripted } from "../../src/layers/PrompterScripted.js"
import { Settings, type SettingsShape } from "../../src/services/Settings.js"
import type { Backend } from "../../src/services/Backend.js"

export interface MockRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** stdout parsed as JSON Lines (for --json runs). */
  readonly lines: ReadonlyArray<Record<string, any>>
  readonly last: Record<string, any>
}

export const testEnvironment = (env: Record<string, string> = {}): Environment => ({
  env: { HOME: "/tmp/ask-nix-test-home", XDG_CACHE_HOME: "/tmp/ask-nix-test-home/nonexistent-cache", ...env },
  home: "/tmp/ask-nix-test-home",
  interactive: false,
  exists: () => false
})

export interface MockEnvOptions {
  readonly nix?: NixMockOptions
  /** Extra backends in front of the built-in chain (chain tests). */
  readonly backends?: ReadonlyArray<Backend>
  readonly wiring?: Partial<WiringShape>
  readonly prompt?: { readonly yes: boolean; readonly pick?: number }
  readonly env?: Record<string, string>
  readonly interactive?: boolean
}

export const makeMockEnv = (options: MockEnvOptions = {}): { readonly env: AppEnv; readonly state: NixMockState } => {
  const mock = makeNixMock(options.nix)
  const layer = (settings: SettingsShape) => {
    const s: SettingsShape = { ...settings, interactive: options.interactive ?? false }
    const base = Layer.mergeAll(Layer.succeed(Settings, s), Layer.succeed(DryRunPolicy, makePolicy(!s.execute)))
    const nix = mock.layer.pipe(Layer.provide(base))
    const { index, parser } = indexAccess(s.index, isCustomSource(sourceOf(s.file, s.flake)))
    const core = Layer.mergeAll(base, nix, index, OutputLive.pipe(Layer.provide(base)))
    const chain = Layer.unwrapEffect(Effect.gen(function*() {
      const builtins = [...(options.backends ?? []), yield* NativeBackend, yield* ProfileBackend, yield* NixEnvBackend, yield* InstructionsBackend]
      return BackendChainFrom(selectBackends(builtins, s.backend))
    })).pipe(Layer.provide(core))
    return Layer.mergeAll(
      core, chain,
      IndexBuilderLive.pipe(Layer.provide(nix)),
      CleanPreviewLive.pipe(Layer.provide(base)),
      parser([]),
      Layer.succeed(Wiring, { ...defaultWiring, ...options.wiring }),
      PrompterScripted(options.prompt ?? { yes: false })
    )
  }
  const parseLayer = (settings: SettingsShape) => {
    const base = Layer.succeed(Settings, settings)
    return Layer.mergeAll(base, OutputLive.pipe(Layer.provide(base)), indexAccess(settings.index, isCustomSource(sourceOf(settings.file, settings.flake))).parser([]))
  }
  return { env: { environment: testEnvironment(options.env), layer, parseLayer, pluginCommands: Effect.succeed([]) }, state: mock.state }
}

const captureConsole = (out: Array<string>, err: Array<string>): Console.Console => {
  const write = (to: Array<string>) => (...args: ReadonlyArray<unknown>) => Effect.sync(() => { to.push(args.map(String).join(" ")) })
  const unsafeWrite = (to: Array<string>) => (...args: ReadonlyArray<unknown>) => { to.push(args.map(String).join(" ")) }
  const noop = () => Effect.void
  return {
    [Console.TypeId]: Console.TypeId,
    log: write(out), info: write(out), error: write(err), warn: write(err), debug: write(err), trace: write(err),
    assert: noop, clear: Effect.void, count: noop, countReset: noop, dir: noop, dirxml: noop, group: noop,
    groupEnd: Effect.void, table: noop, time: noop, timeEnd: noop, timeLog: noop,
    unsafe: {
      log: unsafeWrite(out), info: unsafeWrite(out), error: unsafeWrite(err), warn: unsafeWrite(err),
      debug: unsafeWrite(err), trace: unsafeWrite(err), assert: () => {}, clear: () => {}, count: () => {},
      countReset: () => {}, dir: () => {}, dirxml: () => {}, group: () => {}, groupCollapsed: () => {},
      groupEnd: () => {}, table: () => {}, time: () => {}, timeEnd: () => {}, timeLog: () => {}
    }
  } as unknown as Console.Console
}

export const runAskNix = (env: AppEnv, args: ReadonlyArray<string>): Effect.Effect<MockRun> =>
  Effect.gen(function*() {
    const out: Array<string> = []
    const err: Array<string> = []
    const code = yield* runCli(["node", "ask-nix", ...args], env).pipe(
      Effect.withConsole(captureConsole(out, err)),
      Effect.provide(NodeContext.layer)
    )
    const stdout = out.join("\n")
    const lines = out.flatMap((l) => l.split("\n")).filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, any>)
    return { code, stdout, stderr: err.join("\n"), lines, last: lines[lines.length - 1] ?? {} }
  }) as unknown as Effect.Effect<MockRun>
