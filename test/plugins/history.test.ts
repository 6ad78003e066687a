/** history: operations are recorded through the onExecuted hook; "what did I change"; "undo that" obeys dry-run. */
import { Chunk, Effect, Layer, Stream } from "effect"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { Install, PluginIntent } from "../../src/domain/Intent.js"
import { NoSuchGeneration } from "../../src/domain/errors.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { makeNixMock } from "../../src/layers/NixMock.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { loadPlugins } from "../../src/layers/plugins/loadPlugins.js"
import { pluginWiring } from "../../src/layers/plugins/pluginWiring.js"
import type { PluginServices } from "../../src/services/Plugin.js"
import { Plugins } from "../../src/services/Plugins.js"
import type { HistoryEntry } from "../../src/plugins/history/entry.js"
import { planUndo } from "../../src/plugins/history/undo.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import { Nix } from "../../src/services/Nix.js"

const dirs: Array<string> = []
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

const undoIntent = new PluginIntent({ plugin: "history", kind: "undo", text: "", args: { mutating: true } })
const entry = (over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: "2026-11-25T10:00:00.000Z", request: "get me firefox", summary: "install firefox", intent: { _tag: "install" },
  backend: "profile", profile: "/p/profile", scope: "user", generationBefore: 1, generationAfter: 2, argv: [], ...over
})

describe("planUndo (pure)", () => {
  const state = { path: "/p/profile", kind: "nix-env" as const, current: 2, available: [1, 2] }
  it("switches back to the generation before the operation, by profile kind", () => {
    const o = planUndo(undoIntent, entry(), state)
    expect(o).toMatchObject({ _tag: "Plan", plan: { backend: "plugins", steps: [{ argv: ["nix-env", "--profile", "/p/profile", "--switch-generation", "1"], mutating: true }] } })
    const p = planUndo(undoIntent, entry(), { ...state, kind: "profile" })
    expect(p).toMatchObject({ _tag: "Plan", plan: { steps: [{ argv: ["nix", "profile", "rollback", "--profile", "/p/profile", "--to", "1"] }] } })
  })
  it("explains instead of planning when there is nothing sensible to do", () => {
    const text = (o: unknown) => (o as { answer: { lines: ReadonlyArray<string> } }).answer.lines[0]
    expect(text(planUndo(undoIntent, undefined, undefined))).toMatch(/no record of a change/)
    expect(text(planUndo(undoIntent, entry({ scope: "system" }), state))).toMatch(/nixos-rebuild switch --rollback/)
    expect(text(planUndo(undoIntent, entry({ generationBefore: undefined }), state))).toMatch(/cannot be undone automatically/)
    expect(text(planUndo(undoIntent, entry(), { ...state, current: 1 }))).toMatch(/already at generation 1/)
    expect(planUndo(undoIntent, entry(), { ...state, available: [2] })).toEqual(new NoSuchGeneration({ generation: 1, available: [2] }))
  })
})

describe("history on the mock Nix", () => {
  it("records an operation, lists it by time, and undoes it only with --execute", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "ask-nix-history-"))
    dirs.push(stateDir)
    const profile = "/mock/profile"
    const loaded = await Effect.runPromise(loadPlugins())
    const mock = makeNixMock({ installed: ["hello"] })
    const run = <A, E>(execute: boolean, eff: Effect.Effect<A, E, Plugins | PluginServices>) => {
      const policy = execute ? DryRunPolicyExecute : DryRunPolicyDry
      const layer = Layer.mergeAll(mock.layer.pipe(Layer.provide(policy)), policy, SettingsTest({ execute, stateDir, profile }), Layer.succeed(Plugins, loaded))
      return Effect.runPromise(Effect.provide(eff, layer))
    }
    const ask = (text: string) => parseRequest(text, { rules: loaded.rules }).intent as PluginIntent
    const lines = (o: unknown) => (o as { answer: { lines: ReadonlyArray<string> } }).answer.lines

    // An install carried out with --execute (generation 1 -> 2), reported to the plugins.
    await run(true, Effect.gen(function*() {
      const nix = yield* Nix
      yield* nix.run({ argv: ["nix", "profile", "install", "nixpkgs#firefox"], mutating: true })
      const w = yield* pluginWiring
      yield* w.onExecuted({
        at: new Date().toISOString(), request: "get me firefox", intent: new Install({ packages: ["firefox"] }), backend: "profile",
        profile, scope: "user", generationBefore: 1, generationAfter: 2, argv: [["nix", "profile", "install", "nixpkgs#firefox"]]
      })
    }))
    expect(mock.state.current).toBe(2)
    const recorded = readFileSync(join(stateDir, "history.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as HistoryEntry)
    expect(recorded).toMatchObject([{ request: "get me firefox", summary: "install firefox", intent: { _tag: "install", packages: ["firefox"] }, generationBefore: 1, generationAfter: 2, profile }])

    expect(ask("what did I change today")).toMatchObject({ kind: "history", text: "today" })
    const today = await run(false, Effect.flatMap(pluginWiring, (w) => w.backend.serve(ask("what did I change today"))))
    expect(lines(today)[1]).toMatch(/install firefox {2}\(generation 1 -> 2\) {2}asked: "get me firefox"/)
    const yesterday = await run(false, Effect.flatMap(pluginWiring, (w) => w.backend.serve(ask("what did i change yesterday"))))
    expect(lines(yesterday)).toEqual(["ask-nix has not changed anything yesterday."])

    // "undo that" in dry-run: a plan, and the profile stays where it is.
    const intent = ask("undo that")
    expect(intent).toMatchObject({ plugin: "history", kind: "undo", args: { mutating: true } })
    const mutatingBefore = mock.state.mutatingCalls().length
    const dry = await run(false, Effect.gen(function*() {
      const w = yield* pluginWiring
      const o = yield* w.backend.serve(intent)
      if (o._tag !== "Plan") throw new Error(`expected a plan, got ${JSON.stringify(o)}`)
      yield* Stream.runDrain(w.backend.execute(o.plan))
      return o.plan
    }))
    expect(dry.steps.map((s) => s.argv)).toEqual([["nix", "profile", "rollback", "--profile", profile, "--to", "1"]])
    expect(mock.state.mutatingCalls().length).toBe(mutatingBefore)
    expect(mock.state.current).toBe(2)

    // With --execute: back to generation 1, and the undo itself is history.
    const wet = await run(true, Effect.gen(function*() {
      const w = yield* pluginWiring
      const events = yield* Stream.runCollect(w.backend.execute(dry))
      const result = yield* w.backend.result!(dry)
      return { events: Chunk.toReadonlyArray(events), result }
    }))
    expect(mock.state.current).toBe(1)
    expect(mock.state.installed().map((p) => p.attr)).toEqual(["hello"])
    expect(wet.events[0]).toMatchObject({ _tag: "StepStarted", index: 1, total: 1 })
    expect(wet.result).toMatchObject({ generationBefore: 2, generationAfter: 1 })
  })
})
