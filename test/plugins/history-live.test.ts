/**
 * history on real Nix: an install through a real backend is recorded from its result, and "undo that"
 * switches the real profile back (nix profile and nix-env kinds), only with --execute.
 */
import { Effect, Layer, Stream } from "effect"
import { existsSync } from "node:fs"
import { afterEach, expect, it } from "vitest"
import { NixEnvBackend } from "../../src/layers/backends/nixenv/NixEnvBackend.js"
import { ProfileBackend } from "../../src/layers/backends/profile/ProfileBackend.js"
import { Install, type PluginIntent } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import type { Outcome, Plan } from "../../src/domain/Plan.js"
import { loadPlugins } from "../../src/layers/plugins/loadPlugins.js"
import { pluginWiring } from "../../src/layers/plugins/pluginWiring.js"
import { Plugins } from "../../src/services/Plugins.js"
import { inspectProfile } from "../../src/layers/profile/ProfileFiles.js"

const currentGeneration = (profile: string) => Effect.runPromise(inspectProfile(profile)).then((p) => p.current)
import type { Backend } from "../../src/services/Backend.js"
import { describeNix } from "../support/describeNix.js"
import { liveLayer } from "../support/liveLayer.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const planOf = (o: Outcome): Plan => {
  if (o._tag !== "Plan") throw new Error(`expected a plan, got ${JSON.stringify(o)}`)
  return o.plan
}

const sandboxes: Array<Sandbox> = []
afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })

const kinds = [
  { name: "profile", make: ProfileBackend, settings: (s: Sandbox) => ({ flake: s.flake, file: undefined }), argv0: "nix" },
  { name: "nix-env", make: NixEnvBackend, settings: (s: Sandbox) => ({ file: s.pkgs }), argv0: "nix-env" }
] as const

describeNix("history undo on real Nix", (nix) => {
  for (const kind of kinds) {
    it(`undoes an install on a ${kind.name} profile`, async () => {
      const s = makeSandbox("history")
      sandboxes.push(s)
      const loaded = await Effect.runPromise(loadPlugins())
      const layer = (execute: boolean) =>
        Layer.merge(Layer.orDie(liveLayer(nix, { execute, sandbox: s, settings: kind.settings(s) })), Layer.succeed(Plugins, loaded))
      const install = (pkg: string, execute = true) => Effect.gen(function*() {
        const b: Backend = yield* kind.make
        const intent = new Install({ packages: [pkg] })
        const plan = planOf(yield* b.serve(intent))
        yield* Stream.runDrain(b.execute(plan))
        const result = yield* b.result!(plan)
        const w = yield* pluginWiring
        yield* w.onExecuted({
          at: new Date().toISOString(), request: `install ${pkg}`, intent, backend: b.name, profile: s.profile, scope: "user",
          generationBefore: result.generationBefore, generationAfter: result.generationAfter, argv: plan.steps.map((x) => x.argv)
        })
      }).pipe(Effect.provide(layer(execute)), Effect.runPromise)

      await install("hello")
      await install("greet")
      expect(await currentGeneration(s.profile)).toBe(2)
      expect(existsSync(`${s.profile}/bin/greet`)).toBe(true)

      const undo = parseRequest("undo that", { rules: loaded.rules }).intent as PluginIntent
      const serveAndRun = (execute: boolean) => Effect.gen(function*() {
        const w = yield* pluginWiring
        const plan = planOf(yield* w.backend.serve(undo))
        yield* Stream.runDrain(w.backend.execute(plan))
        return plan
      }).pipe(Effect.provide(layer(execute)), Effect.runPromise)

      const before = s.snapshot()
      const plan = await serveAndRun(false)
      expect(plan.steps[0]?.argv).toEqual(kind.name === "profile"
        ? ["nix", "profile", "rollback", "--profile", s.profile, "--to", "1"]
        : ["nix-env", "--profile", s.profile, "--switch-generation", "1"])
      expect(s.snapshot()).toBe(before) // dry-run: the profile is byte for byte the same

      await serveAndRun(true)
      expect(await currentGeneration(s.profile)).toBe(1)
      expect(existsSync(`${s.profile}/bin/greet`)).toBe(false)
      expect(existsSync(`${s.profile}/bin/hello`)).toBe(true)
    })
  }
})
