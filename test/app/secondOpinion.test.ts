/**
 * The second opinion through the whole pipeline over the in-memory Nix (issue 13): a request the grammar
 * cannot read gets "Did you mean ...?"; a script gets it as a hint and nothing runs; at a terminal the
 * reading is taken only on yes, and then under the same dry-run rules.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]
const installed = ["git", "vim", "tmux"]
const TEXT = "garbage piling up in store"

describe("a second opinion for what the grammar cannot read", () => {
  it.effect("a script gets the proposal as a hint, exit 2, and nothing runs", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, [...PROFILE, "--execute", TEXT])
    expect(run.code).toBe(2)
    expect(run.stdout + run.stderr).toContain("Did you mean: clean up old generations and collect garbage?")
    expect(state.mutatingCalls()).toEqual([])
  }))

  it.effect("--json carries it in the parse", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, ["parse", "--json", TEXT])
    expect(run.last).toMatchObject({ intent: "unknown", suggestion: { intent: "clean", describe: "clean up old generations and collect garbage" } })
    expect(run.last["suggestion"].confidence).toBeGreaterThanOrEqual(0.5)
  }))

  it.effect("at a terminal, no: nothing is done", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed }, interactive: true, prompt: { yes: false } })
    const run = yield* runAskNix(env, [...PROFILE, "--execute", TEXT])
    expect(run.code).toBe(2)
    expect(state.mutatingCalls()).toEqual([])
  }))

  it.effect("at a terminal, yes: the reading goes on, shown as a plan without --execute", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed }, interactive: true, prompt: { yes: true } })
    const run = yield* runAskNix(env, [...PROFILE, TEXT])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain("Understood: clean up old generations and collect garbage")
    expect(run.stdout).toContain("Plan (dry run, nothing changed)")
    expect(state.mutatingCalls()).toEqual([])
  }))
})
