/**
 * A failure that comes after the profile switched (issue 17, "Also") is reported with where the
 * profile is now: "nothing was changed" would be false. A backend whose plan switches the profile and
 * then fails, over the in-memory Nix.
 */
import { it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { expect } from "vitest"
import { NixFailed } from "../../src/domain/errors.js"
import type { Backend } from "../../src/services/Backend.js"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

it.live("a failure after the switch says that the generation changed, and how to go back", () =>
  Effect.gen(function*() {
    let world: ReturnType<typeof makeMockEnv>["state"] | undefined
    const switchesThenFails: Backend = {
      name: "switch-then-fail",
      description: "switches the profile, then fails (test)",
      serve: (intent) => Effect.succeed({ _tag: "Plan", plan: { backend: "switch-then-fail", intent, steps: [{ argv: ["nix", "profile", "install", "hello"], mutating: true }], notes: [] } }),
      execute: () => Stream.concat(
        Stream.fromEffect(Effect.sync(() => {
          const w = world!
          w.generations = [...w.generations, { number: 2, date: "2026-01-02T00:00:00.000Z", packages: [] }]
          w.current = 2
        })).pipe(Stream.drain),
        Stream.fail(new NixFailed({ argv: ["nix", "profile", "install", "hello"], exitCode: 1, message: "error: could not write the manifest", stderrTail: [] }))
      ),
      result: (plan) => Effect.sync(() => ({ plan, generationBefore: 1, generationAfter: world!.current, summary: [] }))
    }
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] }, backends: [switchesThenFails] })
    world = state
    const r = yield* runAskNix(env, ["--profile", "/tmp/ask-nix-mock/profile", "--execute", "install", "hello"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/did change before Nix failed: it is on generation 2 now \(it was on 1\)/)
    expect(r.stderr).toMatch(/ask-nix --profile \/tmp\/ask-nix-mock\/profile --execute rollback --to 1/)
  }))
