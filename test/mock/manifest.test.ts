/** nix profile manifests as Nix 2.8 (v2) and 2.26 (v3) write them, and generation arithmetic. */
import { describe, expect, it } from "vitest"
import { generationsDeletedBy, previousGeneration } from "../../src/domain/profile/generationMath.js"
import { parseManifest } from "../../src/domain/profile/ManifestJson.js"
import { channelFrom, parseInstalled } from "../../src/domain/backends/nixenv/installed.js"

const v2file = { elements: [{ active: true, storePaths: ["/nix/store/aar21088srf9mnk3lh5j9rn9883q1n20-greet-1.0"] }], version: 2 }
const v2flake = {
  elements: [{
    active: true, attrPath: "packages.x86_64-linux.greet", originalUrl: "path:/tmp/x/pkgs",
    storePaths: ["/nix/store/4r3sx56lfws9d3a1nd01dm3kb4rk0cca-greet-1.0"], url: "path:/tmp/x/pkgs?narHash=sha256-x"
  }, { active: true, attrPath: "legacyPackages.x86_64-linux.python3Packages.requests", originalUrl: "flake:nixpkgs", storePaths: ["/nix/store/5r3sx56lfws9d3a1nd01dm3kb4rk0cca-python3.12-requests-2.32.3"] }],
  version: 2
}
const v3 = {
  elements: {
    greet: { active: true, priority: 5, storePaths: ["/nix/store/kwnv81d2rgmzf7sik0pi341gcy7mg56f-greet-1.0"] },
    hello: { active: true, attrPath: "packages.x86_64-linux.hello", originalUrl: "path:/tmp/x", outputs: null, priority: 5, storePaths: ["/nix/store/8wz5szz4hk4c1gs6izf8grb241r1avfg-hello-2.12"], url: "path:/tmp/x?narHash=y" }
  },
  version: 3
}

describe("parseManifest", () => {
  it("v2 from a file install: the name comes from the store path, removed by index", () => {
    expect(parseManifest(v2file)).toEqual({
      version: 2,
      elements: [{ name: "greet", index: 0, pname: "greet", version: "1.0", attrPath: undefined, originalUrl: undefined, storePaths: v2file.elements[0]!.storePaths, active: true }]
    })
  })
  it("v2 from flakes: the name is the last attribute", () => {
    const m = parseManifest(v2flake)
    expect(typeof m === "object" && m.elements.map((e) => [e.name, e.index, e.version, e.originalUrl])).toEqual([
      ["greet", 0, "1.0", "path:/tmp/x/pkgs"], ["requests", 1, "2.32.3", "flake:nixpkgs"]
    ])
  })
  it("v3: names are the keys", () => {
    const m = parseManifest(v3)
    expect(typeof m === "object" && m.elements.map((e) => [e.name, e.version, e.attrPath])).toEqual([
      ["greet", "1.0", undefined], ["hello", "2.12", "packages.x86_64-linux.hello"]
    ])
  })
  it("an unknown version or shape is explained, not guessed", () => {
    expect(parseManifest({ version: 4, elements: {} })).toBe("manifest version 4 not supported")
    expect(parseManifest([])).toBe("the manifest is not a JSON object")
    expect(parseManifest({ version: 2 })).toBe("the manifest has no elements")
  })
})

describe("nix-env query output", () => {
  it("reads nix-env -q --json --out-path (2.8 and 2.26 shapes)", () => {
    expect(parseInstalled({
      "0": { name: "greet-2.0", pname: "greet", version: "2.0", system: "x86_64-linux", outputName: "", outputs: { out: "/nix/store/x75flkykhx2xvmln567140r40j2jmzmm-greet-2.0" } },
      "1": { name: "hello-2.12", outputs: { out: null } }
    })).toEqual([
      { name: "greet", version: "2.0", storePaths: ["/nix/store/x75flkykhx2xvmln567140r40j2jmzmm-greet-2.0"] },
      { name: "hello", version: "2.12", storePaths: [] }
    ])
  })
  it("takes the channel prefix from nix-channel --list", () => {
    expect(channelFrom("nixos https://nixos.org/channels/nixos-24.05\n", false)).toBe("nixos")
    expect(channelFrom("nixpkgs https://nixos.org/channels/nixpkgs-unstable\n", false)).toBe("nixpkgs")
    expect(channelFrom("", true)).toBe("nixos")
    expect(channelFrom("", false)).toBe("nixpkgs")
  })
})

describe("generations", () => {
  const gens = [1, 2, 3, 4, 5].map((number) => ({ number, date: "", current: number === 4 }))
  it("previous generation", () => {
    expect(previousGeneration(gens, 4)).toBe(3)
    expect(previousGeneration(gens, 1)).toBeUndefined()
  })
  it("what --delete-generations deletes, as Nix does (newer than current are kept)", () => {
    expect(generationsDeletedBy(gens, 4, 2)).toEqual([1, 2])
    expect(generationsDeletedBy(gens, 4, 1)).toEqual([1, 2, 3])
    expect(generationsDeletedBy(gens, 4, undefined)).toEqual([1, 2, 3, 5])
    expect(generationsDeletedBy(gens, 4, 10)).toEqual([])
  })
})
