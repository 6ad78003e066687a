/** The native backend as the chain sees it: Settings' profile, an optional index, the daemon for sizes. */
import { it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { afterAll, beforeAll, expect } from "vitest"
import { makeNativeBackend, NativeBackend } from "../../src/layers/backends/native/NativeBackend.js"
import { Info, List, Provides, Search } from "../../src/domain/Intent.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { PackageIndex } from "../../src/services/PackageIndex.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { startDaemon, type RunningDaemon } from "./support/daemon.js"
import { details, indexStub } from "./support/indexStub.js"
import { run } from "./support/nixCli.js"

const index = indexStub([details("greet", "1.0"), details("hello", "2.12"), details("jq", "1.6")])

describeNix("native backend", (nix) => {
  let daemon: RunningDaemon
  let sb: Sandbox
  let greet = ""

  beforeAll(async () => {
    daemon = await startDaemon(nix)
    sb = makeSandbox("native-backend")
    run(nix, ["nix", "profile", "install", "--profile", sb.profile, `${sb.flake}#greet`])
    greet = run(nix, ["nix", "eval", "--raw", `${sb.flake}#greet.outPath`]).trim()
  })
  afterAll(async () => {
    await daemon?.stop()
    sb?.cleanup()
  })

  it.live("info: index details, installed, with the installed and closure size from the daemon", () =>
    Effect.gen(function*() {
      const backend = makeNativeBackend({ profile: sb.profile, index, daemon: { socketPath: daemon.socketPath } })
      const o = yield* backend.serve(new Info({ packages: ["greet", "jq"] }))
      if (o._tag !== "Answer" || o.answer._tag !== "info") throw new Error("expected info")
      const [, nar, closure] = run(nix, ["nix", "path-info", "-sS", greet]).trim().split(/\s+/)
      expect(o.answer.packages).toEqual([
        { ...details("greet", "1.0"), installed: true, storePath: greet, narSize: Number(nar), closureSize: Number(closure) },
        { ...details("jq", "1.6"), installed: false }
      ])
    }))

  it.live("info without a daemon: still answers, without sizes", () =>
    Effect.gen(function*() {
      const backend = makeNativeBackend({ profile: sb.profile, index, daemon: { socketPath: `${sb.dir}/no-daemon`, timeoutMs: 300 } })
      const o = yield* backend.serve(new Info({ packages: ["greet"] }))
      if (o._tag !== "Answer" || o.answer._tag !== "info") throw new Error("expected info")
      expect(o.answer.packages).toEqual([{ ...details("greet", "1.0"), installed: true, storePath: greet }])
    }))

  it.live("a package the index does not know: CannotServe, so Nix is asked", () =>
    Effect.gen(function*() {
      const backend = makeNativeBackend({ profile: sb.profile, index })
      const e = yield* Effect.flip(backend.serve(new Info({ packages: ["nope"] })))
      expect(e).toMatchObject({ _tag: "CannotServe", reason: '"nope" is not in the package index' })
    }))

  it.live("NativeBackend reads the profile from Settings and uses the index when one is provided", () =>
    Effect.gen(function*() {
      const withIndex = yield* NativeBackend.pipe(
        Effect.provide(Layer.merge(SettingsTest({ profile: sb.profile }), Layer.succeed(PackageIndex, index)))
      )
      const list = yield* withIndex.serve(new List())
      expect(list).toMatchObject({ _tag: "Answer", answer: { _tag: "list", packages: [{ name: "greet", version: "1.0", storePaths: [greet] }] } })
      expect(yield* withIndex.serve(new Search({ query: "hello" }))).toMatchObject({
        _tag: "Answer", answer: { _tag: "search", results: [{ attrPath: "hello" }] }
      })
      expect(yield* withIndex.serve(new Provides({ query: "jq" }))).toMatchObject({
        _tag: "Answer", answer: { _tag: "provides", candidates: [{ attrPath: "jq", certain: true }] }
      })
      const withoutIndex = yield* NativeBackend.pipe(Effect.provide(SettingsTest({ profile: sb.profile })))
      const r = yield* Effect.either(withoutIndex.serve(new Search({ query: "hello" })))
      expect(Either.isLeft(r) && r.left._tag === "CannotServe").toBe(true)
    }))
})
