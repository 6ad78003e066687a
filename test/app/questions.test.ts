/**
 * Questions about doing something (issue 13) through the whole pipeline over the in-memory Nix: the
 * plan is the answer, with the command that does it and what it does; nothing runs, even with --execute.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]
const installed = ["git", "vim", "tmux"]

describe("a question about doing something", () => {
  const questions: ReadonlyArray<readonly [string, string, string]> = [
    ["How do I install firefox?", "install", "ask-nix --execute install firefox"],
    ["how can i remove git", "remove", "ask-nix --execute remove git"],
    ["is there a way to roll back?", "rollback", "ask-nix --execute rollback"],
    ["how do i clean up old generations", "clean", "ask-nix --execute clean"]
  ]
  for (const [text, kind, command] of questions) {
    it.effect(`"${text}": the ${kind} plan, the command, and nothing done, even with --execute`, () => Effect.gen(function*() {
      const { env, state } = makeMockEnv({ nix: { installed } })
      yield* runAskNix(env, [...PROFILE, "--execute", "install", "hello"])
      const before = JSON.stringify(state.generations)
      const calls = state.mutatingCalls().length
      const run = yield* runAskNix(env, [...PROFILE, "--execute", "--json", text])
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.last).toMatchObject({ intent: kind, question: true, executed: false, dryRun: true, command })
      expect(run.last["plan"].length).toBeGreaterThan(0)
      expect(typeof run.last["explanation"]).toBe("string")
      expect(state.mutatingCalls().length).toBe(calls)
      expect(JSON.stringify(state.generations)).toBe(before)
    }))
  }

  it.effect("in words: the plan, that nothing was done, the imperative, and one line on what it does", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed } })
    const run = yield* runAskNix(env, [...PROFILE, "--execute", "How do I install firefox?"])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain("Plan (dry run, nothing changed)")
    expect(run.stdout).toContain("That was a question, so nothing was done (not even with --execute).")
    expect(run.stdout).toContain("To do it: ask-nix --execute install firefox")
    expect(run.stdout).toMatch(/Installing adds the packages to your profile/)
    expect(state.mutatingCalls()).toEqual([])
  }))

  it.effect("the imperative it shows does carry it out", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed } })
    const asked = yield* runAskNix(env, [...PROFILE, "--json", "how do i install hello"])
    const command: string = asked.last["command"]
    const args = command.split(" ").slice(1)
    const run = yield* runAskNix(env, [...PROFILE, ...args])
    expect(run.code, run.stderr).toBe(0)
    expect(state.installed().map((p) => p.attr)).toContain("hello")
  }))
})
