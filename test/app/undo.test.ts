/**
 * Undo means the state before the last change: where "go back" leads (pure), the hint printed after a
 * change (pure), and both through the whole pipeline over the in-memory Nix, with a history in memory.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { CannotServe } from "../../src/domain/errors.js"
import { planned } from "../../src/domain/Plan.js"
import type { Backend } from "../../src/services/Backend.js"
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

  it.effect("without a history, go back is the previous generation", () => Effect.gen(function*() {
    const { env } = makeMockEnv({ nix: { installed: ["git"] } })
    yield* runAskNix(env, ["--profile", PROFILE, "--execute", "install", "hello"])
    const dry = yield* runAskNix(env, ["--profile", PROFILE, "--json", "go back"])
    expect(dry.last["plan"][0].argv).toEqual(["nix", "profile", "rollback", "--profile", PROFILE])
  }))
})

describe("a plan that needs a yes (undo when the last change was in another profile)", () => {
  /** In front of the chain: plans "install needs-yes" with a reason to confirm, and records what ran. */
  const asking = (ran: Array<string>): Backend => ({
    name: "asking",
    description: "test: a plan that needs a yes",
    serve: (intent) => intent._tag === "install" && intent.packages[0] === "needs-yes"
      ? Effect.succeed(planned({ backend: "asking", intent, steps: [{ argv: ["true"], mutating: true }], notes: [], confirm: "The last change was elsewhere." }))
      : Effect.fail(new CannotServe({ backend: "asking", reason: "test" })),
    execute: () => Stream.fromEffect(Effect.sync(() => { ran.push("ran") })).pipe(Stream.drain)
  })
  it.effect("no terminal: exit 2, nothing done, and how to confirm; --yes goes ahead", () => Effect.gen(function*() {
    const ran: Array<string> = []
    const { env } = makeMockEnv({ backends: [asking(ran)] })
    const refused = yield* runAskNix(env, ["--execute", "install", "needs-yes"])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("The last change was elsewhere. Nothing was changed. To go ahead, run it again with --yes.")
    expect(ran).toEqual([])
    expect((yield* runAskNix(env, ["--execute", "--yes", "install", "needs-yes"])).code).toBe(0)
    expect(ran).toEqual(["ran"])
  }))
  it.effect("a terminal is asked: no changes nothing, yes carries it out", () => Effect.gen(function*() {
    const ran: Array<string> = []
    const no = makeMockEnv({ backends: [asking(ran)], interactive: true, prompt: { yes: false } })
    expect((yield* runAskNix(no.env, ["--execute", "install", "needs-yes"])).code).toBe(2)
    expect(ran).toEqual([])
    const yes = makeMockEnv({ backends: [asking(ran)], interactive: true, prompt: { yes: true } })
    expect((yield* runAskNix(yes.env, ["--execute", "install", "needs-yes"])).code).toBe(0)
    expect(ran).toEqual(["ran"])
  }))
})
