import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { MAX_REQUEST_LENGTH, requestProblem, validateRequest } from "../../src/domain/parse/validate.js"

describe("validateRequest", () => {
  it.effect("passes ordinary requests through, including tabs and newlines", () =>
    Effect.gen(function*() {
      expect(yield* validateRequest("install firefox")).toBe("install firefox")
      expect(yield* validateRequest("install\tfirefox\n")).toBe("install\tfirefox\n")
      expect(yield* validateRequest("x".repeat(MAX_REQUEST_LENGTH))).toHaveLength(MAX_REQUEST_LENGTH)
    }))

  it.effect("refuses more than 10,000 characters, saying so", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(validateRequest("install firefox ".repeat(700)))
      expect(Exit.isFailure(exit)).toBe(true)
      const err = yield* Effect.flip(validateRequest("a".repeat(100_000)))
      expect(err._tag).toBe("RequestRejected")
      expect(err.reason).toMatch(/10,000/)
    }))

  it.effect("refuses control characters", () =>
    Effect.gen(function*() {
      for (const bad of ["install \u0000firefox", "install firefox\u001b[2J", "\u0007", "rm\u007f", "a\u0085b", "a\rb\u000b"]) {
        const err = yield* Effect.flip(validateRequest(bad))
        expect(err.reason).toMatch(/control characters/)
      }
    }))

  it("is fast on a 100 KB request (refused before any pattern work)", () => {
    const big = "install firefox and ".repeat(5_000)
    const start = performance.now()
    for (let i = 0; i < 100; i++) expect(requestProblem(big)).toBeDefined()
    expect((performance.now() - start) / 100).toBeLessThan(5)
  })
})
