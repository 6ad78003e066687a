/** The nix profile backend over the mock Nix: plans, answers, dry-run, execution, errors. */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Stream } from "effect"
import { describe, expect } from "vitest"
import { ProfileBackend } from "../../src/layers/backends/profile/ProfileBackend.js"
import { Install, List, Remove, Rollback, Update, Clean, Generations, Info, Try, Search, Provides } from "../../src/domain/Intent.js"
import type { Outcome, Plan } from "../../src/domain/Plan.js"
import { makeNixMock, type NixMockOptions } from "../../src/layers/NixMock.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"

const setup = (execute: boolean, options: NixMockOptions = {}, settings = {}) => {
  const mock = makeNixMock(options)
  const policy = execute ? DryRunPolicyExecute : DryRunPolicyDry
  const layer = Layer.mergeAll(Layer.provideMerge(mock.layer, policy), SettingsTest({ execute, ...settings }), NodeFileSystem.layer)
  return { state: mock.state, layer }
}

const planOf = (o: Outcome): Plan => {
  if (o._tag !== "Plan") throw new Error(`expected a plan, got ${o._tag}`)
  return o.plan
}

describe("ProfileBackend (mock Nix)", () => {
  it.effect("install: exact plan in dry-run, no mutating call", () => {
    const m = setup(false, { installed: ["git"] })
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const plan = planOf(yield* b.serve(new Install({ packages: ["firefox", "git"] })))
      expect(plan.steps.map((s) => s.argv)).toEqual([[
        "nix", "profile", "install", "--profile", "/tmp/ask-nix-test-profile/profile",
        "--log-format", "internal-json", "-v", "--", "nixpkgs#firefox"
      ]])
      expect(plan.notes.join(" ")).toContain("git is already installed")
      expect(plan.notes).toContain("Would build 1 package: firefox-128.0.")
      expect(plan.preview).toMatchObject({ build: ["firefox-128.0"], fetch: [] })
      // the preview already knows that a package does not exist, in dry-run
      expect((yield* Effect.flip(b.serve(new Install({ packages: ["fierfox"] }))))._tag).toBe("PackageNotFound")
      expect(m.state.mutatingCalls()).toEqual([])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("a flake's install is impure when the environment allows unfree, broken or insecure packages", () => {
    const m = setup(false)
    const installArgv = (env: ReadonlyArray<readonly [string, string]>) => Effect.gen(function*() {
      const b = yield* ProfileBackend
      return planOf(yield* b.serve(new Install({ packages: ["hello"] }))).steps.flatMap((s) => s.argv)
    }).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(env))))
    return Effect.gen(function*() {
      expect(yield* installArgv([["NIXPKGS_ALLOW_UNFREE", "1"]])).toContain("--impure")
      expect(yield* installArgv([])).not.toContain("--impure")
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("install with --execute changes the profile and streams progress", () => {
    const m = setup(true)
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const plan = planOf(yield* b.serve(new Install({ packages: ["hello"] })))
      const events = yield* Stream.runCollect(b.execute(plan))
      expect([...events].map((e) => e._tag)).toContain("StepStarted")
      expect([...events].some((e) => e._tag === "BuildLogLine")).toBe(true)
      expect(m.state.installed().map((p) => p.attr)).toEqual(["hello"])
      const r = yield* b.result!(plan)
      expect([r.generationBefore, r.generationAfter]).toEqual([undefined, 1])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("remove, update, rollback and clean plans", () => {
    const m = setup(false, { installed: ["git", "vim"] })
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const rm = planOf(yield* b.serve(new Remove({ packages: ["vim"] })))
      expect(rm.steps[0]!.argv.slice(-2)).toEqual(["--", "vim"])
      const up = planOf(yield* b.serve(new Update({ packages: [] })))
      expect(up.steps[0]!.argv.slice(-1)).toEqual(["--all"])
      const e = yield* Effect.flip(b.serve(new Rollback({})))
      expect(e._tag).toBe("NothingToRollBack")
      const e2 = yield* Effect.flip(b.serve(new Remove({ packages: ["emacs"] })))
      expect(e2._tag).toBe("NotInstalled")
      const clean = planOf(yield* b.serve(new Clean({ keep: 2 })))
      expect(clean.steps.map((s) => s.argv)).toEqual([
        ["nix-env", "-p", "/tmp/ask-nix-test-profile/profile", "--delete-generations", "+2"],
        ["nix", "store", "gc"]
      ])
      expect(m.state.mutatingCalls()).toEqual([])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("answers list, generations with diffs, info, search; declines provides", () => {
    const m = setup(true)
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      for (const p of ["git", "vim"]) yield* Stream.runDrain(b.execute(planOf(yield* b.serve(new Install({ packages: [p] })))))
      const list = yield* b.serve(new List({}))
      expect(list._tag === "Answer" && list.answer._tag === "list" && list.answer.packages.map((p) => p.name)).toEqual(["git", "vim"])
      const gens = yield* b.serve(new Generations({}))
      expect(gens._tag === "Answer" && gens.answer._tag === "generations" && gens.answer.diffs).toEqual([
        { from: 1, to: 2, added: [{ name: "vim", version: "9.1.0" }], removed: [], changed: [] }
      ])
      const info = yield* b.serve(new Info({ packages: ["ripgrep"] }))
      expect(info._tag === "Answer" && info.answer._tag === "info" && info.answer.packages[0]!.version).toBe("14.1.0")
      const search = yield* b.serve(new Search({ query: "regex" }))
      expect(search._tag === "Answer" && search.answer._tag === "search" && search.answer.results.map((r) => r.attrPath)).toEqual(["ripgrep"])
      expect((yield* Effect.flip(b.serve(new Provides({ query: "rg" }))))._tag).toBe("CannotServe")
      const rb = planOf(yield* b.serve(new Rollback({})))
      yield* Stream.runDrain(b.execute(rb))
      expect(m.state.current).toBe(1)
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("a nix-env profile is CannotServe; a broken build fails with BuildFailed; the profile stays", () => {
    const m = setup(true, { installed: ["git"], kind: "nix-env" })
    const m2 = setup(true, { installed: ["git"] })
    return Effect.gen(function*() {
      const e = yield* Effect.flip(Effect.flatMap(ProfileBackend, (b) => b.serve(new Install({ packages: ["vim"] }))).pipe(Effect.provide(m.layer)))
      expect(e._tag).toBe("CannotServe")
      const e2 = yield* Effect.flatMap(ProfileBackend, (b) =>
        Effect.flatMap(b.serve(new Install({ packages: ["broken"] })), (o) => Effect.flip(Stream.runDrain(b.execute(planOf(o)))))).pipe(Effect.provide(m2.layer))
      expect(e2._tag).toBe("BuildFailed")
      expect(m2.state.current).toBe(1)
    })
  })

  it.effect("hostile words are rejected before anything runs", () => {
    const m = setup(true)
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      for (const w of ["a;b", "$(id)", "`id`", "--option", "-f", "x|y", "a&&b", "\"q\""]) {
        expect((yield* Effect.flip(b.serve(new Install({ packages: [w] }))))._tag).toBe("InvalidPackageName")
      }
      expect((yield* Effect.flip(b.serve(new Try({ packages: ["hello"], command: "sh -c id" }))))._tag).toBe("InvalidPackageName")
      expect(m.state.mutatingCalls()).toEqual([])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("without nix-command/flakes in the user's config, the flags are added; Nix 2.8 removes by index", () => {
    const m = setup(false, { experimentalFeatures: false, version: "2.8.0", installed: ["git", "vim"] })
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const rm = planOf(yield* b.serve(new Remove({ packages: ["vim"] })))
      expect(rm.steps[0]!.argv).toEqual([
        "nix", "--extra-experimental-features", "nix-command flakes", "profile", "remove", "--profile", "/tmp/ask-nix-test-profile/profile", "--", "1"
      ])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("Nix not installed: CannotServe so the chain moves on", () => {
    const m = setup(false, { missingPrograms: ["nix"] })
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const e = yield* Effect.flip(b.serve(new List({})))
      expect(e._tag === "CannotServe" && e.reason).toBe("nix is not installed")
    }).pipe(Effect.provide(m.layer))
  })
})
