/**
 * Reads every row of one table of an SQLite 3 database file, without SQLite: the file format is documented
 * (https://www.sqlite.org/fileformat2.html) and a full scan of a table's b-tree needs only its page layout,
 * varints and the record format. Enough for the channel's programs.sqlite (command-not-found's database)
 * at index build time; Node 20 has no SQLite of its own. Pure, over the file's bytes; throws SqliteError
 * (a plain Error: the caller turns it into its own typed failure) on anything it cannot read.
 */

import { TextDecoder } from "node:util"

export class SqliteError extends Error {}

export type SqliteValue = null | number | bigint | string | Uint8Array

const HEADER = "SQLite format 3\u0000"

/** A varint at `at`: its value (as a number; SQLite's are at most 64 bits, ours fit 53) and its length. */
const varint = (b: Uint8Array, at: number): readonly [number, number] => {
  let v = 0
  for (let i = 0; i < 8; i++) {
    if (at + i >= b.length) throw new SqliteError("a varint runs past the end of the file")
    const x = b[at + i]!
    v = v * 128 + (x & 0x7f)
    if (x < 0x80) return [v, i + 1]
  }
  if (at + 8 >= b.length) throw new SqliteError("a varint runs past the end of the file")
  return [v * 256 + b[at + 8]!, 9]
}

interface Db {
  readonly bytes: Uint8Array
  readonly view: DataView
  readonly pageSize: number
  readonly usable: number
  readonly pages: number
  readonly decoder: TextDecoder
}

const open = (bytes: Uint8Array): Db => {
  if (bytes.length < 100 || new TextDecoder("latin1").decode(bytes.subarray(0, 16)) !== HEADER) {
    throw new SqliteError("it is not an SQLite 3 database")
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const raw = view.getUint16(16)
  const pageSize = raw === 1 ? 65536 : raw
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw new SqliteError(`its page size (${raw}) is not valid`)
  if (bytes.length % pageSize !== 0) throw new SqliteError("it is truncated (not a whole number of pages)")
  const encoding = view.getUint32(56)
  if (encoding !== 0 && encoding !== 1) throw new SqliteError("its text is not UTF-8 (UTF-16 databases are not supported)")
  return { bytes, view, pageSize, usable: pageSize - bytes[20]!, pages: bytes.length / pageSize, decoder: new TextDecoder("utf-8") }
}

/** The payload of a cell whose local part starts at `at`: the local bytes, then the overflow pages' content. */
const payload = (db: Db, at: number, size: number, index: boolean): Uint8Array => {
  const u = db.usable
  const maxLocal = index ? Math.floor(((u - 12) * 64) / 255) - 23 : u - 35
  if (size <= maxLocal) {
    if (at + size > db.bytes.length) throw new SqliteError("a record runs past the end of the file")
    return db.bytes.subarray(at, at + size)
  }
  const minLocal = Math.floor(((u - 12) * 32) / 255) - 23
  const k = minLocal + ((size - minLocal) % (u - 4))
  const local = k <= maxLocal ? k : minLocal
  const out = new Uint8Array(size)
  out.set(db.bytes.subarray(at, at + local), 0)
  let done = local
  let page = db.view.getUint32(at + local)
  const seen = new Set<number>()
  while (done < size) {
    if (page < 1 || page > db.pages || seen.has(page)) throw new SqliteError("an overflow page chain is broken")
    seen.add(page)
    const start = (page - 1) * db.pageSize
    const n = Math.min(size - done, u - 4)
    out.set(db.bytes.subarray(start + 4, start + 4 + n), done)
    done += n
    page = db.view.getUint32(start)
  }
  return out
}

/** The values of one record (SQLite's record format). */
const record = (db: Db, p: Uint8Array): Array<SqliteValue> => {
  const [headerSize, h0] = varint(p, 0)
  const types: Array<number> = []
  for (let at = h0; at < headerSize;) {
    const [t, n] = varint(p, at)
    types.push(t)
    at += n
  }
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength)
  const out: Array<SqliteValue> = []
  let at = headerSize
  const int = (len: number): number | bigint => {
    if (at + len > p.length) throw new SqliteError("a record is shorter than its header says")
    let v = BigInt.asIntN(8, BigInt(p[at]!))
    for (let i = 1; i < len; i++) v = (v << 8n) | BigInt(p[at + i]!)
    v = BigInt.asIntN(len * 8, v)
    at += len
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v
  }
  for (const t of types) {
    if (t === 0) out.push(null)
    else if (t >= 1 && t <= 6) out.push(int([0, 1, 2, 3, 4, 6, 8][t]!))
    else if (t === 7) {
      if (at + 8 > p.length) throw new SqliteError("a record is shorter than its header says")
      out.push(view.getFloat64(at))
      at += 8
    } else if (t === 8 || t === 9) out.push(t - 8)
    else if (t >= 12) {
      const len = Math.floor((t - 12) / 2)
      if (at + len > p.length) throw new SqliteError("a record is shorter than its header says")
      const bytes = p.subarray(at, at + len)
      out.push(t % 2 === 0 ? bytes.slice() : db.decoder.decode(bytes))
      at += len
    } else throw new SqliteError(`a record has the reserved serial type ${t}`)
  }
  return out
}

/** Every record of the b-tree rooted at `root`, in key order (table or index b-trees alike). */
const scan = (db: Db, root: number, visit: (values: Array<SqliteValue>) => void): void => {
  const seen = new Set<number>()
  const walk = (page: number, depth: number) => {
    if (page < 1 || page > db.pages) throw new SqliteError(`page ${page} is outside the file`)
    if (seen.has(page) || depth > 64) throw new SqliteError("its b-tree has a cycle")
    seen.add(page)
    const base = (page - 1) * db.pageSize
    const hdr = page === 1 ? base + 100 : base
    const kind = db.bytes[hdr]!
    const cells = db.view.getUint16(hdr + 3)
    const interior = kind === 0x05 || kind === 0x02
    const index = kind === 0x0a || kind === 0x02
    if (kind !== 0x05 && kind !== 0x0d && kind !== 0x0a && kind !== 0x02) throw new SqliteError(`page ${page} is not a b-tree page`)
    const pointers = hdr + (interior ? 12 : 8)
    for (let c = 0; c < cells; c++) {
      const at = base + db.view.getUint16(pointers + 2 * c)
      if (at >= base + db.pageSize) throw new SqliteError(`page ${page} has a cell outside it`)
      if (kind === 0x05) { walk(db.view.getUint32(at), depth + 1); continue }
      let p = at
      if (kind === 0x02) { walk(db.view.getUint32(p), depth + 1); p += 4 }
      const [size, n] = varint(db.bytes, p)
      p += n
      if (kind === 0x0d) p += varint(db.bytes, p)[1] // the rowid
      visit(record(db, payload(db, p, size, index)))
    }
    if (interior) walk(db.view.getUint32(hdr + 8), depth + 1)
  }
  walk(root, 0)
}

/** Column names of a CREATE TABLE statement, in the order its records store them. */
const columnsOf = (sql: string): Array<string> => {
  const open = sql.indexOf("(")
  const close = sql.lastIndexOf(")")
  if (open < 0 || close < open) throw new SqliteError("its table definition cannot be read")
  const defs: Array<string> = []
  let depth = 0
  let cur = ""
  for (const ch of sql.slice(open + 1, close)) {
    if (ch === "(") depth++
    if (ch === ")") depth--
    if (ch === "," && depth === 0) { defs.push(cur.trim()); cur = "" } else cur += ch
  }
  defs.push(cur.trim())
  const unquote = (s: string) => s.replace(/^["`[]|["`\]]$/g, "")
  const cols: Array<string> = []
  let pk: Array<string> | undefined
  for (const d of defs) {
    const m = /^(?:constraint\s+\S+\s+)?primary\s+key\s*\(([^)]*)\)/i.exec(d)
    if (m !== null) { pk = m[1]!.split(",").map((x) => unquote(x.trim().split(/\s+/)[0]!)); continue }
    if (/^(?:constraint|unique|check|foreign)\b/i.test(d)) continue
    cols.push(unquote(d.split(/\s+/)[0]!))
  }
  // A WITHOUT ROWID table stores its primary key columns first.
  return /\)\s*without\s+rowid\s*;?\s*$/i.test(sql) && pk !== undefined ? [...pk, ...cols.filter((c) => !pk!.includes(c))] : cols
}

/** Every row of `table` (name matched ignoring case), as objects keyed by column name. */
export const readSqliteTable = (bytes: Uint8Array, table: string): Array<Record<string, SqliteValue>> => {
  const db = open(bytes)
  let found: { root: number; sql: string } | undefined
  scan(db, 1, (v) => {
    if (v[0] === "table" && typeof v[1] === "string" && v[1].toLowerCase() === table.toLowerCase() &&
      typeof v[3] === "number" && typeof v[4] === "string") found = { root: v[3], sql: v[4] }
  })
  if (found === undefined) throw new SqliteError(`it has no table ${table}`)
  const cols = columnsOf(found.sql)
  const rows: Array<Record<string, SqliteValue>> = []
  scan(db, found.root, (v) => {
    const row: Record<string, SqliteValue> = {}
    cols.forEach((c, i) => { row[c] = v[i] ?? null })
    rows.push(row)
  })
  return rows
}
