/** The nix-env backend over the mock Nix: plans, answers, dry-run, execution, errors. */
import { it } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import { describe, expect } from "vitest"
import { tryEnvironmentExpr } from "../../src/domain/argv/nixEnvArgv.js"
import { installedFromFiles } from "../../src/domain/backends/nixenv/plans.js"
import { NixEnvBackend } from "../../src/layers/backends/nixenv/NixEnvBackend.js"
import { Clean, Generations, Info, Install, List, Remove, Rollback, Search, Try, Update } from "../../src/domain/Intent.js"
import type { Outcome, Plan } from "../../src/domain/Plan.js"
import { makeNixMock, type NixMockOptions } from "../../src/layers/NixMock.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { makeHistoryMemory } from "../../src/layers/HistoryMemory.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import type { SettingsShape } from "../../src/services/Settings.js"

const setup = (execute: boolean, options: NixMockOptions = {}, settings: Partial<SettingsShape> = {}) => {
  const mock = makeNixMock({ kind: "nix-env", ...options })
  const policy = execute ? DryRunPolicyExecute : DryRunPolicyDry
  const layer = Layer.mergeAll(Layer.provideMerge(mock.layer, policy), SettingsTest({ execute, ...settings }), makeHistoryMemory().layer)
  return { state: mock.state, layer }
}

const planOf = (o: Outcome): Plan => {
  if (o._tag !== "Plan") throw new Error(`expected a plan, got ${o._tag}`)
  return o.plan
}
const P = "/tmp/ask-nix-test-profile/profile"

describe("NixEnvBackend (mock Nix)", () => {
  it.effect("install: channel prefix, exact argv, no mutating call in dry-run", () => {
    const m = setup(false, { installed: ["git"] })
    return Effect.gen(function*() {
      const b = yield* NixEnvBackend
      const plan = planOf(yield* b.serve(new Install({ packages: ["firefox"] })))
      expect(plan.steps.map((s) => s.argv)).toEqual([["nix-env", "-p", P, "--log-format", "internal-json", "-v", "-iA", "--", "nixpkgs.firefox"]])
      expect(m.state.mutatingCalls()).toEqual([])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("--execute: install, update, remove, rollback, clean change the mock profile", () => {
    const m = setup(true)
    return Effect.gen(function*() {
      const b = yield* NixEnvBackend
      const run = (i: Parameters<typeof b.serve>[0]) => Effect.flatMap(b.serve(i), (o) => Stream.runDrain(b.execute(planOf(o))))
      yield* run(new Install({ packages: ["hello", "git"] }))
      expect(m.state.installed().map((p) => p.attr).sort()).toEqual(["git", "hello"])
      m.state.setVersion("hello", "2.13")
      yield* run(new Update({ packages: ["hello"] }))
      expect(m.state.installed().find((p) => p.attr === "hello")?.version).toBe("2.13")
      yield* run(new Remove({ packages: ["git"] }))
      expect(m.state.installed().map((p) => p.attr)).toEqual(["hello"])
      const gens = yield* b.serve(new Generations({}))
      expect(gens._tag === "Answer" && gens.answer._tag === "generations" && gens.answer.diffs?.map((d) => [d.added.length, d.removed.length, d.changed.length])).toEqual([[0, 0, 1], [0, 1, 0]])
      yield* run(new Rollback({ generation: 2 }))
      expect(m.state.current).toBe(2)
      const clean = planOf(yield* b.serve(new Clean({ keep: 1 })))
      expect(clean.notes[0]).toBe(`Would delete generation 1 of ${P}.`)
      yield* Stream.runDrain(b.execute(clean))
      // like Nix: generations newer than the current one are kept
      expect(m.state.generations.map((g) => g.number)).toEqual([2, 3])
      const list = yield* b.serve(new List({}))
      expect(list._tag === "Answer" && list.answer._tag === "list" && list.answer.packages.map((p) => p.name).sort()).toEqual(["git", "hello"])
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("info, search, try with a file", () => {
    const m = setup(false, {}, { file: "/pkgs" })
    return Effect.gen(function*() {
      const b = yield* NixEnvBackend
      const info = yield* b.serve(new Info({ packages: ["vim"] }))
      expect(info._tag === "Answer" && info.answer._tag === "info" && info.answer.packages[0]!.license).toEqual(["MIT"])
      const s = yield* b.serve(new Search({ query: "terminal" }))
      expect(s._tag === "Answer" && s.answer._tag === "search" && s.answer.results.map((r) => r.attrPath)).toEqual(["tmux"])
      const t = planOf(yield* b.serve(new Try({ packages: ["hello"], command: "hello" })))
      expect(t.steps[0]).toMatchObject({
        argv: ["nix-shell", "--argstr", "file", "/pkgs", "--argstr", "attrs", "hello", "-E", tryEnvironmentExpr, "--run", "hello"], interactive: true, mutating: true
      })
      expect((yield* Effect.flip(b.serve(new Info({ packages: ["nosuch"] }))))._tag).toBe("PackageNotFound")
    }).pipe(Effect.provide(m.layer))
  })

  it.effect("a nix profile profile or a flake source is CannotServe", () => {
    const m = setup(false, { kind: "profile", installed: ["git"] })
    const m2 = setup(false, {}, { flake: "github:me/pkgs" })
    return Effect.gen(function*() {
      expect((yield* Effect.flip(Effect.flatMap(NixEnvBackend, (b) => b.serve(new List({})))).pipe(Effect.provide(m.layer)))._tag).toBe("CannotServe")
      expect((yield* Effect.flip(Effect.flatMap(NixEnvBackend, (b) => b.serve(new Install({ packages: ["x"] })))).pipe(Effect.provide(m2.layer)))._tag).toBe("CannotServe")
    })
  })
})

describe("what ask-nix installed from a file (pure, from the history's argv)", () => {
  it("the last install of a name decides; an install from the channel forgets the file", () => {
    const install = (file: string | undefined, ...names: ReadonlyArray<string>) =>
      ({ argv: [["nix-env", "-p", P, ...(file ? ["-f", file] : []), "--log-format", "internal-json", "-v", "-iA", "--", ...names]] })
    const files = installedFromFiles([install("/pk", "greet", "hello"), install(undefined, "hello"), { argv: [["nix-env", "-e", "--", "greet"]] }])
    expect([...files]).toEqual([["greet", "/pk"]])
  })
})
