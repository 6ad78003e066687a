/**
 * A socket with a queue of response readers: requests may be pipelined (written before earlier
 * responses arrive) and responses are parsed in order from one buffer of received bytes. Every wait
 * has a deadline: when it passes, the socket is destroyed and every pending read fails, so a hung
 * daemon cannot hang the caller.
 */
import * as net from "node:net"
import { Cursor, DaemonError, Incomplete, type Reader } from "../../domain/daemon/Wire.js"

interface Pending {
  readonly reader: Reader<unknown>
  readonly resolve: (a: unknown) => void
  readonly reject: (e: Error) => void
  /** Don't run the reader again before this many unconsumed bytes have arrived. */
  need: number
}

export class Connection {
  /** Received bytes not yet consumed are buf[start, end). */
  private buf: Buffer = Buffer.allocUnsafe(64 * 1024)
  private start = 0
  private end = 0
  private queue: Array<Pending> = []
  private failure: Error | undefined
  private timer: NodeJS.Timeout | undefined

  private constructor(private readonly socket: net.Socket, private readonly timeoutMs: number) {
    socket.on("data", (d: Buffer) => {
      this.append(d)
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
      this.queue.push({ reader, resolve: resolve as (a: unknown) => void, reject, need: 0 })
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
        this.queue.push({ reader, resolve: resolve as (a: unknown) => void, reject, need: 0 })
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

  private append(d: Buffer): void {
    if (this.end + d.length > this.buf.length) {
      const live = this.end - this.start
      const size = Math.max(this.buf.length, (live + d.length) * 2)
      const next = size > this.buf.length ? Buffer.allocUnsafe(size) : this.buf
      this.buf.copy(next, 0, this.start, this.end)
      this.buf = next
      this.start = 0
      this.end = live
    }
    d.copy(this.buf, this.end)
    this.end += d.length
  }

  private pump(): void {
    let progressed = false
    while (this.queue.length > 0 && !this.failure) {
      const head = this.queue[0]!
      if (this.end - this.start < head.need) break
      const c = new Cursor(this.buf, this.start, this.end)
      let value: unknown
      try {
        value = head.reader(c)
      } catch (e) {
        if (e instanceof Incomplete) {
          head.need = e.end - this.start
          break
        }
        if (e instanceof DaemonError) {
          // The daemon reported an error for this request only; the connection stays usable.
          this.start = c.pos
          this.queue.shift()
          head.reject(e)
          progressed = true
          continue
        }
        this.fail(e instanceof Error ? e : new Error(String(e)))
        return
      }
      this.start = c.pos
      this.queue.shift()
      head.resolve(value)
      progressed = true
    }
    if (this.start === this.end) this.start = this.end = 0
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
