import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Stream } from "effect"
import * as I from "../../src/domain/Intent.js"
import { CannotServe, PackageNotFound } from "../../src/domain/errors.js"
import { answer, type Outcome } from "../../src/domain/Plan.js"
import type { Backend } from "../../src/services/Backend.js"
import { makeChain, selectBackends } from "../../src/layers/BackendChainLive.js"

const backend = (name: string, serve: (i: I.Intent) => Effect.Effect<Outcome, CannotServe | PackageNotFound>, calls: Array<string>): Backend => ({
  name,
  description: name,
  serve: (i) => Effect.sync(() => calls.push(name)).pipe(Effect.zipRight(serve(i))),
  execute: () => Stream.empty
})
const list = new I.List({})
const ok = (name: string) => answer({ _tag: "list", profile: name, packages: [] })

describe("BackendChain", () => {
  it.effect("falls through on CannotServe and reports what it tried", () => Effect.gen(function*() {
    const calls: Array<string> = []
    const chain = makeChain([
      backend("a", () => Effect.fail(new CannotServe({ backend: "a", reason: "no manifest" })), calls),
      backend("b", () => Effect.fail(new CannotServe({ backend: "b", reason: "nix-env missing" })), calls),
      backend("c", () => Effect.succeed(ok("c")), calls),
      backend("d", () => Effect.succeed(ok("d")), calls)
    ])
    const served = yield* chain.serve(list)
    expect(served.backend.name).toBe("c")
    expect(served.tried).toEqual([{ backend: "a", reason: "no manifest" }, { backend: "b", reason: "nix-env missing" }])
    expect(calls).toEqual(["a", "b", "c"])
  }))

  it.effect("stops on a real failure without trying the next backend", () => Effect.gen(function*() {
    const calls: Array<string> = []
    const chain = makeChain([
      backend("a", () => Effect.fail(new PackageNotFound({ name: "fierfox", suggestions: ["firefox"] })), calls),
      backend("b", () => Effect.succeed(ok("b")), calls)
    ])
    const result = yield* Effect.either(chain.serve(new I.Install({ packages: ["fierfox"] })))
    expect(Either.isLeft(result) && result.left._tag).toBe("PackageNotFound")
    expect(calls).toEqual(["a"])
  }))

  it.effect("fails with every reason when no backend can serve", () => Effect.gen(function*() {
    const chain = makeChain([
      backend("a", () => Effect.fail(new CannotServe({ backend: "a", reason: "r1" })), []),
      backend("b", () => Effect.fail(new CannotServe({ backend: "b", reason: "r2" })), [])
    ])
    const result = yield* Effect.flip(chain.serve(list))
    expect(result._tag).toBe("NoBackendCanServe")
    if (result._tag === "NoBackendCanServe") expect(result.tried.map((t) => t.reason)).toEqual(["r1", "r2"])
  }))

  it("--backend keeps only the forced backend", () => {
    const bs = ["native", "profile", "nix-env", "instructions"].map((n) => backend(n, () => Effect.succeed(ok(n)), []))
    expect(selectBackends(bs, "nix-env").map((b) => b.name)).toEqual(["nix-env"])
    expect(selectBackends(bs, undefined).map((b) => b.name)).toEqual(["native", "profile", "nix-env", "instructions"])
  })
})
