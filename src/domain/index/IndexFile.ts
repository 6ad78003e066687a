/**
 * Low-level access to an index file: checks the preamble and header on open, then loads sections on
 * demand (each checked against its CRC-32). Throws IndexMissing / IndexCorrupt (never anything else).
 * Pure over a `ReadAt`: src/layers/index/openIndex.ts opens a file on disk, `fromBuffer` one in memory.
 */
import { Either, Schema } from "effect"
import { crc32 } from "node:zlib"
import { IndexCorrupt, IndexMissing } from "../errors.js"
import { FORMAT_VERSION, IndexHeader, MAGIC, PREAMBLE_BYTES } from "./format.js"

const parseJson = Schema.decodeUnknownEither(Schema.parseJson())
const decodeHeader = Schema.decodeUnknownEither(IndexHeader)

/** Keeps IndexMissing/IndexCorrupt; an I/O error (EISDIR, EIO) becomes IndexCorrupt. */
export const asIndexError = (path: string, e: unknown): IndexMissing | IndexCorrupt =>
  e instanceof IndexMissing || e instanceof IndexCorrupt
    ? e
    : new IndexCorrupt({ path, detail: `cannot read it (${e instanceof Error ? e.message : String(e)})` })

/** Reads `length` bytes at `offset`; throws IndexCorrupt when the file is shorter. */
export type ReadAt = (offset: number, length: number) => Buffer

export class IndexFile {
  private readonly cache = new Map<string, Buffer>()

  private constructor(
    readonly path: string,
    readonly header: IndexHeader,
    readonly sizeBytes: number,
    private readonly readAt: ReadAt,
    private readonly onClose: () => void
  ) {}

  /** An index already in memory (tests, freshly built indexes). */
  static fromBuffer(buf: Uint8Array, path = "<memory>"): IndexFile {
    const readAt: ReadAt = (offset, length) => {
      if (offset + length > buf.length) throw new IndexCorrupt({ path, detail: "the file is truncated" })
      const out = Buffer.allocUnsafeSlow(length)
      out.set(buf.subarray(offset, offset + length))
      return out
    }
    return IndexFile.fromReadAt(path, buf.length, readAt, () => {})
  }

  /** An index read through `readAt` (`size` bytes long); `onClose` releases what it holds. */
  static fromReadAt(path: string, size: number, readAt: ReadAt, onClose: () => void): IndexFile {
    const corrupt = (detail: string) => new IndexCorrupt({ path, detail })
    if (size < PREAMBLE_BYTES) throw corrupt("the file is too short to be an ask-nix index")
    const pre = readAt(0, PREAMBLE_BYTES)
    if (pre.toString("latin1", 0, 8) !== MAGIC) throw corrupt("it is not an ask-nix index file")
    const version = pre.readUInt32LE(8)
    if (version !== FORMAT_VERSION) {
      throw corrupt(`it was written in index format ${version}, this ask-nix reads format ${FORMAT_VERSION}`)
    }
    const headerLen = pre.readUInt32LE(12)
    if (PREAMBLE_BYTES + headerLen > size) throw corrupt("the file is truncated")
    const headerBytes = readAt(PREAMBLE_BYTES, headerLen)
    if (crc32(headerBytes) !== pre.readUInt32LE(16)) throw corrupt("its header checksum does not match")
    const json = Either.getOrThrowWith(parseJson(headerBytes.toString("utf8")), () => corrupt("its header is not valid JSON"))
    const header = Either.getOrThrowWith(decodeHeader(json), () => corrupt("its header is incomplete"))
    for (const [name, s] of Object.entries(header.sections)) {
      if (s.offset + s.length > size) throw corrupt(`the file is truncated (section ${name})`)
    }
    return new IndexFile(path, header, size, readAt, onClose)
  }

  /** A section's bytes, loaded and checked once. */
  section(name: string): Buffer {
    const hit = this.cache.get(name)
    if (hit !== undefined) return hit
    const s = this.header.sections[name]
    if (s === undefined) throw new IndexCorrupt({ path: this.path, detail: `section ${name} is missing` })
    let bytes: Buffer
    try {
      bytes = this.readAt(s.offset, s.length)
    } catch (e) {
      throw asIndexError(this.path, e)
    }
    if (crc32(bytes) !== s.crc) {
      throw new IndexCorrupt({ path: this.path, detail: `section ${name} is damaged (checksum mismatch)` })
    }
    this.cache.set(name, bytes)
    return bytes
  }

  /** Bytes [offset, offset + length) of a section, unchecked: the caller checks its own block checksums. */
  slice(name: string, offset: number, length: number): Buffer {
    const s = this.header.sections[name]
    if (s === undefined) throw new IndexCorrupt({ path: this.path, detail: `section ${name} is missing` })
    if (offset < 0 || length < 0 || offset + length > s.length) {
      throw new IndexCorrupt({ path: this.path, detail: `section ${name} has a bad block table` })
    }
    try {
      return this.readAt(s.offset + offset, length)
    } catch (e) {
      throw asIndexError(this.path, e)
    }
  }

  u16(name: string): Uint16Array {
    const b = this.section(name)
    return new Uint16Array(b.buffer, b.byteOffset, b.length >> 1)
  }

  u32(name: string): Uint32Array {
    const b = this.section(name)
    if (b.length % 4 !== 0) throw new IndexCorrupt({ path: this.path, detail: `section ${name} has a bad length` })
    return new Uint32Array(b.buffer, b.byteOffset, b.length / 4)
  }

  i16(name: string): Int16Array {
    const b = this.section(name)
    return new Int16Array(b.buffer, b.byteOffset, b.length >> 1)
  }

  close(): void {
    this.cache.clear()
    this.onClose()
  }
}
