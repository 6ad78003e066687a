import { Deferred, Effect, Exit, Fiber } from "effect"
import { describe, expect, it } from "vitest"
import { cachedOnFirstUse } from "../../src/services/cachedOnFirstUse.js"

describe("cachedOnFirstUse: Effect.cached, made on first run", () => {
  it("runs nothing when made, then runs its effect once however often it is run", async () => {
    let runs = 0
    const once = cachedOnFirstUse(Effect.sync(() => ++runs))
    expect(runs).toBe(0)
    expect(await Effect.runPromise(Effect.all([once, once, once]))).toEqual([1, 1, 1])
    expect(runs).toBe(1)
  })

  it("keeps a failure as Effect.cached does: the effect is not run again", async () => {
    let runs = 0
    const once = cachedOnFirstUse(Effect.suspend(() => Effect.fail(`failed ${++runs}`)))
    const first = await Effect.runPromiseExit(once)
    const second = await Effect.runPromiseExit(once)
    expect(first).toEqual(Exit.fail("failed 1"))
    expect(second).toEqual(Exit.fail("failed 1"))
    expect(runs).toBe(1)
  })

  it("two fibers that run it first at the same time share one run", async () => {
    let runs = 0
    const result = await Effect.runPromise(Effect.gen(function*() {
      const gate = yield* Deferred.make<void>()
      const once = cachedOnFirstUse(Effect.zipRight(Deferred.await(gate), Effect.sync(() => ++runs)))
      const a = yield* Effect.fork(once)
      const b = yield* Effect.fork(once)
      yield* Effect.yieldNow()
      yield* Deferred.succeed(gate, undefined)
      return [yield* Fiber.join(a), yield* Fiber.join(b)]
    }))
    expect(result).toEqual([1, 1])
    expect(runs).toBe(1)
  })
})
