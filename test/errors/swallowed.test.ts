/**
 * Four failures that used to be swallowed (issue 12), each with the test that failed before the fix:
 * a failed switch-back after a failed multi-step plan, a timeout or failed start of a command
 * reported as Ctrl-C, a failed dead-path query read as "0 store paths are already garbage", and a
 * failed read of a command's output read as empty output.
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as CommandExecutor from "@effect/platform/CommandExecutor"
import { SystemError } from "@effect/platform/Error"
import { NodeContext } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect } from "vitest"
import { Clean, Update } from "../../src/domain/Intent.js"
import { exitCode, NixFailed, userMessage } from "../../src/domain/errors.js"
import type { Plan } from "../../src/domain/Plan.js"
import { executePlan } from "../../src/layers/backends/common/executePlan.js"
import { ProfileBackend } from "../../src/layers/backends/profile/ProfileBackend.js"
import { DryRunPolicyDry } from "../../src/layers/DryRunPolicyLive.js"
import { makeNixMock } from "../../src/layers/NixMock.js"
import { NixLive } from "../../src/layers/NixLive.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { Nix, type NixShape } from "../../src/services/Nix.js"

describe("a failed switch-back after a failed multi-step plan", () => {
  it.effect("is reported with the generation the profile is really on", () =>
    Effect.gen(function*() {
      let generation = 5
      const calls: Array<ReadonlyArray<string>> = []
      const run: NixShape["run"] = (cmd) => {
        calls.push(cmd.argv)
        if (cmd.argv[0] === "step-1") { generation = 6; return Effect.succeed({ argv: cmd.argv, exitCode: 0, stdout: "", stderr: "" }) }
        return Effect.fail(new NixFailed({ argv: [...cmd.argv], exitCode: 1, message: `${cmd.argv[0]} failed`, stderrTail: [] }))
      }
      const nix: NixShape = { run, exec: () => Effect.die("not used"), stream: () => Stream.empty, which: () => Effect.succeed(undefined) }
      const plan: Plan = {
        backend: "profile", intent: new Update({ packages: [] }), notes: [],
        steps: [{ argv: ["step-1"], mutating: true }, { argv: ["step-2"], mutating: true }]
      }
      const error = yield* Effect.flip(Stream.runDrain(executePlan(plan, {
        nix, currentGeneration: Effect.sync(() => generation), switchBack: (n) => ["switch-back", String(n)]
      })))
      expect(calls).toEqual([["step-1"], ["step-2"], ["switch-back", "5"]])
      expect(error._tag).toBe("SwitchBackFailed")
      const message = userMessage(error)
      expect(message).toMatch(/step-2 failed/)
      expect(message).toMatch(/generation 6/)
      expect(message).not.toMatch(/nothing was changed|as it was/i)
      expect(exitCode(error)).toBe(1)
    }))
})

describe("a command that times out or cannot start", () => {
  const nix = <A, E>(f: (nix: NixShape) => Effect.Effect<A, E>) =>
    Effect.flatMap(Nix, f).pipe(Effect.provide(NixLive.pipe(Layer.provide(Layer.merge(NodeContext.layer, DryRunPolicyDry)))))

  it.live("a timeout is a failure of the command (exit 1), not an interruption (exit 130)", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip(nix((n) => n.exec({ argv: ["sleep", "5"], mutating: false, timeoutMs: 200 })))
      expect(e._tag).toBe("NixFailed")
      expect(userMessage(e)).toMatch(/timed out/)
      expect(exitCode(e)).toBe(1)
    }))

  it.live("a program that cannot be started is a failure (exit 1), not an interruption", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "ask-nix-noexec-"))
      const file = join(dir, "not-executable")
      writeFileSync(file, "#!/bin/sh\necho hi\n")
      chmodSync(file, 0o644)
      const e = yield* Effect.flip(nix((n) => n.exec({ argv: [file], mutating: false })))
      expect(e._tag).toBe("NixFailed")
      expect(userMessage(e)).toMatch(/could not start/)
      expect(exitCode(e)).toBe(1)
    }))
})

describe("a failed dead-path query", () => {
  it.effect("is not read as \"0 store paths are already garbage\"", () => {
    const mock = makeNixMock({ installed: ["git"], failing: [{ argv: ["nix-store", "--gc", "--print-dead"], stderr: "error: cannot open the Nix database" }] })
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const outcome = yield* b.serve(new Clean({ keep: 1 }))
      const notes = outcome._tag === "Plan" ? outcome.plan.notes.join("\n") : ""
      expect(notes).not.toMatch(/0 store paths are already garbage/)
      expect(notes).toMatch(/could not tell which store paths are already garbage.*cannot open the Nix database/s)
    }).pipe(Effect.provide(Layer.mergeAll(Layer.provideMerge(mock.layer, DryRunPolicyDry), SettingsTest(), NodeFileSystem.layer)))
  })
})

describe("a failed read of a command's output", () => {
  /** The real executor, except that reading stdout fails. */
  const brokenStdout = Layer.effect(CommandExecutor.CommandExecutor, Effect.map(CommandExecutor.CommandExecutor, (real) =>
    CommandExecutor.makeExecutor((command) => Effect.map(real.start(command), (proc) => ({
      ...proc,
      stdout: Stream.fail(new SystemError({ reason: "Unknown", module: "Stream", method: "read", description: "the pipe broke" }))
    }))))).pipe(Layer.provide(NodeContext.layer))

  it.live("is an error naming the command, not empty output", () =>
    Effect.gen(function*() {
      const nix = yield* Nix
      const e = yield* Effect.flip(nix.run({ argv: ["sh", "-c", "echo hello"], mutating: false }))
      expect(e._tag).toBe("NixFailed")
      expect(userMessage(e)).toMatch(/could not read the output of sh.*the pipe broke/s)
    }).pipe(Effect.provide(NixLive.pipe(Layer.provide(Layer.merge(brokenStdout, DryRunPolicyDry))))))
})
