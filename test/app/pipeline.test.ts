import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]
const installed = ["git", "vim", "tmux"]

describe("pipeline over the in-memory Nix", () => {
  const mutating: ReadonlyArray<ReadonlyArray<string>> = [
    ["install", "python3"],
    ["install firefox and ripgrep"],
    ["remove", "git"],
    ["get rid of vim"],
    ["update"],
    ["upgrade git"],
    ["rollback"],
    ["clean", "--keep", "1"],
    ["collect garbage"],
    ["try", "hello"]
  ]
  for (const args of mutating) {
    it.effect(`dry-run makes zero mutating calls: ${args.join(" ")}`, () => Effect.gen(function*() {
      const { env, state } = makeMockEnv({ nix: { installed } })
      // a second generation, so that rollback has somewhere to go
      yield* runAskNix(env, [...PROFILE, "--execute", "install", "hello"])
      const before = JSON.stringify(state.generations)
      const mutatingBefore = state.mutatingCalls().length
      const run = yield* runAskNix(env, [...PROFILE, "--json", ...args])
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.last["dryRun"]).toBe(true)
      expect(run.last["plan"].length).toBeGreaterThan(0)
      expect(state.mutatingCalls().length).toBe(mutatingBefore)
      expect(JSON.stringify(state.generations)).toBe(before)
    }))
  }

  it.effect("--execute changes the profile, and the result says which backend and generations", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, [...PROFILE, "--json", "--execute", "install", "hello"])
    expect(run.code, run.stderr).toBe(0)
    expect(state.installed().map((p) => p.attr)).toContain("hello")
    expect(state.generations.length).toBe(2)
    expect(run.last).toMatchObject({ type: "result", ok: true, backend: "profile", dryRun: false, generationBefore: 1, generationAfter: 2 })
    expect(typeof run.last["timings"]["totalMs"]).toBe("number")
    expect(typeof run.last["timings"]["backendMs"]).toBe("number")
  }))

  it.effect("a sentence that only mentions install does not install, even with --execute", () => Effect.gen(function*() {
    for (const words of [["do", "not", "install", "firefox"], ["why", "did", "the", "install", "fail"], ["don't remove git"]]) {
      const { env, state } = makeMockEnv({ nix: { installed } })
      const run = yield* runAskNix(env, [...PROFILE, "--execute", ...words])
      expect(state.mutatingCalls()).toEqual([])
      expect(run.code).not.toBe(0)
    }
  }))

  it.effect("both routes give the same intent and plan", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed } })
    const typed = yield* runAskNix(env, [...PROFILE, "--json", "install", "firefox", "ripgrep"])
    const sentence = yield* runAskNix(env, [...PROFILE, "--json", "install firefox and ripgrep"])
    const quotedTyped = yield* runAskNix(env, [...PROFILE, "--json", "install firefox ripgrep"])
    expect(typed.last["plan"]).toEqual(sentence.last["plan"])
    expect(quotedTyped.last["plan"]).toEqual(typed.last["plan"])
    expect(typed.last["plan"][0].argv).toContain("nixpkgs#firefox")
    const p1 = yield* runAskNix(env, ["parse", "--json", "remove", "git"])
    const p2 = yield* runAskNix(env, ["parse", "--json", "remove git"])
    expect(p1.last).toEqual(p2.last)
  }))

  it.effect("JSON contract: list, generations and parse", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed } })
    const list = yield* runAskNix(env, [...PROFILE, "--json", "list"])
    expect(list.code).toBe(0)
    expect(list.last["intent"]).toBe("list")
    expect(list.last["packages"].map((p: any) => p.name).sort()).toEqual(["git", "tmux", "vim"])
    expect(list.last["packages"][0]).toHaveProperty("version")
    yield* runAskNix(env, [...PROFILE, "--execute", "install", "hello"])
    const gens = yield* runAskNix(env, [...PROFILE, "--json", "generations"])
    expect(gens.last["generations"].map((g: any) => [g.number, g.current])).toEqual([[1, false], [2, true]])
    expect(gens.last["generations"][0]).toHaveProperty("date")
    const parse = yield* runAskNix(env, ["parse", "--json", "roll back to generation 1"])
    expect(parse.last).toMatchObject({ intent: "rollback", generation: 1, packages: [], query: null })
  }))

  it.effect("--show-intent prints the intent as an event before the result", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, [...PROFILE, "--json", "--show-intent", "install the firefox browser"])
    expect(run.lines[0]).toMatchObject({ type: "intent", intent: "install", packages: ["firefox"], scope: "user" })
    expect(run.last["type"]).toBe("result")
  }))

  it.effect("exit codes: not understood 2, bad package 2, empty 2, failure 1", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed } })
    expect((yield* runAskNix(env, ["tell", "me", "a", "joke"])).code).toBe(2)
    expect((yield* runAskNix(env, [])).code).toBe(2)
    const hostile = yield* runAskNix(env, [...PROFILE, "--execute", "install", "foo;rm -rf ~"])
    expect(hostile.code).toBe(2)
    const huge = yield* runAskNix(env, ["install " + "x".repeat(100_000)])
    expect(huge.code).toBe(2)
    const ctrl = yield* runAskNix(env, ["install fire\u0007fox"])
    expect(ctrl.code).toBe(2)
    const broken = yield* runAskNix(env, [...PROFILE, "--execute", "install", "broken"])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/broken/)
    expect(state.generations.length).toBe(1)
    expect(state.mutatingCalls().every((c) => !c.argv.join(" ").includes("rm -rf"))).toBe(true)
  }))

  it.effect("no Nix at all: the chain ends at instructions, which says how to get Nix", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed, missingPrograms: ["nix", "nix-env"] } })
    const run = yield* runAskNix(env, [...PROFILE, "--json", "install", "hello"])
    expect(run.last["backend"]).toBe("instructions")
    expect(run.last["tried"].map((t: any) => t.backend)).toEqual(["native", "options", "profile", "nix-env"])
    expect(run.stderr + JSON.stringify(run.last)).toMatch(/nixos.org/)
    const exec = yield* runAskNix(env, [...PROFILE, "--execute", "install", "hello"])
    expect(exec.code).toBe(1)
    expect(state.mutatingCalls()).toEqual([])
  }))

  it.effect("--backend forces one backend", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, [...PROFILE, "--json", "--backend", "instructions", "list"])
    expect(run.last["backend"]).toBe("instructions")
    const bad = yield* runAskNix(env, [...PROFILE, "--backend", "nope", "list"])
    expect(bad.code).toBe(2)
  }))

  it.effect("rollback --back N: instructions say how to find the generation; impossible numbers are usage errors", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, [...PROFILE, "--backend", "instructions", "rollback", "--back", "2"])
    expect(run.stdout).toContain("nix --extra-experimental-features 'nix-command flakes' profile history")
    expect(run.stdout).toContain("--to GENERATION")
    expect(run.stdout).toContain("GENERATION: the number 2 generations before the current one in that list.")
    for (const [args, message] of [
      [["rollback", "--back", "0"], "Going back 0 generations is not possible"],
      [["rollback", "--to", "3", "--back", "2"], "not both"],
      [["rollback", "--to", "0"], "There is no generation 0"],
      [["--execute", "clean", "--keep", "-3"], "Keeping -3 generations is not possible"]
    ] as const) {
      const r = yield* runAskNix(env, [...PROFILE, ...args])
      expect(r.code, args.join(" ")).toBe(2)
      expect(r.stderr + r.stdout).toContain(message)
    }
    expect(state.mutatingCalls()).toEqual([])
  }))
})
