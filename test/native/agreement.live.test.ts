/**
 * Native answers must agree with the subprocess backends' answers (ProfileBackend, NixEnvBackend) on
 * the same real profiles, made by this Nix.
 */
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, expect } from "vitest"
import { makeNativeBackend } from "../../src/layers/backends/native/NativeBackend.js"
import { NixEnvBackend } from "../../src/layers/backends/nixenv/NixEnvBackend.js"
import { ProfileBackend } from "../../src/layers/backends/profile/ProfileBackend.js"
import { Generations, List, type Intent } from "../../src/domain/Intent.js"
import type { Outcome } from "../../src/domain/Plan.js"
import { describeNix } from "../support/describeNix.js"
import type { Backend } from "../../src/services/Backend.js"
import { liveLayer, type LiveServices } from "../support/liveLayer.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { run } from "./support/nixCli.js"

/** Nix reports generation dates in whole seconds. */
const seconds = (o: Outcome) =>
  o._tag === "Answer" && o.answer._tag === "generations"
    ? { ...o.answer, generations: o.answer.generations.map((g) => ({ ...g, date: g.date.slice(0, 19) })) }
    : o

describeNix("native agrees with the subprocess backends", (nix) => {
  let sb: Sandbox
  let envProfile: string

  beforeAll(() => {
    sb = makeSandbox("agree")
    mkdirSync(join(sb.dir, "env"))
    envProfile = join(sb.dir, "env", "profile")
    run(nix, ["nix", "profile", "install", "--profile", sb.profile, `${sb.flake}#greet`])
    run(nix, ["nix", "profile", "install", "--profile", sb.profile, `${sb.flake}#hello`])
    run(nix, ["nix-env", "-p", envProfile, "-f", sb.pkgs, "-iA", "greet", "hello"])
    run(nix, ["nix", "profile", "remove", "--profile", sb.profile, run(nix, ["nix", "eval", "--raw", `${sb.flake}#greet.outPath`]).trim()])
    sb.setGreetVersion("2.0")
    run(nix, ["nix", "profile", "install", "--profile", sb.profile, `${sb.flake}#greet`])
    run(nix, ["nix-env", "-p", envProfile, "-f", sb.pkgs, "-iA", "greet"])
    run(nix, ["nix-env", "-p", envProfile, "-e", "hello"])
  })
  afterAll(() => sb?.cleanup())

  const both = (profile: string, subprocess: Effect.Effect<Backend, never, LiveServices>, intent: Intent) =>
    Effect.gen(function*() {
      const native = yield* makeNativeBackend({ profile, index: undefined }).serve(intent)
      const theirs = yield* Effect.flatMap(subprocess, (b) => b.serve(intent)).pipe(
        Effect.provide(liveLayer(nix, { execute: false, settings: { profile, file: sb.pkgs, flake: sb.flake } }))
      )
      return { native: seconds(native), theirs: seconds(theirs) }
    })

  for (const intent of [new List(), new Generations()]) {
    it.live(`${intent._tag} of a nix profile profile: native = profile backend`, () =>
      Effect.gen(function*() {
        const { native, theirs } = yield* both(sb.profile, ProfileBackend, intent)
        expect(native).toEqual(theirs)
      }))

    it.live(`${intent._tag} of a nix-env profile: native = nix-env backend`, () =>
      Effect.gen(function*() {
        const { native, theirs } = yield* both(envProfile, NixEnvBackend, intent)
        expect(native).toEqual(theirs)
      }))
  }
})
