import { describe, expect, it } from "vitest"
import { deadPaths, formatBytes, reachable } from "../../src/domain/daemon/Closure.js"
import type { PathInfo } from "../../src/domain/daemon/Protocol.js"
import { diffGenerations } from "../../src/domain/profile/GenerationDiff.js"
import { generationOf } from "../../src/domain/profile/GenerationLink.js"
import { generationsToDelete } from "../../src/domain/profile/generationsToDelete.js"

const pkg = (name: string, version: string) => ({ name, version, storePaths: [`/nix/store/x-${name}-${version}`] })

describe("diffGenerations", () => {
  it("reports added, removed and changed versions by name", () => {
    expect(diffGenerations(1, [pkg("greet", "1.0"), pkg("hello", "2.12")], 2, [pkg("greet", "2.0"), pkg("jq", "1.6")])).toEqual({
      from: 1,
      to: 2,
      added: [{ name: "jq", version: "1.6" }],
      removed: [{ name: "hello", version: "2.12" }],
      changed: [{ name: "greet", from: "1.0", to: "2.0" }]
    })
  })
  it("reports nothing for identical generations", () => {
    expect(diffGenerations(3, [pkg("a", "1")], 4, [pkg("a", "1")])).toEqual({ from: 3, to: 4, added: [], removed: [], changed: [] })
  })
})

describe("generationsToDelete", () => {
  it("old: every generation but the current one", () => {
    expect(generationsToDelete([1, 2, 3, 4], 3, undefined)).toEqual([1, 2, 4])
  })
  it("+N: the current one and N-1 older stay, newer ones stay too (as nix-env does)", () => {
    expect(generationsToDelete([1, 2, 3, 4, 5], 4, 2)).toEqual([1, 2])
    expect(generationsToDelete([1, 2, 3], 3, 1)).toEqual([1, 2])
    expect(generationsToDelete([1, 2, 3], 3, 5)).toEqual([])
  })
})

describe("generationOf", () => {
  it("accepts only <name>-N-link beside the profile", () => {
    expect(generationOf("/p/profile", "profile-12-link")).toBe(12)
    expect(generationOf("/p/profile", "/p/profile-3-link")).toBe(3)
    expect(generationOf("/p/profile", "/elsewhere/profile-3-link")).toBeUndefined()
    expect(generationOf("/p/profile", "other-3-link")).toBeUndefined()
    expect(generationOf("/p/profile", "/nix/store/abc-profile")).toBeUndefined()
  })
})

const info = (path: string, narSize: number, references: Array<string>, deriver?: string): PathInfo =>
  ({ path, narSize, references, deriver, narHash: "", registrationTime: 0 })

describe("dead paths", () => {
  const infos = new Map<string, PathInfo>([
    ["/s/env", info("/s/env", 10, ["/s/app", "/s/env"])],
    ["/s/app", info("/s/app", 100, ["/s/lib"], "/s/app.drv")],
    ["/s/lib", info("/s/lib", 1000, [])],
    ["/s/app.drv", info("/s/app.drv", 1, ["/s/src"])],
    ["/s/src", info("/s/src", 2, [])],
    ["/s/old", info("/s/old", 5000, ["/s/lib"], "/s/old.drv")],
    ["/s/old.drv", info("/s/old.drv", 3, [])]
  ])
  it("walks references, and derivers when keep-derivations is on", () => {
    expect([...reachable(infos, ["/s/env"])].sort()).toEqual(["/s/app", "/s/env", "/s/lib"])
    expect(deadPaths(infos, ["/s/env"])).toEqual({ dead: ["/s/old", "/s/old.drv"], bytes: 5003 })
  })
  it("keep-outputs keeps a live derivation's outputs", () => {
    expect(deadPaths(infos, ["/s/old.drv"], { keepDerivations: false, keepOutputs: true }).dead)
      .toEqual(["/s/app", "/s/app.drv", "/s/env", "/s/src"])
  })
  it("ignores roots that are not valid paths", () => {
    expect(deadPaths(infos, ["/s/gone"]).dead.length).toBe(7)
  })
  it("formats sizes", () => {
    expect(formatBytes(512)).toBe("512 bytes")
    expect(formatBytes(1536)).toBe("1.5 KiB")
    expect(formatBytes(1.2 * 1024 ** 3)).toBe("1.2 GiB")
    expect(formatBytes(300 * 1024 ** 2)).toBe("300 MiB")
  })
})
