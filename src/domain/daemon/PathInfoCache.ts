/**
 * A file snapshot of the store as the collector sees it: every valid path with its references, NAR
 * size and deriver (an InfoTable), the store folder's invalid entries, and the fingerprint of Nix's
 * database taken before the daemon was asked (see StoreFingerprint.ts).
 *
 * - Same fingerprint next time: the database has not been written since, so the valid paths and their
 *   infos are the same, and the daemon need not be asked at all.
 * - Another fingerprint: a valid path's info does not change while it stays valid, so only paths new
 *   since the snapshot are asked of the daemon; paths that are gone are dropped. (A path deleted and
 *   rebuilt non-reproducibly could differ in size by a few bytes until it leaves the snapshot.)
 *
 * Binary, so that loading it is a few typed-array views rather than a JSON parse of every reference
 * (version 2 was JSON: ~10 ms for 8k paths, most of a cached preview). Any unreadable, truncated or
 * foreign file is simply ignored. Pure: src/layers/daemon/PathInfoCacheFile.ts reads and writes the file.
 */
import { Either, Schema } from "effect"
import type { InfoTable } from "./Closure.js"

export interface StrayEntry {
  readonly path: string
  readonly size: number
}

export interface StoreSnapshot {
  /** Fingerprint of the database (and the socket asked) when the snapshot was taken; "" = unknown. */
  readonly dbKey: string
  /** Fingerprint of the store folder when `strays` was read; "" = unknown. */
  readonly storeKey: string
  readonly strays: ReadonlyArray<StrayEntry>
  readonly table: InfoTable
}

const MAGIC = "ASKNIXS3"

const NonNegative = Schema.Int.pipe(Schema.nonNegative())

const Header = Schema.Struct({
  dbKey: Schema.String,
  storeKey: Schema.String,
  strays: Schema.Array(Schema.Tuple(Schema.String, Schema.Number)),
  count: NonNegative,
  pathCount: NonNegative,
  pathsBytes: NonNegative,
  refCount: NonNegative
})
type Header = typeof Header.Type

const decodeHeader = Schema.decodeUnknownEither(Schema.parseJson(Header))

const align8 = (n: number) => (n + 7) & ~7

/** Layout: magic, u32 header length, header JSON, paths (newline-joined), then 8-aligned arrays. */
export const encodeSnapshot = (s: StoreSnapshot): Buffer => {
  const t = s.table
  const pathsText = Buffer.from(t.paths.join("\n"), "utf8")
  const header: Header = {
    dbKey: s.dbKey, storeKey: s.storeKey, strays: s.strays.map((x) => [x.path, x.size] as const),
    count: t.count, pathCount: t.paths.length, pathsBytes: pathsText.length, refCount: t.refs.length
  }
  const headerText = Buffer.from(JSON.stringify(header), "utf8")
  const arraysAt = align8(12 + headerText.length + pathsText.length)
  const size = arraysAt + t.count * 8 + align8(t.count * 4) + align8((t.count + 1) * 4) + t.refs.length * 4
  const out = Buffer.alloc(size)
  out.write(MAGIC, 0, "latin1")
  out.writeUInt32LE(headerText.length, 8)
  headerText.copy(out, 12)
  pathsText.copy(out, 12 + headerText.length)
  let at = arraysAt
  const put = (a: Float64Array | Int32Array) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at)
    at += align8(a.byteLength)
  }
  put(t.narSize)
  put(t.deriver)
  put(t.refStart)
  put(t.refs)
  return out
}

export const decodeSnapshot = (b: Buffer): StoreSnapshot | undefined => {
  try {
    return decode(b)
  } catch {
    return undefined
  }
}

const decode = (b: Buffer): StoreSnapshot | undefined => {
  if (b.length < 12 || b.toString("latin1", 0, 8) !== MAGIC) return undefined
  const headerLength = b.readUInt32LE(8)
  if (12 + headerLength > b.length) return undefined
  const header = decodeHeader(b.toString("utf8", 12, 12 + headerLength))
  if (Either.isLeft(header)) return undefined
  const h = header.right
  const { count, pathCount, pathsBytes, refCount } = h
  if (pathCount < count) return undefined
  const pathsAt = 12 + headerLength
  let at = align8(pathsAt + pathsBytes)
  if (at + count * 8 + align8(count * 4) + align8((count + 1) * 4) + refCount * 4 > b.length) return undefined
  const paths = pathCount === 0 ? [] : b.toString("utf8", pathsAt, pathsAt + pathsBytes).split("\n")
  if (paths.length !== pathCount) return undefined
  // Copy into fresh (aligned) arrays: the file buffer may start at any offset of its pool.
  const take = <A extends Float64Array | Int32Array>(make: (n: number) => A, n: number, width: number): A => {
    const a = make(n)
    b.copy(Buffer.from(a.buffer), 0, at, at + n * width)
    at += align8(n * width)
    return a
  }
  const narSize = take((n) => new Float64Array(n), count, 8)
  const deriver = take((n) => new Int32Array(n), count, 4)
  const refStart = take((n) => new Int32Array(n), count + 1, 4)
  const refs = take((n) => new Int32Array(n), refCount, 4)
  for (let i = 0; i < refs.length; i++) if (refs[i]! < 0 || refs[i]! >= pathCount) return undefined
  for (let i = 0; i < count; i++) {
    if (deriver[i]! >= pathCount || refStart[i]! > refStart[i + 1]!) return undefined
  }
  if (refStart[0] !== 0 || refStart[count] !== refCount) return undefined
  return {
    dbKey: h.dbKey, storeKey: h.storeKey,
    strays: h.strays.map(([path, size]) => ({ path, size })),
    table: { paths, count, narSize, deriver, refStart, refs }
  }
}
