/**
 * Undo means the state before the last change: where "go back" leads (pure), the hint printed after a
 * change (pure), and both through the whole pipeline over the in-memory Nix, with a history in memory.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { resolve } from "node:path"
import { goBackTarget, type HistoryEntry } from "../../src/domain/history/HistoryEntry.js"
import { undoCommand } from "../../src/domain/history/undoCommand.js"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const PROFILE = "/tmp/ask-nix-mock/profile"
const entry = (over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: "2026-11-25T10:00:00.000Z", request: "update", summary: "update everything", intent: { _tag: "update", packages: [] },
  backend: "profile", profile: resolve(PROFILE), scope: "user", generationBefore: 3, generationAfter: 5, argv: [], ...over
})

describe("goBackTarget (pure)", () => {
  it("goes back over every generation the last change made", () => {
    expect(goBackTarget(entry(), 5)).toBe(3)
    expect(goBackTarget(entry({ generationBefore: 4 }), 5)).toBe(4)
  })
  it("leaves it to Nix's previous generation when history does not explain the current one", () => {
    expect(goBackTarget(undefined, 5)).toBeUndefined()
    expect(goBackTarget(entry(), 6)).toBeUndefined() // changed outside ask-nix since
    expect(goBackTarget(entry({ generationBefore: 7 }), 5)).toBeUndefined() // the last change was a step back
    expect(goBackTarget(entry({ generationBefore: undefined }), 5)).toBeUndefined()
    expect(goBackTarget(entry({ scope: "system" }), 5)).toBeUndefined()
  })
})

describe("undoCommand (pure)", () => {
  it("names the generation before the change, repeating --profile and --file", () => {
    expect(undoCommand({ scope: "user", before: 3, after: 5 })).toBe("ask-nix rollback --to 3")
    expect(undoCommand({ scope: "user", before: 5, after: 3, profile: "/p/my profile", file: "./pkgs.nix" }))
      .toBe("ask-nix --profile '/p/my profile' --file ./pkgs.nix rollback --to 5")
    expect(undoCommand({ scope: "user", before: 2, after: 2 })).toBeUndefined()
    expect(undoCommand({ scope: "user", before: undefined, after: 1 })).toBeUndefined()
    expect(undoCommand({ scope: "system", before: 40, after: 41 })).toBe("ask-nix --system rollback")
    expect(undoCommand({ scope: "home", before: 7, after: 8 })).toBe("ask-nix --home rollback")
  })
})

describe("go back through the pipeline (in-memory Nix)", () => {
  it.effect("a change that took two generations is gone back over in one step, and the hint says so", () => Effect.gen(function*() {
    const { env, state, history } = makeMockEnv({ nix: { installed: ["git"] } })
    const args = ["--profile", PROFILE]
    yield* runAskNix(env, [...args, "--execute", "install", "hello"])
    yield* runAskNix(env, [...args, "--execute", "install", "vim"])
    expect(state.current).toBe(3)
    expect(history.map((e) => [e.summary, e.generationBefore, e.generationAfter, e.profile]))
      .toEqual([["install hello", 1, 2, resolve(PROFILE)], ["install vim", 2, 3, resolve(PROFILE)]])

    // As if "install vim" had taken generations 2 and 3 from 1 (a non-flake update does: remove, install).
    const made = history.at(-1)!
    ;(history as Array<HistoryEntry>).splice(-2, 2, { ...made, generationBefore: 1 })
    const dry = yield* runAskNix(env, [...args, "--json", "undo my last update"])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.last["plan"][0].argv).toEqual(["nix", "profile", "rollback", "--profile", PROFILE, "--to", "1"])
    expect(dry.last["notes"].join("\n")).toMatch(/Back to generation 1, from before "install vim"/)

    const run = yield* runAskNix(env, [...args, "--execute", "the update broke something, go back"])
    expect(run.code, run.stderr).toBe(0)
    expect(state.current).toBe(1)
    expect(run.stdout).toContain(`Generation 3 -> 1. To undo: ask-nix --profile ${PROFILE} rollback --to 3`)

    // The last change was a step back: "go back" goes further back, as Nix does (nowhere, here).
    const again = yield* runAskNix(env, [...args, "go back"])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/no earlier generation/)
  }))

  it.effect("a run that changed nothing (already installed) is not the change undo undoes", () => Effect.gen(function*() {
    const { env, state, history } = makeMockEnv({ nix: { installed: ["git"] } })
    const args = ["--profile", PROFILE]
    yield* runAskNix(env, [...args, "--execute", "install", "hello"])
    yield* runAskNix(env, [...args, "--execute", "install", "vim"])
    expect(state.current).toBe(3)
    expect((yield* runAskNix(env, [...args, "--execute", "install", "vim"])).code).toBe(0) // nothing to do
    expect(state.current).toBe(3)
    expect(history.map((e) => e.summary)).toEqual(["install hello", "install vim"])
    const undo = yield* runAskNix(env, [...args, "--execute", "undo"])
    expect(undo.code, undo.stderr).toBe(0)
    expect(state.current).toBe(2) // before "install vim", not "nothing to undo"
  }))

  it.effect("without a history, go back is the previous generation", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed: ["git"] } })
    yield* runAskNix(env, ["--profile", PROFILE, "--execute", "install", "hello"])
    const dry = yield* runAskNix(env, ["--profile", PROFILE, "--json", "go back"])
    expect(dry.last["plan"][0].argv).toEqual(["nix", "profile", "rollback", "--profile", PROFILE])
  }))
})

describe("undo in the user's own profile when ask-nix's last change was elsewhere: a yes first", () => {
  const own = { ASK_NIX_PROFILE: PROFILE }
  /** The own profile went 1 -> 2 (install hello); then ask-nix changed another profile. */
  const setup = (o: { interactive?: boolean; yes?: boolean } = {}) => Effect.gen(function*() {
    const m = makeMockEnv({ nix: { installed: ["git"] }, env: own, interactive: o.interactive ?? false, prompt: { yes: o.yes ?? false } })
    expect((yield* runAskNix(m.env, ["--execute", "install", "hello"])).code).toBe(0)
    m.history.push(entry({ profile: "/q/other", summary: "install steam", at: new Date().toISOString(), generationBefore: 7, generationAfter: 8 }))
    return m
  })
  it.effect("no terminal: exit 2, nothing done, and how to confirm; --yes goes ahead", () => Effect.gen(function*() {
    const { env, state } = yield* setup()
    const calls = state.mutatingCalls().length
    const refused = yield* runAskNix(env, ["--execute", "undo"])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/last change was in another profile, \/q\/other \("install steam".*Nothing was changed\. To go ahead, run it again with --yes\./s)
    expect(state.mutatingCalls().length).toBe(calls)
    expect(state.current).toBe(2)
    expect((yield* runAskNix(env, ["--execute", "--yes", "undo"])).code).toBe(0)
    expect(state.current).toBe(1)
  }))
  it.effect("a terminal is asked: no changes nothing, yes carries it out", () => Effect.gen(function*() {
    const no = yield* setup({ interactive: true, yes: false })
    expect((yield* runAskNix(no.env, ["--execute", "undo"])).code).toBe(2)
    expect(no.state.current).toBe(2)
    const yes = yield* setup({ interactive: true, yes: true })
    expect((yield* runAskNix(yes.env, ["--execute", "undo"])).code).toBe(0)
    expect(yes.state.current).toBe(1)
  }))
  it.effect("with --profile given, that profile is meant: no question", () => Effect.gen(function*() {
    const { env, state } = yield* setup()
    expect((yield* runAskNix(env, ["--profile", PROFILE, "--execute", "undo"])).code).toBe(0)
    expect(state.current).toBe(1)
  }))
})
