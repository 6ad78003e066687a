/**
 * The options file (`options-nixos`, `options-home` next to the package index): built once by
 * `ask-nix index build`, opened by every call that needs option knowledge. Opening reads the file and
 * checks its header; a section is checked (CRC-32) and decoded the first time a lookup needs it, and an
 * option's description, default and example are decoded per block of 64 options. So `option` and
 * `configure` pay a few milliseconds, and nothing is paid by calls that never ask about options.
 *
 *   bytes 0..8    magic "ASKNIXOP"
 *   bytes 8..12   format version (u32 LE)
 *   bytes 12..16  header JSON length (u32 LE)
 *   bytes 16..20  CRC-32 of the header JSON
 *   then          header JSON (OptionsHeader), then the sections it lists
 *
 * raw node:fs here (as for the package index) because a synchronous read of one small file is the fast
 * path and this module is the only one that reads or writes the format.
 */
import { Either, Schema } from "effect"
import { readFileSync } from "node:fs"
import { crc32 } from "node:zlib"
import { OptionsCorrupt, OptionsMissing } from "../../domain/configErrors.js"
import type { OptionRecord, OptionScope } from "../../domain/options/OptionRecord.js"
import { moduleSizes, type OptionsTable } from "../../domain/options/OptionsTable.js"
import { buildPostings } from "../../domain/options/postings.js"

const MAGIC = "ASKNIXOP"
export const OPTIONS_FORMAT_VERSION = 2
const PREAMBLE = 20
const PER_BLOCK = 64

const Section = Schema.Struct({ offset: Schema.Number, length: Schema.Number, crc: Schema.Number })
type Section = typeof Section.Type

const OptionsHeader = Schema.Struct({
  scope: Schema.Literal("nixos", "home"),
  /** Where the data came from (a file, or "evaluated <nixpkgs>"). */
  source: Schema.String,
  count: Schema.Number,
  builtAt: Schema.String,
  sections: Schema.Record({ key: Schema.String, value: Section })
})
export type OptionsHeader = typeof OptionsHeader.Type

/** [description, default, example, readOnly, declarations, keyOf, aliasOf] */
type StoredRecord = readonly [string, string | null, string | null, boolean, ReadonlyArray<string>, string | null, string | null]

const isText = (v: unknown): v is string | null => v === null || typeof v === "string"
const isStoredRecord = (v: unknown): v is StoredRecord =>
  Array.isArray(v) && v.length === 7 && typeof v[0] === "string" && isText(v[1]) && isText(v[2]) &&
  typeof v[3] === "boolean" && Array.isArray(v[4]) && v[4].every((d) => typeof d === "string") && isText(v[5]) && isText(v[6])

/**
 * A block of records, checked field by field (a Schema decoder costs several milliseconds per block
 * here, on a path that runs on every `option` call).
 */
const decodeBlock = (text: string): ReadonlyArray<StoredRecord> | undefined => {
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) && v.every(isStoredRecord) ? v : undefined
  } catch {
    return undefined
  }
}

const decodeHeader = Schema.decodeUnknownEither(Schema.parseJson(OptionsHeader))
const decodeTypes = Schema.decodeUnknownEither(Schema.parseJson(Schema.Array(Schema.String)))
const decodeAliases = Schema.decodeUnknownEither(Schema.parseJson(Schema.Record({ key: Schema.String, value: Schema.String })))

const bytesOf = (a: Uint32Array | Uint16Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)

export const serializeOptions = (
  scope: OptionScope,
  records: ReadonlyArray<OptionRecord>,
  meta: { readonly source: string; readonly builtAt: string }
): Uint8Array => {
  const sorted = [...records].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const types = [...new Set(sorted.map((r) => r.type))]
  const typeIndex = new Map(types.map((t, i) => [t, i]))
  const postings = buildPostings(sorted)
  const aliasTable: Record<string, string> = {}
  sorted.forEach((r, id) => {
    if (r.aliasOf !== undefined) aliasTable[String(id)] = r.aliasOf
  })
  const blocks: Array<Buffer> = []
  for (let from = 0; from < sorted.length; from += PER_BLOCK) {
    const stored = sorted.slice(from, from + PER_BLOCK).map((r): StoredRecord =>
      [r.description, r.default, r.example, r.readOnly, r.declarations, r.keyOf ?? null, r.aliasOf ?? null])
    blocks.push(Buffer.from(JSON.stringify(stored), "utf8"))
  }
  const recOff = new Uint32Array(blocks.length + 1)
  blocks.forEach((b, i) => { recOff[i + 1] = recOff[i]! + b.length })
  const sections: ReadonlyArray<readonly [string, Uint8Array]> = [
    ["names", Buffer.from(sorted.map((r) => r.name).join("\n"), "utf8")],
    ["types", Buffer.from(JSON.stringify(types), "utf8")],
    ["typeIds", bytesOf(Uint16Array.from(sorted, (r) => typeIndex.get(r.type)!))],
    ["moduleSizes", bytesOf(moduleSizes(sorted.map((r) => r.name)))],
    ["aliases", Buffer.from(JSON.stringify(aliasTable), "utf8")],
    ["terms", Buffer.from(postings.terms.join("\n"), "utf8")],
    ["postOff", bytesOf(postings.postOff)],
    ["post", bytesOf(postings.post)],
    ["nameTerms", Buffer.from(postings.nameTerms.join("\n"), "utf8")],
    ["records", Buffer.concat(blocks)],
    ["recOff", bytesOf(recOff)],
    ["recCrc", bytesOf(Uint32Array.from(blocks, (b) => crc32(b)))]
  ]
  // section offsets are relative to the end of the header; each is 8-byte aligned
  const table: Record<string, Section> = {}
  let at = 0
  for (const [name, bytes] of sections) {
    table[name] = { offset: at, length: bytes.length, crc: crc32(bytes) }
    at += Math.ceil(bytes.length / 8) * 8
  }
  const header: OptionsHeader = { scope, source: meta.source, count: sorted.length, builtAt: meta.builtAt, sections: table }
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8")
  const padded = Math.ceil((PREAMBLE + headerBytes.length) / 8) * 8
  const out = Buffer.alloc(padded + at)
  out.write(MAGIC, 0, "latin1")
  out.writeUInt32LE(OPTIONS_FORMAT_VERSION, 8)
  out.writeUInt32LE(headerBytes.length, 12)
  out.writeUInt32LE(crc32(headerBytes), 16)
  headerBytes.copy(out, PREAMBLE)
  for (const [name, bytes] of sections) out.set(bytes, padded + table[name]!.offset)
  return out
}

export interface OptionsFile extends OptionsTable {
  readonly path: string
  readonly header: OptionsHeader
}

/** Opens an options file; throws OptionsMissing / OptionsCorrupt (nothing else), now or on a later lookup. */
export const openOptionsFile = (path: string, scope: OptionScope): OptionsFile => {
  let buf: Buffer
  try {
    buf = readFileSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === "ENOENT" || code === "ENOTDIR") throw new OptionsMissing({ path, scope })
    throw new OptionsCorrupt({ path, detail: `cannot read it: ${(e as Error).message}` })
  }
  const corrupt = (detail: string) => new OptionsCorrupt({ path, detail })
  if (buf.length < PREAMBLE || buf.toString("latin1", 0, 8) !== MAGIC) throw corrupt("it is not an ask-nix options file")
  const version = buf.readUInt32LE(8)
  if (version !== OPTIONS_FORMAT_VERSION) throw corrupt(`it is in format ${version}, this ask-nix reads format ${OPTIONS_FORMAT_VERSION}`)
  const headerLength = buf.readUInt32LE(12)
  if (PREAMBLE + headerLength > buf.length) throw corrupt("the file is truncated")
  const headerBytes = buf.subarray(PREAMBLE, PREAMBLE + headerLength)
  if (crc32(headerBytes) !== buf.readUInt32LE(16)) throw corrupt("its header checksum does not match")
  const decodedHeader = decodeHeader(headerBytes.toString("utf8"))
  if (Either.isLeft(decodedHeader)) throw corrupt("its header is not what this ask-nix writes")
  const header = decodedHeader.right
  if (header.scope !== scope) throw corrupt(`it holds ${header.scope} options, not ${scope} options`)
  const base = Math.ceil((PREAMBLE + headerLength) / 8) * 8
  for (const [name, sec] of Object.entries(header.sections)) {
    if (base + sec.offset + sec.length > buf.length) throw corrupt(`the file is truncated (section ${name})`)
  }

  const raw = (name: string, check: boolean): Buffer => {
    const s = header.sections[name]
    if (s === undefined) throw corrupt(`section ${name} is missing`)
    if (base + s.offset + s.length > buf.length) throw corrupt(`the file is truncated (section ${name})`)
    const bytes = buf.subarray(base + s.offset, base + s.offset + s.length)
    if (check && crc32(bytes) !== s.crc) throw corrupt(`section ${name} is damaged (checksum mismatch)`)
    return bytes
  }
  const memo = <A>(compute: () => A): (() => A) => {
    let box: { readonly value: A } | undefined
    return () => (box ??= { value: compute() }).value
  }
  const lazy = <A>(name: string, decode: (b: Buffer) => A): (() => A) => memo(() => decode(raw(name, true)))
  // sections start 8-byte aligned in the file: a view when the file's bytes are aligned, else a copy
  const u32 = (b: Buffer) =>
    b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length >> 2) : new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length))
  const names = lazy("names", (b) => (header.count === 0 ? [] : b.toString("utf8").split("\n")))
  const types = lazy("types", (b) => {
    const t = decodeTypes(b.toString("utf8"))
    if (Either.isLeft(t)) throw corrupt("its type table is damaged")
    return t.right
  })
  const u16 = (b: Buffer) =>
    b.byteOffset % 2 === 0 ? new Uint16Array(b.buffer, b.byteOffset, b.length >> 1) : new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length))
  const typeIds = lazy("typeIds", u16)
  const sizes = lazy("moduleSizes", u16)
  const aliases = lazy("aliases", (b) => {
    const a = decodeAliases(b.toString("utf8"))
    if (Either.isLeft(a)) throw corrupt("its alias table is damaged")
    return a.right
  })
  const terms = lazy("terms", (b) => b.toString("utf8").split("\n"))
  const termIndex = memo(() => new Map(terms().map((t, i) => [t, i])))
  const postOff = lazy("postOff", u32)
  const post = lazy("post", u32)
  const nameTerms = lazy("nameTerms", (b) => b.toString("utf8").split("\n"))
  const recOff = lazy("recOff", u32)
  const recCrc = lazy("recCrc", u32)
  const blocks = new Map<number, ReadonlyArray<StoredRecord>>()

  if (names().length !== header.count) throw corrupt("the number of names does not match its header")

  const block = (n: number): ReadonlyArray<StoredRecord> => {
    const hit = blocks.get(n)
    if (hit !== undefined) return hit
    const off = recOff()
    const bytes = raw("records", false).subarray(off[n]!, off[n + 1]!)
    if (crc32(bytes) !== recCrc()[n]) throw corrupt(`option block ${n} is damaged (checksum mismatch)`)
    const decoded = decodeBlock(bytes.toString("utf8"))
    if (decoded === undefined) throw corrupt(`option block ${n} is not what this ask-nix writes`)
    blocks.set(n, decoded)
    return decoded
  }

  const type = (id: number) => types()[typeIds()[id]!] ?? "unspecified"
  return {
    path,
    header,
    scope,
    count: header.count,
    name: (id) => names()[id]!,
    type,
    record: (id) => {
      const [description, def, example, readOnly, declarations, keyOf, aliasOf] = block(Math.floor(id / PER_BLOCK))[id % PER_BLOCK]!
      return {
        name: names()[id]!, type: type(id), default: def, example, description, readOnly, declarations,
        ...(keyOf !== null ? { keyOf } : {}), ...(aliasOf !== null ? { aliasOf } : {})
      }
    },
    postings: (term) => {
      const i = termIndex().get(term)
      if (i === undefined) return undefined
      const off = postOff()
      return post().subarray(off[i]!, off[i + 1]!)
    },
    nameTerms,
    moduleSize: (id) => sizes()[id]!,
    aliasOf: (id) => aliases()[String(id)]
  }
}
