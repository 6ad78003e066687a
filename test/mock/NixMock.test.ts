/** The in-memory Nix: interprets backend argv, records calls, obeys dry-run, maps failures like the live layer. */
import { it } from "@effect/vitest"
import { Cause, Effect, Exit, Layer, Stream } from "effect"
import { describe, expect } from "vitest"
import { ProfileInspector } from "../../src/services/ProfileInspector.js"
import { makeNixMock } from "../../src/layers/NixMock.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import { Nix } from "../../src/services/Nix.js"

const withMock = (execute: boolean, options: Parameters<typeof makeNixMock>[0] = {}) => {
  const mock = makeNixMock(options)
  const policy = execute ? DryRunPolicyExecute : DryRunPolicyDry
  return { ...mock, layer: Layer.provideMerge(mock.layer, policy) }
}

describe("NixMock", () => {
  it.effect("nix profile install adds a generation and records the call", () => {
    const m = withMock(true)
    return Effect.gen(function*() {
      const nix = yield* Nix
      yield* nix.run({ argv: ["nix", "profile", "install", "--profile", "/p", "nixpkgs#hello"], mutating: true })
      expect(m.state.installed().map((p) => p.attr)).toEqual(["hello"])
      expect(m.state.generations.length).toBe(1)
      expect(m.state.kind).toBe("profile")
      expect(m.state.mutatingCalls().map((c) => c.argv)).toEqual([["nix", "profile", "install", "--profile", "/p", "nixpkgs#hello"]])
      const info = yield* (yield* ProfileInspector).inspect("/p")
      expect(info.kind).toBe("profile")
      expect(typeof info.manifest === "object" && info.manifest.elements.map((e) => e.name)).toEqual(["hello"])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("dry-run: a mutating command is a defect and is not recorded", () => {
    const m = withMock(false)
    return Effect.gen(function*() {
      const nix = yield* Nix
      const exit = yield* Effect.exit(nix.run({ argv: ["nix-env", "-iA", "nixpkgs.hello"], mutating: true }))
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
      expect(m.state.calls).toEqual([])
      const r = yield* nix.run({ argv: ["nix-env", "-q", "--json"], mutating: false })
      expect(JSON.parse(r.stdout)).toEqual({})
      expect(m.state.mutatingCalls()).toEqual([])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("unknown attribute => PackageNotFound; broken => BuildFailed; the profile stays", () => {
    const m = withMock(true, { installed: ["git"] })
    return Effect.gen(function*() {
      const nix = yield* Nix
      const e1 = yield* Effect.flip(nix.run({ argv: ["nix", "profile", "install", "nixpkgs#nosuch"], mutating: true }))
      expect(e1._tag).toBe("PackageNotFound")
      const e2 = yield* Effect.flip(nix.stream({ argv: ["nix", "profile", "install", "nixpkgs#broken", "--log-format", "internal-json", "-v"], mutating: true }).pipe(Stream.runDrain))
      expect(e2._tag).toBe("BuildFailed")
      expect(m.state.generations.length).toBe(1)
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("nix-env: install, upgrade, rollback, list-generations, delete-generations, gc", () => {
    const m = withMock(true, { kind: "nix-env", installed: ["hello"] })
    return Effect.gen(function*() {
      const nix = yield* Nix
      const events = yield* nix.stream({ argv: ["nix-env", "-iA", "nixpkgs.vim", "--log-format", "internal-json", "-v"], mutating: true }).pipe(Stream.runCollect)
      expect([...events].some((e) => e._tag === "ActivityProgress" && e.activity === "builds" && e.done === 1)).toBe(true)
      m.state.setVersion("hello", "2.13")
      yield* nix.run({ argv: ["nix-env", "-u", "hello"], mutating: true })
      expect(m.state.installed().find((p) => p.attr === "hello")?.version).toBe("2.13")
      yield* nix.run({ argv: ["nix-env", "--rollback"], mutating: true })
      expect(m.state.current).toBe(2)
      const gens = yield* nix.run({ argv: ["nix-env", "--list-generations"], mutating: false })
      expect(gens.stdout.trim().split("\n").length).toBe(3)
      yield* nix.run({ argv: ["nix-env", "--delete-generations", "+1"], mutating: true })
      // like Nix: generations newer than the current one are kept, then the current and N-1 older
      expect(m.state.generations.map((g) => g.number)).toEqual([2, 3])
      yield* nix.run({ argv: ["nix-env", "--delete-generations", "old"], mutating: true })
      const dead = yield* nix.run({ argv: ["nix-store", "--gc", "--print-dead"], mutating: false })
      expect(dead.stdout).toContain("hello-2.13")
      const gc = yield* nix.run({ argv: ["nix-collect-garbage"], mutating: true })
      expect(gc.stderr).toContain("1 store paths deleted")
      const e = yield* Effect.flip(nix.run({ argv: ["nix", "profile", "install", "nixpkgs#git"], mutating: true }))
      expect(e._tag).toBe("ManifestUnsupported")
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("a missing program is NixNotFound", () => {
    const m = withMock(false, { missingPrograms: ["nix"] })
    return Effect.gen(function*() {
      const nix = yield* Nix
      const e = yield* Effect.flip(nix.run({ argv: ["nix", "--version"], mutating: false }))
      expect(e._tag).toBe("NixNotFound")
      expect(yield* nix.which("nix")).toBeUndefined()
    }).pipe(Effect.provide(m.layer))
  })
})
