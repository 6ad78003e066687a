import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { FORMAT_VERSION } from "../../src/domain/index/format.js"
import { indexStatus } from "../../src/layers/index/indexStatus.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { writeAtomicSync } from "../../src/layers/index/writeAtomic.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { PackageIndexLive } from "../../src/layers/PackageIndexLive.js"
import { PackageIndex } from "../../src/services/PackageIndex.js"
import { META, SAMPLE } from "./records.js"
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
      sizeBytes: good.length, formatVersion: FORMAT_VERSION
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
