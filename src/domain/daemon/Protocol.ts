/**
 * The Nix daemon worker protocol (Nix's src/libstore/worker-protocol.hh, daemon.cc, remote-store.cc):
 * the handshake, the stderr message loop that precedes every answer, and the read-only operations
 * ask-nix uses. Field presence depends on the negotiated minor version (`min(daemon, ours)`).
 */
import { type Cursor, DaemonError, ProtocolError, Writer, type Reader } from "./Wire.js"

export const WORKER_MAGIC_1 = 0x6e697863
export const WORKER_MAGIC_2 = 0x6478696f
/** The newest protocol this client speaks: 1.37 (Nix 2.20 .. 2.26). Newer daemons negotiate down. */
export const CLIENT_VERSION = (1 << 8) | 37
/** The oldest daemon protocol we accept: 1.21 (Nix 2.3). Tested: 1.34 (Nix 2.8) and 1.37 (Nix 2.26). */
export const MIN_MINOR = 21

export const STDERR_NEXT = 0x6f6c6d67
export const STDERR_READ = 0x64617461
export const STDERR_WRITE = 0x64617416
export const STDERR_LAST = 0x616c7473
export const STDERR_ERROR = 0x63787470
export const STDERR_START_ACTIVITY = 0x53545254
export const STDERR_STOP_ACTIVITY = 0x53544f50
export const STDERR_RESULT = 0x52534c54

export const Op = {
  IsValidPath: 1,
  FindRoots: 14,
  QueryAllValidPaths: 23,
  QueryPathInfo: 26,
  QueryValidPaths: 31
} as const

export const major = (v: number) => v >> 8
export const minor = (v: number) => v & 0xff
export const showVersion = (v: number) => `${major(v)}.${minor(v)}`

/** Is this daemon version one we can talk to? Undefined = yes, else why not. */
export const unsupportedVersion = (daemonVersion: number): string | undefined =>
  major(daemonVersion) !== 1
    ? `protocol ${showVersion(daemonVersion)} has an unknown major version`
    : minor(daemonVersion) < MIN_MINOR
    ? `protocol ${showVersion(daemonVersion)} is older than 1.${MIN_MINOR}`
    : undefined

export const greeting: Reader<number> = (c) => {
  const magic = c.bytes(8)
  if (!magic.equals(new Writer().u64(WORKER_MAGIC_2).done())) {
    throw new ProtocolError(`not a Nix daemon (it began with ${JSON.stringify(magic.toString("latin1"))})`)
  }
  return c.u64()
}

/** What the client sends after the greeting: its version, then the obsolete affinity/reserveSpace fields. */
export const clientHello = (proto: number): Buffer => {
  const w = new Writer().u64(CLIENT_VERSION)
  if (minor(proto) >= 14) w.u64(0) // no CPU affinity (obsolete)
  if (minor(proto) >= 11) w.u64(0) // reserveSpace (obsolete)
  return w.done()
}

export interface DaemonHello {
  readonly nixVersion: string | undefined
  /** 1 trusted, 2 not trusted, undefined unknown. */
  readonly trusted: boolean | undefined
}

export const daemonHello = (proto: number): Reader<DaemonHello> => (c) => {
  const nixVersion = minor(proto) >= 33 ? c.string() : undefined
  const t = minor(proto) >= 35 ? c.u64() : 0
  stderrLoop(proto, c)
  return { nixVersion, trusted: t === 0 ? undefined : t === 1 }
}

const fields = (c: Cursor): void => {
  const n = c.u64()
  for (let i = 0; i < n; i++) {
    const type = c.u64()
    if (type === 0) c.u64()
    else if (type === 1) c.string()
    else throw new ProtocolError(`unknown log field type ${type}`)
  }
}

/** Log messages and activities until STDERR_LAST; STDERR_ERROR becomes a DaemonError. */
export const stderrLoop = (proto: number, c: Cursor): void => {
  for (;;) {
    const msg = c.u64()
    switch (msg) {
      case STDERR_LAST: return
      case STDERR_NEXT: case STDERR_WRITE: c.string(); break
      case STDERR_START_ACTIVITY:
        c.u64(); c.u64(); c.u64(); c.string(); fields(c); c.u64()
        break
      case STDERR_STOP_ACTIVITY: c.u64(); break
      case STDERR_RESULT: c.u64(); c.u64(); fields(c); break
      case STDERR_ERROR: {
        if (minor(proto) >= 26) {
          c.string(); c.u64(); c.string()
          const text = c.string()
          c.u64()
          const traces = c.u64()
          for (let i = 0; i < traces; i++) { c.u64(); c.string() }
          throw new DaemonError(text)
        }
        const text = c.string()
        c.u64()
        throw new DaemonError(text)
      }
      case STDERR_READ: throw new ProtocolError("the daemon asked for data this client never sends")
      default: throw new ProtocolError(`unknown stderr message 0x${msg.toString(16)}`)
    }
  }
}

export interface PathInfo {
  readonly path: string
  readonly deriver: string | undefined
  readonly narHash: string
  readonly references: ReadonlyArray<string>
  readonly registrationTime: number
  readonly narSize: number
}

export interface GcRoot {
  readonly link: string
  readonly target: string
}

export const request = {
  isValidPath: (proto: number, path: string) => ({
    data: new Writer().u64(Op.IsValidPath).string(path).done(),
    read: (c: Cursor): boolean => {
      stderrLoop(proto, c)
      return c.bool()
    }
  }),
  queryPathInfo: (proto: number, path: string) => ({
    data: new Writer().u64(Op.QueryPathInfo).string(path).done(),
    read: (c: Cursor): PathInfo | undefined => {
      stderrLoop(proto, c)
      if (minor(proto) >= 17 && !c.bool()) return undefined
      const deriver = c.string()
      const narHash = c.string()
      const references = c.strings()
      const registrationTime = c.u64()
      const narSize = c.u64()
      if (minor(proto) >= 16) { c.u64(); c.strings(); c.string() }
      return { path, deriver: deriver === "" ? undefined : deriver, narHash, references, registrationTime, narSize }
    }
  }),
  queryAllValidPaths: (proto: number) => ({
    data: new Writer().u64(Op.QueryAllValidPaths).done(),
    read: (c: Cursor): Array<string> => {
      stderrLoop(proto, c)
      return c.strings()
    }
  }),
  findRoots: (proto: number) => ({
    data: new Writer().u64(Op.FindRoots).done(),
    read: (c: Cursor): Array<GcRoot> => {
      stderrLoop(proto, c)
      const n = c.u64()
      const out: Array<GcRoot> = []
      for (let i = 0; i < n; i++) out.push({ link: c.string(), target: c.string() })
      return out
    }
  })
}
