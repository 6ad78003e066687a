/**
 * The system backend through the real NixLive choke point, with stand-in nixos-rebuild / sudo / doas /
 * nix / nix-env scripts first on PATH: real processes, real internal-json parsing, recorded argv.
 */
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Layer, Stream } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { SystemBackend } from "../../src/layers/backends/system/SystemBackend.js"
import { Rebuild, Rollback, Update, type Intent } from "../../src/domain/Intent.js"
import { userMessage } from "../../src/domain/errors.js"
import type { Plan } from "../../src/domain/Plan.js"
import type { ProgressEvent } from "../../src/domain/ProgressEvent.js"
import { NixLiveWith } from "../../src/layers/NixLive.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import { SystemHost } from "../../src/services/SystemHost.js"
import { fixtures, makeBinDir, makeNixosRoot, readCalls, type RootOptions } from "./support/nixosRoot.js"
import { NodeFileSystem } from "@effect/platform-node"

const log = ["--log-format", "internal-json", "-v"]

interface Live {
  readonly root?: RootOptions
  readonly tools: ReadonlyArray<string>
  readonly uid?: number
  readonly execute: boolean
  readonly scenario?: "ok" | "eval-error" | "activation-fail"
  readonly nopasswd?: boolean
}

const live = (o: Live) => {
  const root = makeNixosRoot(o.root)
  const binDir = makeBinDir(o.tools)
  const logFile = path.join(binDir, "calls.tsv")
  const env = {
    FAKE_NIXOS_LOG: logFile,
    FAKE_NIXOS_ROOT: root,
    FAKE_REBUILD_SCENARIO: o.scenario ?? "ok",
    FAKE_REBUILD_ERROR: path.join(fixtures, "errors", "undefined-variable.log"),
    FAKE_ELEVATE_NOPASSWD: o.nopasswd === false ? "0" : "1"
  }
  const policy = o.execute ? DryRunPolicyExecute : DryRunPolicyDry
  const nix = NixLiveWith({ binDir, env }).pipe(Layer.provide(Layer.merge(NodeContext.layer, policy)))
  const layer = Layer.mergeAll(
    nix, policy,
    SettingsTest({ root, execute: o.execute, interactive: false }),
    Layer.succeed(SystemHost, { uid: o.uid ?? 1000, hostname: "kestrel", elevatePreference: undefined }),
    NodeFileSystem.layer
  )
  const run = (intent: Intent) => Effect.gen(function*() {
    const b = yield* SystemBackend
    const outcome = yield* b.serve(intent)
    if (outcome._tag !== "Plan") throw new Error("expected a plan")
    const plan: Plan = outcome.plan
    const events = yield* Stream.runCollect(b.execute(plan)).pipe(Effect.map(Chunk.toReadonlyArray), Effect.either)
    const result = yield* b.result!(plan)
    return { plan, events, result }
  }).pipe(Effect.provide(layer))
  return { root, calls: () => readCalls(logFile), run, layer }
}

const phases = (events: ReadonlyArray<ProgressEvent>) =>
  events.flatMap((e) => (e._tag === "PhaseChanged" && e.id === 0 ? [e.phase] : []))
const eventsOf = <E, A>(r: { _tag: "Right"; right: A } | { _tag: "Left"; left: E }): A => {
  if (r._tag === "Left") throw new Error(`failed: ${JSON.stringify(r.left)}`)
  return r.right
}

describe("system backend through NixLive and a stand-in nixos-rebuild", () => {
  it.live("flake update as a user with passwordless sudo: exact argv, folder, progress phases, new generation", () =>
    Effect.gen(function*() {
      const t = live({ root: { flake: true }, tools: ["nixos-rebuild", "sudo", "nix"], execute: true })
      const { events, result } = yield* t.run(new Update({ packages: [] }))
      const flake = `${t.root}/etc/nixos`
      const cwd = process.cwd()
      expect(t.calls()).toEqual([
        ["sudo", cwd, "-n", "true"],
        ["nix", flake, "--extra-experimental-features", "nix-command flakes", "flake", "update", ...log],
        ["sudo", cwd, "nixos-rebuild", "switch", "--flake", `${flake}#kestrel`, ...log],
        ["nixos-rebuild", cwd, "switch", "--flake", `${flake}#kestrel`, ...log]
      ])
      const evs = eventsOf(events)
      expect(phases(evs)).toEqual(["downloading", "evaluating", "downloading", "building", "activating"])
      expect(evs.filter((e) => e._tag === "StepStarted").length).toBe(2)
      expect(evs.some((e) => e._tag === "ActivityStarted" && e.activity === "build" && e.text.includes("nixos-system-kestrel"))).toBe(true)
      expect(evs.some((e) => e._tag === "ActivityProgress" && e.activity === "copyPaths" && e.done === 54947840)).toBe(true)
      expect(result).toMatchObject({ generationBefore: 42, generationAfter: 43, summary: ["The system is now on generation 43 (was 42)."] })
    }))

  it.live("nixos-rebuild-ng is preferred; doas as the elevation; --rollback moves the profile back", () =>
    Effect.gen(function*() {
      const t = live({ tools: ["nixos-rebuild", "nixos-rebuild-ng", "doas"], execute: true })
      const { events, result } = yield* t.run(new Rollback({}))
      eventsOf(events)
      expect(t.calls().map((c) => c.slice(0, 1).concat(c.slice(2)))).toEqual([
        ["doas", "-n", "true"],
        ["doas", "nixos-rebuild-ng", "switch", "--rollback", ...log],
        ["nixos-rebuild-ng", "switch", "--rollback", ...log]
      ])
      expect(result).toMatchObject({ generationBefore: 42, generationAfter: 41 })
      expect(fs.readlinkSync(path.join(t.root, "nix/var/nix/profiles/system"))).toBe("system-41-link")
    }))

  it.live("rollback to generation N as root: nix-env --switch-generation then switch-to-configuration", () =>
    Effect.gen(function*() {
      const t = live({ tools: ["nixos-rebuild", "nix-env"], uid: 0, execute: true })
      const { plan, events, result } = yield* t.run(new Rollback({ generation: 40 }))
      const profile = `${t.root}/nix/var/nix/profiles/system`
      expect(plan.steps.map((s) => s.argv)).toEqual([
        ["nix-env", "--profile", profile, "--switch-generation", "40"],
        [`${profile}/bin/switch-to-configuration`, "switch"]
      ])
      // The second step runs the generation's own switch-to-configuration; the fake store path is
      // absolute (as on a real system), so outside a real NixOS it cannot start: the error says so.
      const failed = events._tag === "Left" ? events.left : undefined
      expect(t.calls()[0]!.slice(2)).toEqual(["--profile", profile, "--switch-generation", "40"])
      expect(fs.readlinkSync(profile)).toBe("system-40-link")
      expect(result.generationAfter).toBe(40)
      expect(failed === undefined ? "" : userMessage(failed)).toContain(`Could not start ${profile}/bin/switch-to-configuration`)
    }))

  it.live("an evaluation error replayed from real Nix output: file, line, message; system unchanged", () =>
    Effect.gen(function*() {
      const t = live({ tools: ["nixos-rebuild"], uid: 0, execute: true, scenario: "eval-error" })
      const { events, result } = yield* t.run(new Rebuild({ mode: "switch" }))
      if (events._tag !== "Left") throw new Error("expected a failure")
      const text = userMessage(events.left)
      expect(text.split("\n")[0]).toBe(
        "Your NixOS configuration has an error in /etc/nixos/configuration.nix:9:5: undefined variable 'firefox' (nixos-rebuild switch -I exited with code 1)"
      )
      expect(text).toContain("9|     firefox")
      expect(text).toContain("Nothing was changed: the system is still on generation 42.")
      expect(text).not.toContain("listToAttrs")
      expect(result.generationAfter).toBe(42)
    }))

  it.live("activation fails after the profile moved: says so and how to roll back", () =>
    Effect.gen(function*() {
      const t = live({ tools: ["nixos-rebuild", "sudo"], execute: true, scenario: "activation-fail" })
      const { events } = yield* t.run(new Rebuild({ mode: "switch" }))
      if (events._tag !== "Left") throw new Error("expected a failure")
      const text = userMessage(events.left)
      expect(text).toContain("warning: the following units failed: nginx.service")
      expect(text).toContain("Generation 43 became the system profile, but activating it failed part way")
      expect(text).toContain("To go back to generation 42: sudo nixos-rebuild switch --rollback")
    }))

  it.live("dry run: serving runs only `nixos-rebuild dry-build`; executing runs nothing mutating", () =>
    Effect.gen(function*() {
      for (const mode of ["switch", "boot", "test"] as const) {
        const t = live({ root: { flake: true }, tools: ["nixos-rebuild", "sudo"], execute: false })
        const { plan, events, result } = yield* t.run(new Rebuild({ mode }))
        eventsOf(events)
        expect(t.calls().map((c) => [c[0], ...c.slice(2)])).toEqual([
          ["nixos-rebuild", "dry-build", "--flake", `${t.root}/etc/nixos#kestrel`, ...log]
        ])
        expect(plan.steps[0]!.argv).toEqual(["sudo", "nixos-rebuild", mode, "--flake", `${t.root}/etc/nixos#kestrel`, ...log])
        expect(plan.notes).toContain("Preview (nixos-rebuild dry-build): 2 derivations would be built.")
        expect(plan.notes).toContain("Preview (nixos-rebuild dry-build): 3 paths would be downloaded (52.4 MiB download, 211.0 MiB unpacked).")
        expect(result).toMatchObject({ generationBefore: 42, generationAfter: 42, summary: ["Nothing was changed (preview only)."] })
      }
    }))

  it.live("\"dry build the system\" is answered (read-only), even under --execute", () =>
    Effect.gen(function*() {
      const t = live({ tools: ["nixos-rebuild", "sudo"], execute: true })
      const outcome = yield* Effect.flatMap(SystemBackend, (b) => b.serve(new Rebuild({ mode: "dry-build" }))).pipe(Effect.provide(t.layer))
      if (outcome._tag !== "Answer" || outcome.answer._tag !== "custom") throw new Error("expected an answer")
      expect(outcome.answer.kind).toBe("dry-build")
      expect(outcome.answer.lines.slice(0, 3)).toEqual([
        "2 derivations would be built.",
        "3 paths would be downloaded (52.4 MiB download, 211.0 MiB unpacked).",
        "Would build:"
      ])
      expect(t.calls().map((c) => [c[0], ...c.slice(2)])).toEqual([
        ["nixos-rebuild", "dry-build", "-I", `nixos-config=${t.root}/etc/nixos/configuration.nix`, ...log]
      ])
    }))

  it.live("no terminal and sudo wants a password: PrivilegeRequired without waiting; only the probe ran", () =>
    Effect.gen(function*() {
      const t = live({ tools: ["nixos-rebuild", "sudo"], execute: true, nopasswd: false })
      const started = Date.now()
      const { events } = yield* t.run(new Rebuild({ mode: "boot" }))
      if (events._tag !== "Left") throw new Error("expected a failure")
      expect(events.left._tag).toBe("PrivilegeRequired")
      expect(Date.now() - started).toBeLessThan(5000)
      expect(t.calls().map((c) => [c[0], ...c.slice(2)])).toEqual([["sudo", "-n", "true"]])
    }))
})
