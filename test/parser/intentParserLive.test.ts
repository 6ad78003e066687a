import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { IntentParserLive } from "../../src/layers/IntentParserLive.js"
import { IntentParser } from "../../src/services/IntentParser.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"

const names: NameResolver = {
  exists: (a) => ["firefox", "htop", "git"].includes(a),
  resolve: () => undefined,
  suggest: (w) => (w === "fierfox" ? ["firefox"] : [])
}

describe("IntentParserLive", () => {
  it.effect("validates, then parses", () =>
    Effect.gen(function*() {
      const parser = yield* IntentParser
      const u = yield* parser.parse("please install firefox")
      expect(u.intent).toMatchObject({ _tag: "install", packages: ["firefox"] })
      const err = yield* Effect.flip(parser.parse("x".repeat(20_000)))
      expect(err._tag).toBe("RequestRejected")
      const bad = yield* Effect.flip(parser.parse("install \u0000firefox"))
      expect(bad._tag).toBe("RequestRejected")
    }).pipe(Effect.provide(IntentParserLive({}))))

  it.effect("uses the NameResolver it is given", () =>
    Effect.gen(function*() {
      const parser = yield* IntentParser
      const u = yield* parser.parse("install fierfox")
      expect(u.intent).toMatchObject({ _tag: "install", packages: ["firefox"] })
      expect(u.corrections).toEqual([{ from: "fierfox", to: "firefox" }])
    }).pipe(Effect.provide(IntentParserLive({ names }))))

  it.effect("never fails for text it does not understand", () =>
    Effect.gen(function*() {
      const parser = yield* IntentParser
      for (const t of ["", "   ", "zxcvbnm", "tell me a joke", "do not install firefox", "🙂🙂", "ÿ"]) {
        const u = yield* parser.parse(t)
        expect(["unknown", "help"]).toContain(u.intent._tag)
      }
    }).pipe(Effect.provide(IntentParserLive({}))))
})
