/**
 * The Nix daemon's wire format: little-endian u64 numbers, strings as length + bytes padded to 8.
 * A response is parsed synchronously from the bytes received so far by a `Reader`, a plain function
 * over a `Cursor`: when the bytes run out, the cursor throws `Incomplete` and the reader is run again
 * from the response's start once more data has arrived. (Responses are small, except for lists, which
 * are checked for completeness before any string is decoded.)
 */
export type Reader<A> = (c: Cursor) => A

/** Thrown by a cursor that needs bytes not received yet; `end` is how far the data must reach. */
export class Incomplete {
  constructor(readonly end: number) {}
}

const padded = (n: number) => (n + 7) & ~7

/** Longest string we accept (a store path or an error message; a huge length means a broken stream). */
const maxString = 64 * 1024 * 1024

/** A read position in a buffer of received bytes. */
export class Cursor {
  constructor(readonly buf: Buffer, public pos: number, readonly end: number) {}

  private need(n: number): void {
    if (this.pos + n > this.end) throw new Incomplete(this.pos + n)
  }

  private peekU64(at: number): number {
    const hi = this.buf.readUInt32LE(at + 4)
    if (hi >= 0x200000) throw new ProtocolError(`number too large (${this.buf.toString("hex", at, at + 8)})`)
    return hi * 0x100000000 + this.buf.readUInt32LE(at)
  }

  u64(): number {
    this.need(8)
    const n = this.peekU64(this.pos)
    this.pos += 8
    return n
  }

  bool(): boolean {
    return this.u64() !== 0
  }

  bytes(n: number): Buffer {
    this.need(n)
    const b = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return b
  }

  string(): string {
    const n = this.u64()
    if (n > maxString) throw new ProtocolError(`string of ${n} bytes`)
    if (n === 0) return ""
    this.need(padded(n))
    const s = this.buf.toString("utf8", this.pos, this.pos + n)
    this.pos += padded(n)
    return s
  }

  /** A list of strings; all of it must have arrived before any is decoded. */
  strings(): Array<string> {
    const count = this.u64()
    let at = this.pos
    for (let i = 0; i < count; i++) {
      if (at + 8 > this.end) throw new Incomplete(at + 8)
      const n = this.peekU64(at)
      if (n > maxString) throw new ProtocolError(`string of ${n} bytes`)
      at += 8 + padded(n)
    }
    if (at > this.end) throw new Incomplete(at)
    const out = new Array<string>(count)
    for (let i = 0; i < count; i++) out[i] = this.string()
    return out
  }
}

/** The daemon sent something this client does not understand. */
export class ProtocolError extends Error {}

/** The daemon answered a request with an error (the connection stays usable). */
export class DaemonError extends Error {}

/** Encoders: build one request buffer. */
export class Writer {
  private parts: Array<Buffer> = []
  u64(n: number): this {
    const b = Buffer.allocUnsafe(8)
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
