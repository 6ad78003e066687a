/**
 * A socket with a queue of response readers: requests may be pipelined (written before earlier
 * responses arrive) and responses are parsed in order. Every wait has a deadline: when it passes,
 * the socket is destroyed and every pending read fails, so a hung daemon cannot hang the caller.
 */
import * as net from "node:net"
import { DaemonError, type Reader } from "./Wire.js"

interface Pending {
  readonly reader: Reader<unknown>
  readonly resolve: (a: unknown) => void
  readonly reject: (e: Error) => void
  need: number
}

export class Connection {
  private chunks: Array<Buffer> = []
  private buffered = 0
  private queue: Array<Pending> = []
  private failure: Error | undefined
  private timer: NodeJS.Timeout | undefined

  private constructor(private readonly socket: net.Socket, private readonly timeoutMs: number) {
    socket.on("data", (d: Buffer) => {
      this.chunks.push(d)
      this.buffered += d.length
      this.pump()
    })
    socket.on("error", (e) => this.fail(e))
    socket.on("close", () => this.fail(new Error("the daemon closed the connection")))
  }

  static open(socketPath: string, timeoutMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ path: socketPath })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error(`connecting to ${socketPath} timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      socket.once("error", (e) => {
        clearTimeout(timer)
        reject(e)
      })
      socket.once("connect", () => {
        clearTimeout(timer)
        socket.removeAllListeners("error")
        resolve(new Connection(socket, timeoutMs))
      })
    })
  }

  /** Write a request (may be empty) and queue the reader of its response. */
  request<A>(data: Buffer | undefined, reader: Reader<A>): Promise<A> {
    if (this.failure) return Promise.reject(this.failure)
    const p = new Promise<A>((resolve, reject) => {
      this.queue.push({ reader, resolve: resolve as (a: unknown) => void, reject, need: -1 })
    })
    if (data && data.length > 0) this.socket.write(data)
    this.arm()
    this.pump()
    return p
  }

  /** Several requests written at once (one write for the batch), their readers queued in order. */
  requestAll<A>(requests: ReadonlyArray<{ readonly data: Buffer; readonly reader: Reader<A> }>): Promise<Array<A>> {
    if (this.failure) return Promise.reject(this.failure)
    const ps = requests.map(({ reader }) =>
      new Promise<A>((resolve, reject) => {
        this.queue.push({ reader, resolve: resolve as (a: unknown) => void, reject, need: -1 })
      }))
    this.socket.write(Buffer.concat(requests.map((r) => r.data)))
    this.arm()
    this.pump()
    return Promise.all(ps)
  }

  close(): void {
    this.fail(new Error("connection closed"))
  }

  /** Restart the deadline while something is pending; any progress restarts it. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = this.queue.length === 0
      ? undefined
      : setTimeout(() => this.fail(new Error(`the daemon did not answer within ${this.timeoutMs} ms`)), this.timeoutMs)
  }

  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0)
    let first = this.chunks[0]!
    if (first.length < n) {
      const all = Buffer.concat(this.chunks, this.buffered)
      this.chunks = [all]
      first = all
    }
    const out = first.subarray(0, n)
    if (first.length === n) this.chunks.shift()
    else this.chunks[0] = first.subarray(n)
    this.buffered -= n
    return out
  }

  private pump(): void {
    let progressed = false
    while (this.queue.length > 0 && !this.failure) {
      const head = this.queue[0]!
      if (head.need >= 0 && this.buffered < head.need) break
      let r: IteratorResult<number, unknown>
      try {
        r = head.reader.next(head.need < 0 ? (undefined as unknown as Buffer) : this.take(head.need))
      } catch (e) {
        if (e instanceof DaemonError) {
          // The daemon reported an error for this request only; the connection stays usable.
          this.queue.shift()
          head.reject(e)
          progressed = true
          continue
        }
        this.fail(e instanceof Error ? e : new Error(String(e)))
        return
      }
      progressed = true
      if (r.done) {
        this.queue.shift()
        head.resolve(r.value)
      } else head.need = r.value
    }
    if (progressed) this.arm()
  }

  private fail(e: Error): void {
    if (this.failure) return
    this.failure = e
    if (this.timer) clearTimeout(this.timer)
    this.socket.destroy()
    for (const p of this.queue.splice(0)) p.reject(e)
  }
}
