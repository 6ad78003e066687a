/**
 * scripts/snapshotCodeCache.mjs: the startup snapshot keeps Node's code cache only for the built-ins a
 * call may load after deserialisation; a blob of another layout is left whole.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { codeCacheIds, keptCodeCache, trimCodeCache } from "../../scripts/snapshotCodeCache.mjs"
import { ensureBuilt, repoRoot } from "../support/shippedBinary.js"

const u64 = (n: number) => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64LE(BigInt(n))
  return b
}
const text = (s: string) => Buffer.concat([u64(s.length), Buffer.from(s, "latin1")])

/** A blob laid out as Node 20 writes one: magic, metadata, V8's data, Node's data, the code cache. */
const blob = (cache: ReadonlyArray<readonly [string, string]>, nodeData = "node's own data") => {
  const magic = Buffer.alloc(4)
  magic.writeUInt32LE(0x0143da19)
  const tagAndFlags = Buffer.alloc(8)
  const v8 = Buffer.from("v8 startup data ".repeat(8), "latin1")
  const v8Size = Buffer.alloc(4)
  v8Size.writeInt32LE(v8.length)
  return Buffer.concat([
    magic, Buffer.from([1]), text("20.20.2"), text("x64"), text("linux"), tagAndFlags, v8Size, v8,
    Buffer.from(nodeData, "latin1"),
    u64(cache.length), ...cache.flatMap(([id, data]) => [text(id), text(data)])
  ])
}

describe("trimCodeCache", () => {
  it("keeps the entries asked for and everything before the cache byte for byte", () => {
    const before = blob([["zlib", "zz"], ["http2", "a much longer cache"], ["internal/crypto/hash", "hh"]])
    const trimmed = trimCodeCache(before, (id: string) => id !== "http2")
    expect(trimmed.dropped).toBe(1)
    expect(trimmed.kept).toEqual(["zlib", "internal/crypto/hash"])
    expect(trimmed.blob.equals(blob([["zlib", "zz"], ["internal/crypto/hash", "hh"]]))).toBe(true)
    expect(codeCacheIds(trimmed.blob)).toEqual(["zlib", "internal/crypto/hash"])
  })

  it("leaves a blob of another layout alone", () => {
    expect(trimCodeCache(Buffer.from("not a snapshot at all, but long enough to be read as one"))).toBeUndefined()
    const truncated = blob([["zlib", "zz"]])
    expect(trimCodeCache(truncated.subarray(0, truncated.length - 1))).toBeUndefined()
    const otherMagic = Buffer.from(blob([["zlib", "zz"]]))
    otherMagic.writeUInt32LE(0x12345678)
    expect(trimCodeCache(otherMagic)).toBeUndefined()
  })

  it("keeps what a call compiles after deserialisation (tty for stdio, child_process for Nix, readline, crypto)", () => {
    for (const id of ["tty", "internal/tty", "internal/fs/sync_write_stream", "internal/util/colors", "child_process", "internal/child_process",
      "readline", "internal/readline/interface", "crypto", "internal/crypto/hash", "zlib"]) expect(keptCodeCache(id), id).toBe(true)
    for (const id of ["http2", "internal/http2/core", "inspector", "internal/deps/acorn/acorn/dist/acorn", "fs", "internal/errors"]) expect(keptCodeCache(id), id).toBe(false)
  })
})

describe("the snapshot npm run build made", () => {
  beforeAll(ensureBuilt)
  it("holds the code cache of the kept built-ins only", () => {
    const ids: ReadonlyArray<string> | undefined = codeCacheIds(readFileSync(join(repoRoot, "dist/ask-nix.blob")))
    expect(ids).toBeDefined()
    expect(ids).toContain("child_process")
    expect(ids).toContain("tty")
    expect(ids?.filter((id) => !keptCodeCache(id))).toEqual([])
  })
})
