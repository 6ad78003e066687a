/** The store snapshot file: what is written is read back exactly; anything else is ignored, never misread. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { deadInTable, mergeTable, tableFromInfos, type InfoTable } from "../../src/domain/daemon/Closure.js"
import { decodeSnapshot, encodeSnapshot, type StoreSnapshot } from "../../src/domain/daemon/PathInfoCache.js"
import { loadSnapshot, saveSnapshot } from "../../src/layers/daemon/PathInfoCacheFile.js"
import type { PathInfo } from "../../src/domain/daemon/Protocol.js"

/** A table back to path infos, to compare tables by what they say. */
const infosFromTable = (t: InfoTable): Map<string, PathInfo> => {
  const out = new Map<string, PathInfo>()
  for (let i = 0; i < t.count; i++) {
    const references: Array<string> = []
    for (let k = t.refStart[i]!; k < t.refStart[i + 1]!; k++) references.push(t.paths[t.refs[k]!]!)
    const d = t.deriver[i]!
    out.set(t.paths[i]!, { path: t.paths[i]!, narSize: t.narSize[i]!, deriver: d < 0 ? undefined : t.paths[d], references, narHash: "", registrationTime: 0 })
  }
  return out
}

const info = (path: string, narSize: number, references: Array<string>, deriver?: string): PathInfo =>
  ({ path, narSize, references, deriver, narHash: "", registrationTime: 0 })

const infos = new Map<string, PathInfo>([
  ["/s/env", info("/s/env", 10, ["/s/app", "/s/env"])],
  ["/s/app", info("/s/app", 2 ** 40 + 3, ["/s/lib"], "/s/app.drv")],
  ["/s/lib", info("/s/lib", 7, [], "/s/gone.drv")], // a deriver that is not valid itself
  ["/s/app.drv", info("/s/app.drv", 1, [])],
  ["/s/ünïcode", info("/s/ünïcode", 5, [])]
])
const snapshot: StoreSnapshot = {
  dbKey: "db-1", storeKey: "store-1", strays: [{ path: "/s/x.lock", size: 0 }], table: tableFromInfos(infos)
}

describe("store snapshot file", () => {
  it("reads back the same paths, sizes, references, derivers and strays", () => {
    const back = decodeSnapshot(encodeSnapshot(snapshot))!
    expect(back.dbKey).toBe("db-1")
    expect(back.storeKey).toBe("store-1")
    expect(back.strays).toEqual([{ path: "/s/x.lock", size: 0 }])
    const sorted = (m: Map<string, PathInfo>) => [...m.values()].map((i) => ({ ...i, references: [...i.references].sort() })).sort((a, b) => a.path.localeCompare(b.path))
    expect(sorted(infosFromTable(back.table))).toEqual(sorted(infos))
    expect(deadInTable(back.table, ["/s/env"])).toEqual(deadInTable(snapshot.table, ["/s/env"]))
    expect(deadInTable(back.table, ["/s/env"]).dead).toEqual(["/s/ünïcode"])
  })

  it("merging a snapshot with the infos of new paths gives the table of the store as it is now", () => {
    // Since the snapshot: /s/app.drv was deleted, /s/new appeared (referring to an old path and itself).
    const now = new Map(infos)
    now.delete("/s/app.drv")
    now.set("/s/new", info("/s/new", 3, ["/s/lib", "/s/new"], "/s/app.drv"))
    const merged = mergeTable(snapshot.table, [...now.keys()], new Map([["/s/new", now.get("/s/new")!]]))
    const direct = tableFromInfos(now)
    expect(merged.paths.slice(0, merged.count)).toEqual(direct.paths.slice(0, direct.count))
    expect(infosFromTable(merged)).toEqual(infosFromTable(direct))
    expect(deadInTable(merged, ["/s/new"]).dead).toEqual(["/s/app", "/s/env", "/s/ünïcode"])
    expect(() => mergeTable(snapshot.table, ["/s/unknown"], new Map())).toThrow(/no path info/)
  })

  it("an empty store round-trips", () => {
    const empty = { ...snapshot, strays: [], table: tableFromInfos(new Map()) }
    expect(decodeSnapshot(encodeSnapshot(empty))?.table.count).toBe(0)
  })

  it("a truncated, foreign or corrupted file is ignored", () => {
    const bytes = encodeSnapshot(snapshot)
    for (let n = 0; n < bytes.length; n += 7) expect(decodeSnapshot(bytes.subarray(0, n))).toBeUndefined()
    expect(decodeSnapshot(Buffer.from("{\"version\":2,\"paths\":[]}"))).toBeUndefined()
    const corrupt = Buffer.from(bytes)
    corrupt.writeInt32LE(9999, corrupt.length - 4) // a reference past the path list
    expect(decodeSnapshot(corrupt)).toBeUndefined()
  })

  it("save then load through a file, atomically replacing the old one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-snapshot-"))
    const file = join(dir, "sub", "store-snapshot")
    await Effect.runPromise(saveSnapshot(file, snapshot))
    await Effect.runPromise(saveSnapshot(file, { ...snapshot, dbKey: "db-2" }))
    expect((await Effect.runPromise(loadSnapshot(file)))?.dbKey).toBe("db-2")
    writeFileSync(file, readFileSync(file).subarray(0, 40))
    expect(await Effect.runPromise(loadSnapshot(file))).toBeUndefined()
    expect(await Effect.runPromise(loadSnapshot(join(dir, "missing")))).toBeUndefined()
  })
})
