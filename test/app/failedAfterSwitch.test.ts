/**
 * A failure that comes after the profile switched (issue 17, "Also") is reported with where the
 * profile is now: "nothing was changed" would be false. The in-memory Nix, wrapped so that its
 * `nix profile install` switches the profile and then exits non-zero (as when Nix fails after the
 * switch: a post-build step, a write of its own state).
 */
import { it } from "@effect/vitest"
import { Context, Effect, Stream } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { NixFailed } from "../../src/domain/errors.js"
import { makeApp } from "../../src/layers/MainLayer.js"
import { Nix } from "../../src/services/Nix.js"
import { testWorld } from "../support/testWorld.js"
import { runAskNix, testEnvironment } from "./mockEnv.js"

it.live("a failure after the switch says that the generation changed, and how to go back", () =>
  Effect.gen(function*() {
    const { world, state } = testWorld({ nix: { installed: ["git"] } })
    const failsAfterSwitch = Effect.map(world.nix, (ctx) => {
      const nix = Context.get(ctx, Nix)
      const after = (argv: ReadonlyArray<string>) =>
        new NixFailed({ argv: [...argv], exitCode: 1, message: "error: cannot write the profile's state", stderrTail: [] })
      const installs = (argv: ReadonlyArray<string>) => argv.includes("profile") && argv.includes("install")
      return Context.add(ctx, Nix, {
        ...nix,
        stream: (cmd) => installs(cmd.argv) ? Stream.concat(nix.stream(cmd), Stream.fail(after(cmd.argv))) : nix.stream(cmd)
      })
    })
    const app = makeApp({ ...world, nix: failsAfterSwitch })
    const env = { ...app, environment: testEnvironment({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), "ask-nix-mock-state-")) }) }
    const r = yield* runAskNix(env, ["--profile", "/tmp/ask-nix-mock/profile", "--execute", "install", "hello"])
    expect(r.code).toBe(1)
    expect(state.current).toBe(2)
    expect(r.stderr).toMatch(/did change before Nix failed: it is on generation 2 now \(it was on 1\)/)
    expect(r.stderr).toMatch(/ask-nix --profile \/tmp\/ask-nix-mock\/profile --execute rollback --to 1/)
  }))
