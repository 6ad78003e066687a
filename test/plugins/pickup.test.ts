/**
 * End to end for the plugin mechanism: a plugin file dropped into src/plugins is picked up by the
 * generated registry, its phrase parses to its intent, its handler runs on the mock Nix, and dry-run
 * holds. A plugin that throws at import is reported once and the others keep working.
 */
import { Chunk, Effect, Layer, Stream } from "effect"
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { isMutating, PluginIntent } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { loadPlugins } from "../../src/layers/plugins/loadPlugins.js"
import { pluginWiring } from "../../src/layers/plugins/pluginWiring.js"
import { Plugins } from "../../src/services/Plugins.js"
import { freshRegistry, generate, mockWorld, pluginsDir } from "./support.js"

const id = `zz-throwaway-${process.pid}`
const goodFile = join(pluginsDir, `${id}.ts`)
const brokenName = `zz-broken-${process.pid}`
const brokenFile = join(pluginsDir, `${brokenName}.ts`)

const goodPlugin = `
import { Effect } from "effect"
import { answer, planned } from "../domain/Plan.js"
import { definePlugin } from "../services/Plugin.js"
import { Nix } from "../services/Nix.js"

export default definePlugin({
  id: "${id}",
  description: "a throwaway plugin written by test/plugins/pickup.test.ts",
  rules: [
    { kind: "frobnicate", mutating: true, patterns: ["frobnicate [the] {rest}"] },
    { kind: "count-frobs", patterns: ["how many frobs [do i have]"] }
  ],
  handlers: {
    frobnicate: (intent) => Effect.gen(function*() {
      const nix = yield* Nix
      const version = yield* nix.exec({ argv: ["nix", "--version"], mutating: false })
      return planned({
        backend: "plugins", intent, notes: [version.stdout.trim()],
        steps: [{ argv: ["nix", "profile", "install", "nixpkgs#" + intent.text], mutating: true }]
      })
    }),
    "count-frobs": () => Effect.succeed(answer({ _tag: "custom", kind: "count-frobs", data: { frobs: 3 }, lines: ["3 frobs"] }))
  }
})
`

const brokenPlugin = `
import { definePlugin } from "../services/Plugin.js"
throw new Error("boom at import")
export default definePlugin({ id: "${brokenName}", description: "never loads" })
`

afterAll(() => {
  rmSync(goodFile, { force: true })
  rmSync(brokenFile, { force: true })
  generate("--no-check")
})

describe("a plugin dropped into src/plugins", () => {
  it("is picked up, parses, serves on the mock Nix, and obeys dry-run", async () => {
    try {
      writeFileSync(goodFile, goodPlugin)
      const g = generate()
      expect(g.status).toBe(0)
      expect(readFileSync(join(pluginsDir, "../layers/plugins/registry.generated.ts"), "utf8")).toContain(`../plugins/${id}.js`)

      const loaded = await Effect.runPromise(loadPlugins(await freshRegistry()))
      expect(loaded.failures).toEqual([])
      expect(loaded.plugins.map((p) => p.definition.id)).toEqual(expect.arrayContaining(["doctor", "history", id]))

      const u = parseRequest("please frobnicate the firefox", { rules: loaded.rules })
      expect(u.intent).toEqual(new PluginIntent({ plugin: id, kind: "frobnicate", text: "firefox", args: { mutating: true } }))
      expect(isMutating(u.intent)).toBe(true)
      expect(parseRequest("how many frobs do i have?", { rules: loaded.rules }).intent).toMatchObject({ plugin: id, kind: "count-frobs" })
      expect(parseRequest("frobnicate the firefox").intent._tag).not.toBe("plugin") // the phrase comes from the plugin only

      const intent = u.intent as PluginIntent
      const serveAndRun = (execute: boolean) => {
        const world = mockWorld({ execute, nix: { installed: ["hello"] } })
        return Effect.gen(function*() {
          const w = yield* pluginWiring
          const outcome = yield* w.backend.serve(intent)
          if (outcome._tag !== "Plan") throw new Error("expected a plan")
          const events = yield* Stream.runCollect(w.backend.execute(outcome.plan))
          return { outcome, events: Chunk.toReadonlyArray(events), world }
        }).pipe(Effect.provide(Layer.merge(world.layer, Layer.succeed(Plugins, loaded))), Effect.runPromise)
      }

      const dry = await serveAndRun(false)
      expect(dry.outcome._tag === "Plan" && dry.outcome.plan.steps[0]?.argv).toEqual(["nix", "profile", "install", "nixpkgs#firefox"])
      expect(dry.outcome._tag === "Plan" && dry.outcome.plan.notes).toEqual(["nix (Nix) 2.26.3"]) // the handler ran on the mock
      expect(dry.world.state.calls.map((c) => c.argv)).toEqual([["nix", "--version"]])
      expect(dry.world.state.mutatingCalls()).toEqual([])
      expect(dry.world.state.generations.length).toBe(1)

      const wet = await serveAndRun(true) // the same plan with --execute does change the (mock) profile
      expect(wet.world.state.mutatingCalls().map((c) => c.argv)).toEqual([["nix", "profile", "install", "nixpkgs#firefox"]])
      expect(wet.world.state.installed().map((p) => p.attr)).toEqual(["hello", "firefox"])
    } finally {
      rmSync(goodFile, { force: true })
      generate("--no-check")
    }
    // Removing the file removes the feature.
    const after = await Effect.runPromise(loadPlugins(await freshRegistry()))
    expect(after.plugins.map((p) => p.definition.id)).not.toContain(id)
    expect(parseRequest("frobnicate the firefox", { rules: after.rules }).intent._tag).not.toBe("plugin")
  })

  it("that throws at import is reported once and does not take ask-nix down", async () => {
    try {
      writeFileSync(brokenFile, brokenPlugin)
      const g = generate()
      expect(g.status).toBe(0) // a broken plugin is a warning at build time, not a failed build
      expect(g.stderr).toContain(`src/plugins/${brokenName}.ts failed to load: boom at import (ask-nix will run without it)`)

      const loaded = await Effect.runPromise(loadPlugins(await freshRegistry()))
      expect(loaded.failures).toEqual([{ plugin: brokenName, source: `src/plugins/${brokenName}.ts`, detail: "failed to load: boom at import" }])
      expect(loaded.warnings).toEqual([`ask-nix: plugin "${brokenName}" (src/plugins/${brokenName}.ts) is disabled: failed to load: boom at import`])
      expect(loaded.plugins.map((p) => p.definition.id)).toEqual(["doctor", "history"])
      expect(parseRequest("is my nix ok", { rules: loaded.rules }).intent).toMatchObject({ plugin: "doctor", kind: "doctor" })
      expect(parseRequest("install firefox", { rules: loaded.rules }).intent._tag).toBe("install")
    } finally {
      rmSync(brokenFile, { force: true })
      generate("--no-check")
    }
  })
})
