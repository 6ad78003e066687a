/**
 * A small in-memory Nix for tests: a package set (name -> version, one that fails to build), one profile
 * with generations, and an interpreter for the argv the profile and nix-env backends produce. It emits a
 * few internal-json progress lines, maps failures exactly as the live layer does, obeys the DryRunPolicy
 * (a mutating command in dry-run is a defect) and records every call, so tests can assert "no mutating
 * call in dry-run" and "--execute changed the profile". Build a fresh one per test: `makeNixMock()`.
 */
import { Effect, Layer, Stream } from "effect"
import type { ProfileKind } from "../domain/profile/Profile.js"
import { ProfileInspector } from "../services/ProfileInspector.js"
import { parseManifest } from "../domain/profile/ManifestJson.js"
import { NixNotFound } from "../domain/errors.js"
import { classifyFailure } from "../domain/nixlog/classifyFailure.js"
import { parseLog } from "../domain/nixlog/LogParser.js"
import { DryRunPolicy } from "../services/DryRunPolicy.js"
import { Nix, type NixCommand, type NixShape, type ProcessResult } from "../services/Nix.js"
import { interpret, type MockWorld } from "./nixmock/interpret.js"
import { defaultMockPackages, mockStorePath, type MockCall, type MockGeneration, type MockInstalled, type MockPackage } from "./nixmock/model.js"

export type { MockCall, MockGeneration, MockInstalled, MockPackage }
export { defaultMockPackages }

export interface NixMockOptions {
  /** What `nix --version` says (decides `install` vs `add`, manifest version). Default "2.26.3". */
  readonly version?: string
  readonly packages?: ReadonlyArray<MockPackage>
  /** Attribute names installed in generation 1 (the profile then exists). */
  readonly installed?: ReadonlyArray<string>
  /** The kind of the pre-existing profile. Default "profile". */
  readonly kind?: Exclude<ProfileKind, "new">
  /** nix-command and flakes enabled in the user's config (`nix show-config`). Default true. */
  readonly experimentalFeatures?: boolean
  /** Programs that are "not installed" (NixNotFound), e.g. ["nix"]. */
  readonly missingPrograms?: ReadonlyArray<string>
  /** Commands that fail (exit 1 with this stderr): each entry's argv is a prefix of the commands it fails. */
  readonly failing?: ReadonlyArray<{ readonly argv: ReadonlyArray<string>; readonly stderr: string }>
}

export interface NixMockState extends MockWorld {
  /** Every command that reached the mock (mutating or not), in order. */
  readonly calls: Array<MockCall>
  readonly mutatingCalls: () => ReadonlyArray<MockCall>
  /** Packages of the current generation. */
  readonly installed: () => ReadonlyArray<MockInstalled>
  /** Make a newer (or older) version available, for updates. */
  readonly setVersion: (attr: string, version: string) => void
}

export const makeNixMock = (options: NixMockOptions = {}) => {
  const packages = new Map((options.packages ?? defaultMockPackages).map((p) => [p.attr, p] as const))
  const initial: Array<MockGeneration> = options.installed === undefined ? [] : [{
    number: 1,
    date: "2026-01-01T00:00:00.000Z",
    packages: options.installed.map((attr) => {
      const p = packages.get(attr)
      const version = p?.version ?? "1.0"
      return { attr, pname: p?.pname ?? attr, version, storePath: mockStorePath(p?.pname ?? attr, version) }
    })
  }]
  const calls: Array<MockCall> = []
  const state: NixMockState = {
    version: options.version ?? "2.26.3",
    packages,
    kind: initial.length > 0 ? options.kind ?? "profile" : "new",
    generations: initial,
    current: initial.length > 0 ? 1 : undefined,
    missingPrograms: new Set(options.missingPrograms ?? []),
    experimentalFeatures: options.experimentalFeatures ?? true,
    clock: 0,
    dead: [],
    calls,
    mutatingCalls: () => calls.filter((c) => c.mutating),
    installed: () => state.generations.find((g) => g.number === state.current)?.packages ?? [],
    setVersion: (attr, version) => {
      const p = packages.get(attr)
      if (p) packages.set(attr, { ...p, version })
    }
  }

  const respond = (cmd: NixCommand): Effect.Effect<ProcessResult, NixNotFound, DryRunPolicy> =>
    Effect.gen(function*() {
      const policy = yield* DryRunPolicy
      if (cmd.mutating && !policy.allows(cmd.argv, true)) {
        return yield* Effect.dieMessage(`Nix choke point: refused a mutating command in dry-run: ${JSON.stringify(cmd.argv)}`)
      }
      calls.push({ argv: [...cmd.argv], mutating: cmd.mutating, interactive: cmd.interactive === true })
      const program = cmd.argv[0] ?? ""
      if (state.missingPrograms.has(program)) return yield* Effect.fail(new NixNotFound({ command: program }))
      const failing = options.failing?.find((f) => f.argv.every((a, i) => cmd.argv[i] === a))
      if (failing !== undefined) return { argv: cmd.argv, exitCode: 1, stdout: "", stderr: failing.stderr }
      const r = interpret(state, cmd.argv)
      return { argv: cmd.argv, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr.join("\n") }
    })

  const make = Effect.gen(function*() {
    const policy = yield* DryRunPolicy
    const provide = <A, E>(e: Effect.Effect<A, E, DryRunPolicy>) => Effect.provideService(e, DryRunPolicy, policy)
    const failure = (cmd: NixCommand, r: ProcessResult) =>
      classifyFailure({ argv: cmd.argv, exitCode: r.exitCode, stderr: r.stderr.split("\n") })
    const shape: NixShape = {
      run: (cmd) => provide(respond(cmd)).pipe(Effect.flatMap((r) => r.exitCode === 0 ? Effect.succeed(r) : Effect.fail(failure(cmd, r)))),
      exec: (cmd) => provide(respond(cmd)),
      stream: (cmd) =>
        Stream.unwrap(provide(respond(cmd)).pipe(Effect.map((r) => {
          const events = Stream.fromIterable(parseLog(r.stderr.split("\n")))
          return r.exitCode === 0 ? events : Stream.concat(events, Stream.fail(failure(cmd, r)))
        }))),
      which: (program) => Effect.succeed(state.missingPrograms.has(program) ? undefined : `/mock/bin/${program}`)
    }
    return shape
  })

  const inspector = ProfileInspector.of({
    inspect: (profile) => Effect.sync(() => ({
      path: profile,
      kind: state.kind,
      manifest: state.kind === "profile" ? parseManifest(manifestJson(state.installed())) : undefined,
      generations: state.generations.map((g) => ({ number: g.number, date: g.date, current: g.number === state.current })),
      current: state.current
    })),
    manifestOf: (_profile, generation) => Effect.sync(() => {
      const g = state.generations.find((x) => x.number === generation)
      if (g === undefined || state.kind !== "profile") return undefined
      const m = parseManifest(manifestJson(g.packages))
      return typeof m === "string" ? undefined : m
    }),
    kindOf: (_profile, generation) =>
      Effect.sync(() => (state.generations.some((g) => g.number === generation) ? state.kind : "new"))
  })

  const layer = Layer.merge(Layer.effect(Nix, make), Layer.succeed(ProfileInspector, inspector))
  return { layer, state }
}

export const manifestJson = (packages: ReadonlyArray<MockInstalled>): unknown => ({
  version: 3,
  elements: Object.fromEntries(packages.map((p) => [p.attr, {
    active: true, attrPath: `legacyPackages.x86_64-linux.${p.attr}`, originalUrl: "flake:nixpkgs", priority: 5, storePaths: [p.storePath]
  }]))
})
