/** The pure half of flake updates: reading flake.lock, the lock diff, input names, argv per Nix version, the words. */
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { FlakeUpdate, intentProblem } from "../../src/domain/Intent.js"
import { parseNixVersion } from "../../src/domain/argv/NixVersion.js"
import { checkInputs } from "../../src/domain/flake/checkInputs.js"
import { flakeUpdateArgv, lockPreviewArgv } from "../../src/domain/flake/flakeArgv.js"
import { lockedInputs, locksOfMetadata, parseFlakeLock } from "../../src/domain/flake/FlakeLock.js"
import { describeLockDiff, diffLocks } from "../../src/domain/flake/lockDiff.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { decideScope } from "../../src/domain/system/decideScope.js"

/** A NixOS flake's lock as Nix writes it: nixpkgs, home-manager with its own nixpkgs following ours, a non-git tarball. */
const lock = (nixpkgsRev: string, nixpkgsDate: number, hmRev = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb") => JSON.stringify({
  nodes: {
    nixpkgs: {
      locked: { lastModified: nixpkgsDate, narHash: `sha256-${nixpkgsRev}`, owner: "NixOS", repo: "nixpkgs", rev: nixpkgsRev, type: "github" },
      original: { owner: "NixOS", ref: "nixos-24.05", repo: "nixpkgs", type: "github" }
    },
    "home-manager": {
      inputs: { nixpkgs: ["nixpkgs"], utils: "utils" },
      locked: { lastModified: 1717000000, narHash: "sha256-hm", owner: "nix-community", repo: "home-manager", rev: hmRev, type: "github" },
      original: { owner: "nix-community", repo: "home-manager", type: "github" }
    },
    utils: { locked: { lastModified: 1700000000, narHash: "sha256-utils", type: "tarball", url: "https://example.org/u.tar.gz" }, original: { type: "tarball", url: "https://example.org/u.tar.gz" } },
    root: { inputs: { nixpkgs: "nixpkgs", "home-manager": "home-manager" } }
  },
  root: "root",
  version: 7
})

const inputsOf = (text: string) => lockedInputs(Either.getOrThrow(parseFlakeLock(text)))

describe("flake.lock", () => {
  it("lists inputs by path from the root, nested ones too, and leaves out inputs that follow another", () => {
    expect(inputsOf(lock("a".repeat(40), 1719792000)).map((i) => [i.path, i.source, i.rev?.slice(0, 4) ?? i.narHash])).toEqual([
      ["nixpkgs", "github:NixOS/nixpkgs/nixos-24.05", "aaaa"],
      ["home-manager", "github:nix-community/home-manager", "bbbb"],
      ["home-manager/utils", "https://example.org/u.tar.gz", "sha256-utils"]
    ])
  })

  it("refuses what is not a lock file, and reads `nix flake metadata --json`'s locks", () => {
    expect(Either.isLeft(parseFlakeLock('{"nodes": 3}'))).toBe(true)
    expect(Either.isLeft(parseFlakeLock("not json"))).toBe(true)
    const meta = JSON.stringify({ description: "x", locks: JSON.parse(lock("c".repeat(40), 1)) })
    expect(Either.map(locksOfMetadata(meta), (l) => l.root)).toEqual(Either.right("root"))
    expect(Either.isLeft(locksOfMetadata("{}"))).toBe(true)
  })
})

describe("the lock diff", () => {
  const before = inputsOf(lock("3d2d8f281a27d466fa54b469b5993f7dde198375", 1688083200))
  const after = inputsOf(lock("a3a3dda3bacf61e8a39258a0ed9c924eeca8e293", 1688515200))

  it("per input: the revision (or content hash) and date before and after", () => {
    const d = diffLocks(before, after)
    expect(d[0]).toEqual({
      input: "nixpkgs", source: "github:NixOS/nixpkgs/nixos-24.05", status: "updated",
      from: { id: "3d2d8f2", rev: "3d2d8f281a27d466fa54b469b5993f7dde198375", date: "2023-06-30" },
      to: { id: "a3a3dda", rev: "a3a3dda3bacf61e8a39258a0ed9c924eeca8e293", date: "2023-07-05" }
    })
    expect(d.slice(1).map((c) => c.status)).toEqual(["unchanged", "unchanged"])
    expect(describeLockDiff(d)).toEqual([
      "flake.lock changes:",
      "  nixpkgs (github:NixOS/nixpkgs/nixos-24.05): 3d2d8f2 (2023-06-30) -> a3a3dda (2023-07-05)",
      "  unchanged: home-manager, home-manager/utils"
    ])
  })

  it("inputs added to flake.nix, inputs removed, a first lock, and nothing to do", () => {
    expect(diffLocks([], after).map((c) => c.status)).toEqual(["added", "added", "added"])
    expect(diffLocks(before, after.slice(0, 1)).map((c) => [c.input, c.status])).toEqual([
      ["nixpkgs", "updated"], ["home-manager", "removed"], ["home-manager/utils", "removed"]
    ])
    expect(describeLockDiff(diffLocks(after, after))[0]).toBe("flake.lock would not change: every input is already at its newest revision.")
    expect(describeLockDiff(diffLocks([], after.slice(0, 1)))[1]).toBe("  nixpkgs (github:NixOS/nixpkgs/nixos-24.05): new, locked to a3a3dda (2023-07-05)")
  })

  it("input names: close ones are suggested", () => {
    expect(checkInputs(["nixpkgs"], ["nixpkgs", "home-manager"])).toEqual({ missing: [], suggestions: [] })
    expect(checkInputs(["nixpgks", "home"], ["nixpkgs", "home-manager"])).toEqual({ missing: ["nixpgks", "home"], suggestions: ["nixpkgs", "home-manager"] })
    expect(checkInputs(["zz"], ["nixpkgs"]).suggestions).toEqual([])
  })
})

describe("argv per Nix version", () => {
  const v28 = { version: parseNixVersion("nix (Nix) 2.8.0")!, experimental: false }
  const v226 = { version: parseNixVersion("nix (Nix) 2.26.3")!, experimental: true }
  const x = ["--extra-experimental-features", "nix-command flakes"]

  it("Nix 2.8: nix flake update DIR for all, nix flake lock --update-input for some; the preview through flake metadata", () => {
    expect(flakeUpdateArgv(v28, "/f", [])).toEqual(["nix", "flake", "update", "/f"])
    expect(flakeUpdateArgv(v28, "/f", ["a", "b"])).toEqual(["nix", "flake", "lock", "--update-input", "a", "--update-input", "b", "/f"])
    expect(lockPreviewArgv(v28, "/f", [], "/tmp/l")).toEqual({ _tag: "metadata", argv: ["nix", "flake", "metadata", "--json", "--no-write-lock-file", "--recreate-lock-file", "/f"] })
    expect(lockPreviewArgv(v28, "/f", ["a"], "/tmp/l").argv).toEqual(["nix", "flake", "metadata", "--json", "--no-write-lock-file", "--update-input", "a", "/f"])
  })

  it("Nix 2.19+: nix flake update [INPUT...] --flake DIR; the preview writes --output-lock-file", () => {
    expect(flakeUpdateArgv(v226, "/f", ["a"])).toEqual(["nix", ...x, "flake", "update", "a", "--flake", "/f"])
    expect(lockPreviewArgv(v226, "/f", [], "/tmp/l")).toEqual({ _tag: "file", file: "/tmp/l", argv: ["nix", ...x, "flake", "update", "--flake", "/f", "--output-lock-file", "/tmp/l"] })
  })
})

describe("the words", () => {
  const rows: ReadonlyArray<readonly [string, ReadonlyArray<string>, "user" | "system" | "home"]> = [
    ["update nixpkgs in my flake", ["nixpkgs"], "user"],
    ["update my flake inputs", [], "user"],
    ["update my flake", [], "user"],
    ["update flake.lock", [], "user"],
    ["nix flake update", [], "user"],
    ["nix flake update nixpkgs", ["nixpkgs"], "user"],
    ["nix flake lock --update-input nixpkgs", ["nixpkgs"], "user"],
    ["update the nixpkgs input", ["nixpkgs"], "user"],
    ["bump nixpkgs and home-manager in my flake", ["nixpkgs", "home-manager"], "user"],
    ["update everything in my flake", [], "user"],
    ["update my system flake", [], "system"],
    ["update nixpkgs in my home-manager flake", ["nixpkgs"], "home"],
    ["update NUR in my flake", ["NUR"], "user"]
  ]
  it.each(rows)("%s", (text, inputs, scope) => {
    const u = parseRequest(text)
    expect(u.intent).toEqual(new FlakeUpdate({ inputs }))
    expect(decideScope(u, { scope: undefined }).scope).toBe(scope)
  })

  it("not flake updates: packages called like inputs, questions about flakes", () => {
    expect(parseRequest("update firefox").intent._tag).toBe("update")
    expect(parseRequest("update nixpkgs").intent._tag).toBe("update")
    expect(parseRequest("what is a flake").intent._tag).toBe("explain")
  })

  it("an input name that is not one is refused before anything runs", () => {
    expect(intentProblem(new FlakeUpdate({ inputs: ["--impure"] }))).toContain('"--impure" is not a flake input name')
    expect(intentProblem(new FlakeUpdate({ inputs: ["home-manager/nixpkgs"] }))).toBeUndefined()
  })
})
