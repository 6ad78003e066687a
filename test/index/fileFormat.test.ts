import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { FORMAT_VERSION, PAGE_BYTES } from "../../src/domain/index/format.js"
import { IndexFile, PagedSection } from "../../src/domain/index/IndexFile.js"
import { IndexReader } from "../../src/domain/index/IndexReader.js"
import { crc32 } from "node:zlib"
import { indexStatus } from "../../src/layers/index/indexStatus.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { writeAtomicSync } from "../../src/layers/index/writeAtomic.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { PackageIndexLive } from "../../src/layers/PackageIndexLive.js"
import { PackageIndex } from "../../src/services/PackageIndex.js"
import { META, rec, SAMPLE } from "./records.js"
import { openIndexReader } from "../../src/layers/index/openIndex.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-index-format-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const good = serializeIndex(SAMPLE, META)
const put = (name: string, bytes: Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, bytes)
  return p
}
const tagOf = (f: () => unknown): string => {
  try {
    f()
    return "ok"
  } catch (e) {
    return (e as { _tag?: string })._tag ?? `untagged: ${String(e)}`
  }
}
/** Opens and uses every section, as searches and lookups would. */
const useAll = (path: string) => () => {
  const r = openIndexReader(path)
  try {
    r.search("firefox", 5)
    r.search("pdf viewer", 5)
    r.search("python3Packages.req", 5)
    r.lookup("spotify")
    r.details(0)
    r.suggest("fierfox", 3)
  } finally {
    r.close()
  }
}

describe("index file", () => {
  it("round-trips: status from the header, results from the sections", () => {
    const p = put("good", good)
    const r = openIndexReader(p)
    expect(r.status()).toEqual({
      path: p, source: "test", revision: null, packages: SAMPLE.length, builtAt: META.builtAt,
      sizeBytes: good.length, formatVersion: FORMAT_VERSION, programs: null
    })
    expect(r.search("firefox", 1).hits[0]!.attrPath).toBe("firefox")
    r.close()
  })

  it("is deterministic for the same input", () => {
    expect(Buffer.compare(serializeIndex(SAMPLE, META), serializeIndex([...SAMPLE].reverse(), META))).toBe(0)
  })

  it("reports a missing file as IndexMissing", () => {
    expect(tagOf(() => openIndexReader(join(dir, "nope")))).toBe("IndexMissing")
    expect(tagOf(() => openIndexReader(join(dir, "no-dir", "index")))).toBe("IndexMissing")
  })

  it("reports other formats, versions and damage as IndexCorrupt, never a crash", () => {
    const other = Buffer.from(good)
    other.writeUInt32LE(FORMAT_VERSION + 1, 8)
    expect(tagOf(useAll(put("v-next", other)))).toBe("IndexCorrupt")
    expect(tagOf(useAll(put("empty", new Uint8Array())))).toBe("IndexCorrupt")
    expect(tagOf(useAll(put("text", Buffer.from("not an index at all, just some text...."))))).toBe("IndexCorrupt")
    expect(tagOf(useAll(put("truncated", good.subarray(0, Math.floor(good.length / 2)))))).toBe("IndexCorrupt")
    expect(tagOf(useAll(put("header-only", good.subarray(0, 200))))).toBe("IndexCorrupt")
    expect(tagOf(() => openIndexReader(dir))).toBe("IndexCorrupt") // a folder
  })

  it("detects a flipped byte anywhere (sampled) as IndexCorrupt", () => {
    const step = Math.max(1, Math.floor(good.length / 97))
    for (let at = 0; at < good.length; at += step) {
      const bad = Buffer.from(good)
      bad[at] = bad[at]! ^ 0x41
      const tag = tagOf(useAll(put("flipped", bad)))
      // Bytes in alignment padding or header slack change nothing; everything else must be caught.
      expect(["IndexCorrupt", "ok"], `byte ${at}`).toContain(tag)
    }
    const bad = Buffer.from(good)
    bad[good.length - 3] = bad[good.length - 3]! ^ 0xff // inside the last section
    expect(tagOf(useAll(put("flipped-end", bad)))).toBe("IndexCorrupt")
    const badHeader = Buffer.from(good)
    badHeader[30] = badHeader[30]! ^ 0x01
    expect(tagOf(useAll(put("flipped-header", badHeader)))).toBe("IndexCorrupt")
  })

  it("checks the header's section table: whole non-negative offsets, lengths and CRCs", () => {
    type Table = Record<string, { offset: number; length: number; crc: number }>
    /** `good` with its header's section table replaced by `edit`'s (same header length, its CRC rewritten). */
    const withHeader = (edit: (sections: Table) => unknown) => {
      const bytes = Buffer.from(good)
      const len = bytes.readUInt32LE(12)
      const header = JSON.parse(bytes.toString("utf8", 20, 20 + len))
      header.sections = edit(header.sections)
      const json = Buffer.alloc(len, 0x20)
      json.write(JSON.stringify(header), 0, "utf8")
      json.copy(bytes, 20)
      bytes.writeUInt32LE(crc32(json), 16)
      return bytes
    }
    expect(tagOf(useAll(put("same-header", withHeader((t) => t))))).toBe("ok")
    const edits: Array<(t: Table) => unknown> = [
      (t) => ({ ...t, flags: { ...t["flags"], offset: String(t["flags"]!.offset) } }),
      (t) => ({ ...t, flags: { ...t["flags"], length: -1 } }),
      (t) => ({ ...t, flags: { ...t["flags"], crc: 1.5 } }),
      (t) => ({ ...t, flags: { offset: t["flags"]!.offset, length: t["flags"]!.length } }),
      (t) => ({ ...t, flags: null }),
      () => []
    ]
    for (const edit of edits) {
      try {
        openIndexReader(put("bad-table", withHeader(edit)))
        throw new Error(`opened with ${String(edit)}`)
      } catch (e) {
        expect((e as { detail?: string }).detail, String(edit)).toBe("its header is incomplete")
      }
    }
  })

  it("gives a clear message on a version mismatch", () => {
    const other = Buffer.from(good)
    other.writeUInt32LE(FORMAT_VERSION + 7, 8)
    try {
      openIndexReader(put("v7", other))
      throw new Error("opened")
    } catch (e) {
      expect((e as { detail: string }).detail).toContain(`format ${FORMAT_VERSION + 7}`)
    }
  })

  it("replaces atomically, leaving no temp files", () => {
    const p = join(dir, "atomic", "index")
    writeAtomicSync(p, good)
    writeAtomicSync(p, good)
    expect(readFileSync(p).length).toBe(good.length)
    expect(readFileSync(p).subarray(0, 8).toString()).toBe("ASKNIXIX")
  })
})

describe("paged sections (postings and their offsets)", () => {
  // Enough packages for postings of many pages.
  const many = [...SAMPLE, ...Array.from({ length: 6000 }, (_, i) => rec(`pkg${i}${["tool", "viewer", "editor", "lib"][i % 4]}`, {
    description: `A ${["pdf", "text", "image", "audio"][i % 4]} ${["viewer", "editor", "tool", "library"][i % 3]} number ${i}`
  }))]
  const big = serializeIndex(many, META)
  const PAGED = ["keys.postOff", "keys.post", "words.postOff", "words.postz"]
  /** A reader over `bytes` that records every byte range it reads. */
  const counting = (bytes: Uint8Array) => {
    const reads: Array<readonly [number, number]> = []
    const file = IndexFile.fromReadAt("/test/index", bytes.length, (offset, length) => {
      if (offset + length > bytes.length) throw new Error("past the end")
      reads.push([offset, length])
      return Buffer.from(bytes.subarray(offset, offset + length))
    }, () => {})
    /** Bytes read inside the named sections. */
    const readIn = (names: ReadonlyArray<string>) => names.reduce((sum, name) => {
      const s = file.header.sections[name]!
      return sum + reads.reduce((n, [o, l]) => n + Math.max(0, Math.min(o + l, s.offset + s.length) - Math.max(o, s.offset)), 0)
    }, 0)
    return { reader: IndexReader.fromFile(file), file, readIn }
  }

  it("a search reads the pages of the postings it needs, not whole sections", () => {
    const { reader, file, readIn } = counting(big)
    const whole = PAGED.reduce((n, name) => n + file.header.sections[name]!.length, 0)
    for (const name of PAGED) expect(file.header.sections[name]!.length, name).toBeGreaterThan(4 * PAGE_BYTES)
    expect(reader.search("firefox", 5).hits[0]!.attrPath).toBe("firefox")
    // A name and a word of few packages: a page or two of each section (a range may cross a page end).
    expect(readIn(PAGED)).toBeLessThanOrEqual(PAGED.length * 2 * PAGE_BYTES)
    expect(readIn(PAGED)).toBeLessThan(whole / 4)
    // The same answers as from the whole file read at once.
    const plain = IndexReader.fromBuffer(big)
    expect(reader.search("pdf viewer", 20)).toEqual(plain.search("pdf viewer", 20))
    expect(reader.suggest("pkg12viewr", 3)).toEqual(plain.suggest("pkg12viewr", 3))
  })

  it("a damaged page that a search reads is IndexCorrupt, and index status finds it", () => {
    const bad = Buffer.from(big)
    const post = counting(big).file.header.sections["keys.post"]!
    for (let at = post.offset + 1; at < post.offset + post.length; at += PAGE_BYTES) bad[at] = bad[at]! ^ 0x10
    const { reader, file } = counting(bad)
    let error: unknown
    try { reader.search("firefox", 5) } catch (e) { error = e }
    expect((error as { _tag?: string })._tag).toBe("IndexCorrupt")
    expect((error as { detail: string }).detail).toMatch(/section keys\.post is damaged \(checksum mismatch in page \d+\)/)
    expect(tagOf(() => file.verify())).toBe("IndexCorrupt")
  })

  it("checks each page it reads, across pages too, and reads the whole section after many reads", () => {
    const data = Buffer.from(Array.from({ length: 40 * PAGE_BYTES + 100 }, (_, i) => (i * 7) & 0xff))
    const crcs = Uint32Array.from({ length: 41 }, (_, p) => crc32(data.subarray(p * PAGE_BYTES, (p + 1) * PAGE_BYTES)))
    const reads: Array<number> = []
    const section = (bytes: Buffer) => new PagedSection("s", bytes.length, crcs, (o, l) => { reads.push(l); return Buffer.from(bytes.subarray(o, o + l)) }, "/test/index")
    const s = section(data)
    expect(s.bytes(PAGE_BYTES - 3, 10)).toEqual(data.subarray(PAGE_BYTES - 3, PAGE_BYTES + 7))
    expect(s.bytes(40 * PAGE_BYTES, 100)).toEqual(data.subarray(40 * PAGE_BYTES))
    expect(s.u32(5)).toBe(data.readUInt32LE(20))
    expect(reads).toEqual([2 * PAGE_BYTES, 100])
    for (let p = 2; p < 40; p++) expect(s.bytes(p * PAGE_BYTES + 1, 2)).toEqual(data.subarray(p * PAGE_BYTES + 1, p * PAGE_BYTES + 3))
    expect(reads.includes(data.length)).toBe(true)
    expect(tagOf(() => s.bytes(data.length - 2, 4))).toBe("IndexCorrupt")
    const damaged = Buffer.from(data)
    damaged[3 * PAGE_BYTES + 9] ^= 1
    const d = section(damaged)
    expect(d.bytes(0, 4)).toEqual(data.subarray(0, 4))
    expect(tagOf(() => d.bytes(3 * PAGE_BYTES, 4))).toBe("IndexCorrupt")
    expect(tagOf(() => d.bytes(2 * PAGE_BYTES, 2 * PAGE_BYTES))).toBe("IndexCorrupt")
  })
})

describe("indexStatus and PackageIndexLive", () => {
  it.effect("indexStatus reads the header, and fails IndexMissing without a file", () => Effect.gen(function*() {
    const p = put("status", good)
    expect((yield* indexStatus(p)).packages).toBe(SAMPLE.length)
    const missing = yield* Effect.either(indexStatus(join(dir, "absent")))
    expect(Either.isLeft(missing) && missing.left._tag).toBe("IndexMissing")
  }))

  it.effect("the layer opens the index from settings on first use", () => Effect.gen(function*() {
    const p = put("layer", good)
    const hits = yield* Effect.gen(function*() {
      const index = yield* PackageIndex
      return yield* index.search("tmux", 1)
    }).pipe(Effect.provide(PackageIndexLive.pipe(Layer.provide(SettingsTest({ index: p })))))
    expect(hits[0]!.attrPath).toBe("tmux")
  }))

  it.effect("the layer fails IndexMissing / IndexCorrupt as typed errors", () => Effect.gen(function*() {
    const search = Effect.gen(function*() {
      const index = yield* PackageIndex
      return yield* index.search("tmux", 1)
    })
    const missing = yield* Effect.either(search.pipe(Effect.provide(PackageIndexLive.pipe(Layer.provide(SettingsTest({ index: join(dir, "absent") }))))))
    expect(Either.isLeft(missing) && missing.left._tag).toBe("IndexMissing")
    const corrupt = yield* Effect.either(search.pipe(Effect.provide(PackageIndexLive.pipe(Layer.provide(SettingsTest({ index: put("junk", Buffer.from("junk")) }))))))
    expect(Either.isLeft(corrupt) && corrupt.left._tag).toBe("IndexCorrupt")
  }))
})
