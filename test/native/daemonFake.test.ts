import { Effect, Either } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { connectDaemon } from "../../src/layers/daemon/DaemonClient.js"
import { STDERR_ERROR, STDERR_LAST, STDERR_NEXT, WORKER_MAGIC_1, WORKER_MAGIC_2 } from "../../src/domain/daemon/Protocol.js"
import { Writer } from "../../src/domain/daemon/Wire.js"
import { onWords, startFake, u64s, type FakeDaemon } from "./support/fakeDaemon.js"

let fake: FakeDaemon | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const connect = (socketPath: string, timeoutMs = 300) =>
  Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    const s = yield* connectDaemon({ socketPath, timeoutMs })
    return { protocol: s.protocol, nixVersion: s.nixVersion }
  })).pipe(Effect.either))

const reason = (r: Either.Either<unknown, { _tag: string; reason?: string }>) => {
  if (Either.isRight(r)) throw new Error(`expected CannotServe, got ${JSON.stringify(r.right)}`)
  expect(r.left._tag).toBe("CannotServe")
  return r.left.reason ?? ""
}

/** A well-behaved 1.37 handshake, then `afterHello` for the op stream. */
const goodDaemon = (afterHello: (s: import("node:net").Socket, words: Array<number>) => void) =>
  startFake((s) => {
    let stage = 0
    onWords(s, (words) => {
      if (stage === 0 && words[0] === WORKER_MAGIC_1) {
        stage = 1
        s.write(u64s(WORKER_MAGIC_2, 0x125))
      }
      if (stage === 1 && words.length >= 4) {
        stage = 2
        // nix version (>= 33), trusted (>= 35), then a log line and STDERR_LAST, sent one byte at a time
        const hello = Buffer.concat([
          new Writer().string("2.99-fake").u64(1).u64(STDERR_NEXT).string("hello from fake").u64(STDERR_LAST).done()
        ])
        for (let i = 0; i < hello.length; i++) s.write(hello.subarray(i, i + 1))
      }
      if (stage === 2) afterHello(s, words.slice(4))
    })
  })

describe("daemon client against misbehaving servers", () => {
  it("parses a handshake that arrives one byte at a time", async () => {
    fake = await goodDaemon(() => undefined)
    expect(await connect(fake.socketPath)).toEqual(Either.right({ protocol: "1.37", nixVersion: "2.99-fake" }))
  })

  it("negotiates down to our version with a newer daemon", async () => {
    fake = await startFake((s) => onWords(s, (w) => {
      if (w.length === 1) s.write(u64s(WORKER_MAGIC_2, 0x126))
      if (w.length === 4) s.write(Buffer.concat([new Writer().string("2.30").u64(1).u64(STDERR_LAST).done()]))
    }))
    expect(await connect(fake.socketPath)).toEqual(Either.right({ protocol: "1.37", nixVersion: "2.30" }))
  })

  it("daemon down: CannotServe", async () => {
    expect(reason(await connect("/nonexistent/ask-nix/socket"))).toMatch(/cannot connect/)
  })

  it("an unknown major protocol version: CannotServe", async () => {
    fake = await startFake((s) => onWords(s, () => s.write(u64s(WORKER_MAGIC_2, 0x201))))
    expect(reason(await connect(fake.socketPath))).toMatch(/protocol 2\.1 has an unknown major version/)
  })

  it("a protocol older than we support: CannotServe", async () => {
    fake = await startFake((s) => onWords(s, () => s.write(u64s(WORKER_MAGIC_2, 0x10a))))
    expect(reason(await connect(fake.socketPath))).toMatch(/protocol 1\.10 is older/)
  })

  it("something that is not a Nix daemon: CannotServe", async () => {
    fake = await startFake((s) => s.end("HTTP/1.1 400 Bad Request\r\n\r\n"))
    expect(reason(await connect(fake.socketPath))).toMatch(/not a Nix daemon|closed/)
  })

  it("a socket that accepts but never answers: CannotServe after the timeout, not a hang", async () => {
    fake = await startFake(() => undefined)
    const started = Date.now()
    expect(reason(await connect(fake.socketPath, 300))).toMatch(/did not answer within 300 ms/)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it("a daemon that stops answering mid-session: the operation times out", async () => {
    fake = await goodDaemon(() => undefined)
    const r = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const s = yield* connectDaemon({ socketPath: fake!.socketPath, timeoutMs: 300 })
      return yield* s.queryAllValidPaths
    })).pipe(Effect.either))
    expect(reason(r)).toMatch(/QueryAllValidPaths failed.*did not answer/)
  })

  it("an error for one request fails that request only", async () => {
    let op = 0
    fake = await goodDaemon((s, words) => {
      const ops = words.filter((w) => w === 1).length
      while (op < ops) {
        op++
        s.write(op === 1
          ? new Writer().u64(STDERR_ERROR).string("Error").u64(0).string("Error").string("path '/x' is not valid").u64(0).u64(0).done()
          : new Writer().u64(STDERR_LAST).u64(1).done())
      }
    })
    const r = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const s = yield* connectDaemon({ socketPath: fake!.socketPath, timeoutMs: 1000 })
      const first = yield* s.isValidPath("/nix/store/x").pipe(Effect.either)
      const second = yield* s.isValidPath("/nix/store/y")
      return { first, second }
    })))
    expect(reason(r.first)).toMatch(/path '\/x' is not valid/)
    expect(r.second).toBe(true)
  })

  it("a long list that arrives in uneven pieces is read whole and in order", async () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `/nix/store/${String(i).padStart(32, "0")}-p${"x".repeat(i % 13)}`)
    fake = await goodDaemon((s) => {
      const data = new Writer().u64(STDERR_NEXT).string("listing").u64(STDERR_LAST).strings(paths).done()
      let at = 0
      for (let i = 0; at < data.length; i++) {
        const n = i % 2 === 0 ? 4093 : 5
        s.write(data.subarray(at, at + n))
        at += n
      }
    })
    const r = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const s = yield* connectDaemon({ socketPath: fake!.socketPath, timeoutMs: 1000 })
      return yield* s.queryAllValidPaths
    })))
    expect(r).toEqual(paths)
  })

  it("a daemon that closes mid-response: CannotServe", async () => {
    fake = await goodDaemon((s) => s.end(new Writer().u64(STDERR_LAST).u64(3).string("/nix/store/a").done()))
    const r = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const s = yield* connectDaemon({ socketPath: fake!.socketPath, timeoutMs: 1000 })
      return yield* s.queryAllValidPaths
    })).pipe(Effect.either))
    expect(reason(r)).toMatch(/closed the connection/)
  })
})
