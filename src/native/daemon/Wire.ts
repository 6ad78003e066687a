/**
 * The Nix daemon's wire format: little-endian u64 numbers, strings as length + bytes padded to 8.
 * Readers are generators that yield how many bytes they need and receive them, so a response is
 * parsed synchronously as data arrives, however it is split across socket reads.
 */
export type Reader<A> = Generator<number, A, Buffer>

export function* bytes(n: number): Reader<Buffer> {
  return yield n
}

export function* u64(): Reader<number> {
  const b = yield 8
  const hi = b.readUInt32LE(4)
  if (hi >= 0x200000) throw new ProtocolError(`number too large (${b.toString("hex")})`)
  return hi * 0x100000000 + b.readUInt32LE(0)
}

export function* bool(): Reader<boolean> {
  return (yield* u64()) !== 0
}

const padded = (n: number) => (n + 7) & ~7

/** Longest string we accept (a store path or an error message; a huge length means a broken stream). */
const maxString = 64 * 1024 * 1024

export function* string(): Reader<string> {
  const n = yield* u64()
  if (n > maxString) throw new ProtocolError(`string of ${n} bytes`)
  if (n === 0) return ""
  const b = yield padded(n)
  return b.toString("utf8", 0, n)
}

export function* strings(): Reader<Array<string>> {
  const n = yield* u64()
  const out: Array<string> = []
  for (let i = 0; i < n; i++) out.push(yield* string())
  return out
}

/** The daemon sent something this client does not understand. */
export class ProtocolError extends Error {}

/** The daemon answered a request with an error (the connection stays usable). */
export class DaemonError extends Error {}

/** Encoders: build one request buffer. */
export class Writer {
  private parts: Array<Buffer> = []
  u64(n: number): this {
    const b = Buffer.alloc(8)
    b.writeUInt32LE(n % 0x100000000, 0)
    b.writeUInt32LE(Math.floor(n / 0x100000000), 4)
    this.parts.push(b)
    return this
  }
  string(s: string): this {
    const data = Buffer.from(s, "utf8")
    this.u64(data.length)
    this.parts.push(data, Buffer.alloc(padded(data.length) - data.length))
    return this
  }
  strings(ss: ReadonlyArray<string>): this {
    this.u64(ss.length)
    for (const s of ss) this.string(s)
    return this
  }
  done(): Buffer {
    return Buffer.concat(this.parts)
  }
}
