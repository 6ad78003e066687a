// Where a locked flake input is on this machine, read from flake.lock alone (nothing fetched).
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { parseFlakeLock } from "../../src/domain/flake/FlakeLock.js"
import { inputLocation, sourceStorePath } from "../../src/domain/flake/inputPath.js"

const lock = (nodes: Record<string, unknown>) => {
  const r = parseFlakeLock(JSON.stringify({ nodes, root: "root", version: 7 }))
  if (Either.isLeft(r)) throw new Error(r.left)
  return r.right
}

const narHash = "sha256-EFwW7oi3xGF7FDp4LafseEVItz1E4anRbMhN7yobaCA="

describe("inputLocation", () => {
  it("a path: input is its folder (a relative one from the flake's folder)", () => {
    const l = lock({
      root: { inputs: { nixpkgs: "nixpkgs", hm: "hm" } },
      nixpkgs: { locked: { type: "path", path: "/src/nixpkgs", narHash }, original: { type: "path", path: "/src/nixpkgs" } },
      hm: { locked: { type: "path", path: "./vendor/hm" }, original: { type: "path", path: "./vendor/hm" } }
    })
    expect(inputLocation(l, "nixpkgs", "/etc/nixos")).toEqual({ _tag: "found", name: "nixpkgs", path: "/src/nixpkgs", source: "path:/src/nixpkgs" })
    expect(inputLocation(l, "hm", "/etc/nixos")).toMatchObject({ _tag: "found", path: "/etc/nixos/vendor/hm" })
  })

  it("a github input is the store path of its narHash; one that follows another is that one", () => {
    const l = lock({
      root: { inputs: { nixpkgs: "nixpkgs_2", "home-manager": "home-manager", pkgs: ["home-manager", "nixpkgs"] } },
      nixpkgs_2: { locked: { type: "github", owner: "NixOS", repo: "nixpkgs", rev: "abcdef0123456789", narHash }, original: { type: "github", owner: "NixOS", repo: "nixpkgs", ref: "nixos-24.05" } },
      "home-manager": { inputs: { nixpkgs: ["nixpkgs"] }, locked: { type: "github", narHash }, original: { type: "github", owner: "nix-community", repo: "home-manager" } }
    })
    expect(inputLocation(l, "nixpkgs", "/etc/nixos")).toEqual({
      _tag: "found", name: "nixpkgs", path: sourceStorePath(narHash), source: "github:NixOS/nixpkgs/nixos-24.05 (abcdef012345)"
    })
    expect(inputLocation(l, "pkgs", "/etc/nixos")).toMatchObject({ _tag: "found", path: sourceStorePath(narHash) })
    expect(inputLocation(l, "nixos", "/etc/nixos")).toEqual({ _tag: "missing", name: "nixos", reason: "flake.lock has no input called nixos" })
  })
})
