/** A scripted Unix-socket server standing in for the Nix daemon: bad versions, hangs, errors. */
import { mkdtempSync, rmSync } from "node:fs"
import * as net from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Writer } from "../../../src/domain/daemon/Wire.js"

export interface FakeDaemon {
  readonly socketPath: string
  readonly close: () => Promise<void>
}

/** `onConnection` gets each accepted socket; it decides what (if anything) to send. */
export const startFake = (onConnection: (socket: net.Socket) => void): Promise<FakeDaemon> => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-fake-daemon-"))
  const socketPath = join(dir, "socket")
  const sockets = new Set<net.Socket>()
  const server = net.createServer((s) => {
    sockets.add(s)
    s.on("error", () => undefined)
    s.on("close", () => sockets.delete(s))
    onConnection(s)
  })
  return new Promise((resolve) => {
    server.listen(socketPath, () =>
      resolve({
        socketPath,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy()
            server.close(() => {
              rmSync(dir, { recursive: true, force: true })
              done()
            })
          })
      }))
  })
}

export const u64s = (...ns: Array<number>) => {
  const w = new Writer()
  for (const n of ns) w.u64(n)
  return w.done()
}

/** Reads the client's stream as u64 words, for scripted replies. */
export const onWords = (s: net.Socket, f: (words: Array<number>) => void) => {
  let buf = Buffer.alloc(0)
  s.on("data", (d) => {
    buf = Buffer.concat([buf, d])
    const words: Array<number> = []
    for (let i = 0; i + 8 <= buf.length; i += 8) words.push(buf.readUInt32LE(i))
    f(words)
  })
}
