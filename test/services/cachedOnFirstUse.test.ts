import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Exit, Fiber } from "effect"
import { cachedOnFirstUse } from "../../src/services/cachedOnFirstUse.js"

describe("cachedOnFirstUse: Effect.cached, made on first run", () => {
  it.effect("runs nothing when made, then runs its effect once however often it is run", () => Effect.gen(function*() {
    let runs = 0
    const once = cachedOnFirstUse(Effect.sync(() => ++runs))
    expect(runs).toBe(0)
    expect(yield* Effect.all([once, once, once])).toEqual([1, 1, 1])
    expect(runs).toBe(1)
  }))

  it.effect("keeps a failure as Effect.cached does: the effect is not run again", () => Effect.gen(function*() {
    let runs = 0
    const once = cachedOnFirstUse(Effect.suspend(() => Effect.fail(`failed ${++runs}`)))
    const first = yield* Effect.exit(once)
    const second = yield* Effect.exit(once)
    expect(first).toEqual(Exit.fail("failed 1"))
    expect(second).toEqual(Exit.fail("failed 1"))
    expect(runs).toBe(1)
  }))

  it.effect("two fibers that run it first at the same time share one run", () => Effect.gen(function*() {
    let runs = 0
    const gate = yield* Deferred.make<void>()
    const once = cachedOnFirstUse(Effect.zipRight(Deferred.await(gate), Effect.sync(() => ++runs)))
    const a = yield* Effect.fork(once)
    const b = yield* Effect.fork(once)
    yield* Effect.yieldNow()
    yield* Deferred.succeed(gate, undefined)
    expect([yield* Fiber.join(a), yield* Fiber.join(b)]).toEqual([1, 1])
    expect(runs).toBe(1)
  }))
})
