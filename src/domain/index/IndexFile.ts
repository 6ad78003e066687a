/**
 * Low-level access to an index file: checks the preamble and header on open, then loads sections on
 * demand (each checked against its CRC-32). Throws IndexMissing / IndexCorrupt (never anything else).
 * Pure over a `ReadAt`: src/layers/index/openIndex.ts opens a file on disk, `fromBuffer` one in memory.
 */
import { Either, Schema } from "effect"
import { crc32 } from "node:zlib"
import { IndexCorrupt, IndexMissing } from "../errors.js"
import { FORMAT_VERSION, type IndexHeader, IndexHeaderMeta, isSectionTable, MAGIC, PAGE_BYTES, PREAMBLE_BYTES } from "./format.js"

const parseJson = Schema.decodeUnknownEither(Schema.parseJson())
const decodeHeader = Schema.decodeUnknownEither(IndexHeaderMeta)

/** Keeps IndexMissing/IndexCorrupt; an I/O error (EISDIR, EIO) becomes IndexCorrupt. */
export const asIndexError = (path: string, e: unknown): IndexMissing | IndexCorrupt =>
  e instanceof IndexMissing || e instanceof IndexCorrupt
    ? e
    : new IndexCorrupt({ path, detail: `cannot read it (${e instanceof Error ? e.message : String(e)})` })

/** Reads `length` bytes at `offset`; throws IndexCorrupt when the file is shorter. */
export type ReadAt = (offset: number, length: number) => Buffer

export class IndexFile {
  private readonly cache = new Map<string, Buffer>()
  private readonly pagedCache = new Map<string, PagedSection>()

  private constructor(
    readonly path: string,
    readonly header: IndexHeader,
    readonly sizeBytes: number,
    private readonly readAt: ReadAt,
    private readonly onClose: () => void,
    /** Where the header ends (the first section starts at the next multiple of 8). */
    private readonly headerEnd: number
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
    const meta = Either.getOrThrowWith(decodeHeader(json), () => corrupt("its header is incomplete"))
    const sections = typeof json === "object" && json !== null && "sections" in json ? json.sections : undefined
    if (!isSectionTable(sections)) throw corrupt("its header is incomplete")
    const header: IndexHeader = { ...meta, sections }
    for (const [name, s] of Object.entries(header.sections)) {
      if (s.offset + s.length > size) throw corrupt(`the file is truncated (section ${name})`)
    }
    return new IndexFile(path, header, size, readAt, onClose, PREAMBLE_BYTES + headerLen)
  }

  /**
   * Checks the whole file, not only what a query reads: every section against its CRC-32, the padding
   * between sections (zeros, as written), and that nothing follows the last one. Sections are read one
   * at a time and not kept. Throws IndexCorrupt naming the first problem.
   */
  verify(): void {
    const corrupt = (detail: string) => new IndexCorrupt({ path: this.path, detail })
    const sections = Object.entries(this.header.sections).sort(([, a], [, b]) => a.offset - b.offset)
    let at = this.headerEnd
    const zeros = (from: number, to: number, where: string) => {
      if (to < from) throw corrupt(`sections overlap (${where})`)
      if (to > from && this.readAt(from, to - from).some((b) => b !== 0)) throw corrupt(`unexpected bytes ${where}`)
    }
    for (const [name, s] of sections) {
      zeros(at, s.offset, `before section ${name}`)
      let bytes: Buffer
      try {
        bytes = this.readAt(s.offset, s.length)
      } catch (e) {
        throw asIndexError(this.path, e)
      }
      if (crc32(bytes) !== s.crc) throw corrupt(`section ${name} is damaged (checksum mismatch)`)
      if (this.header.sections[`${name}.pageCrc`] !== undefined) {
        this.pageCrcs(name, bytes.length).forEach((crc, p) => {
          if (crc32(bytes.subarray(p * PAGE_BYTES, (p + 1) * PAGE_BYTES)) !== crc) throw corrupt(`section ${name} is damaged (checksum mismatch in page ${p})`)
        })
      }
      at = s.offset + s.length
    }
    zeros(at, this.sizeBytes, "after the last section")
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

  /** A paged section (format.ts PAGE_BYTES): read and checked a page at a time, as queries reach it. */
  paged(name: string): PagedSection {
    const hit = this.pagedCache.get(name)
    if (hit !== undefined) return hit
    const s = this.header.sections[name]
    if (s === undefined) throw new IndexCorrupt({ path: this.path, detail: `section ${name} is missing` })
    const paged = new PagedSection(name, s.length, this.pageCrcs(name, s.length), (offset, length) => this.slice(name, offset, length), this.path)
    this.pagedCache.set(name, paged)
    return paged
  }

  /** The CRC-32 of each page of section `name` (`length` bytes long), from its `NAME.pageCrc` section. */
  private pageCrcs(name: string, length: number): Uint32Array {
    const crcs = this.u32(`${name}.pageCrc`)
    if (crcs.length !== Math.ceil(length / PAGE_BYTES)) throw new IndexCorrupt({ path: this.path, detail: `section ${name}.pageCrc has a bad length` })
    return crcs
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
    this.pagedCache.clear()
    this.onClose()
  }
}

/**
 * A section read by pages, each checked against its CRC-32 when first read: a search that needs the
 * postings of a few terms reads a few pages of the postings and their offsets instead of the whole
 * sections (1.7 MB of a nixpkgs index). After READ_WHOLE_AFTER reads it reads the whole section at once
 * (a scan over many terms), checking every page.
 */
export class PagedSection {
  private readonly pages: Array<Buffer | undefined>
  /** The whole section, once read whole. */
  private whole: Buffer | undefined
  private reads = 0
  private static readonly READ_WHOLE_AFTER = 32

  constructor(
    readonly name: string,
    readonly length: number,
    private readonly crcs: Uint32Array,
    private readonly readRange: (offset: number, length: number) => Buffer,
    private readonly path: string
  ) {
    this.pages = new Array<Buffer | undefined>(crcs.length)
  }

  /**
   * Bytes [offset, offset + length), checked. Within one page: a view of it; across pages: the pages
   * read in one piece (a buffer of its own from the first page's start, so that an offset that is a
   * multiple of 4 in the section is one in the buffer too: typed-array views stay aligned).
   */
  bytes(offset: number, length: number): Buffer {
    if (offset < 0 || length < 0 || offset + length > this.length) {
      throw new IndexCorrupt({ path: this.path, detail: `section ${this.name} is referenced out of its bounds` })
    }
    if (this.whole !== undefined) return this.whole.subarray(offset, offset + length)
    if (length === 0) return Buffer.alloc(0)
    const first = Math.floor(offset / PAGE_BYTES)
    const last = Math.floor((offset + length - 1) / PAGE_BYTES)
    const at = offset - first * PAGE_BYTES
    const page = first === last ? this.pages[first] : undefined
    if (page !== undefined) return page.subarray(at, at + length)
    if (++this.reads > PagedSection.READ_WHOLE_AFTER) {
      this.whole = this.read(0, this.crcs.length - 1)
      return this.whole.subarray(offset, offset + length)
    }
    return this.read(first, last).subarray(at, at + length)
  }

  /**
   * The u32 at byte offset 4 * i, read in place when its page is in memory (a u32 never straddles two
   * pages): no view is made per read, as bytes() makes one (a posting list's bounds are read per look-up).
   */
  u32(i: number): number {
    const offset = 4 * i
    if (offset >= 0 && offset + 4 <= this.length) {
      const page = this.whole ?? this.pages[Math.floor(offset / PAGE_BYTES)]
      if (page !== undefined) return page.readUInt32LE(this.whole === undefined ? offset % PAGE_BYTES : offset)
    }
    return this.bytes(offset, 4).readUInt32LE(0)
  }

  /** `count` u32 from byte offset 4 * start, as a view of the bytes read (of the whole section, once read: no Buffer made per view). */
  u32s(start: number, count: number): Uint32Array {
    const w = this.whole
    if (w !== undefined && start >= 0 && count >= 0 && 4 * (start + count) <= this.length) return new Uint32Array(w.buffer, w.byteOffset + 4 * start, count)
    const b = this.bytes(4 * start, 4 * count)
    return new Uint32Array(b.buffer, b.byteOffset, count)
  }

  /** Pages [first, last] read in one piece, each checked against its CRC-32 and kept. */
  private read(first: number, last: number): Buffer {
    const start = first * PAGE_BYTES
    const span = this.readRange(start, Math.min((last + 1) * PAGE_BYTES, this.length) - start)
    for (let p = first; p <= last; p++) {
      const page = span.subarray((p - first) * PAGE_BYTES, (p - first + 1) * PAGE_BYTES)
      if (crc32(page) !== this.crcs[p]) {
        throw new IndexCorrupt({ path: this.path, detail: `section ${this.name} is damaged (checksum mismatch in page ${p})` })
      }
      this.pages[p] = page
    }
    return span
  }
}
