import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { parseDrvName, storePathName } from "../../src/domain/profile/drvName.js"
import { parseManifestJson } from "../../src/domain/profile/ManifestJson.js"
import { parseManifestNix } from "../../src/domain/profile/ManifestNix.js"

const h = "/nix/store/7dzihgjz8bgyrmmbd2s2gfhg636yg9dd"

describe("drvName", () => {
  it("splits names the way Nix does", () => {
    expect(parseDrvName("hello-2.12")).toEqual({ name: "hello", version: "2.12" })
    expect(parseDrvName("xorg-server-21.1")).toEqual({ name: "xorg-server", version: "21.1" })
    expect(parseDrvName("user-environment")).toEqual({ name: "user-environment", version: "" })
    expect(parseDrvName("foo-1.0-bin")).toEqual({ name: "foo", version: "1.0-bin" })
    expect(storePathName(`${h}-hello-1.0`)).toBe("hello-1.0")
  })
})

describe("manifest.json", () => {
  it("reads version 2 (Nix 2.8): names from attribute paths or store paths", () => {
    const text = JSON.stringify({
      version: 2,
      elements: [
        { active: true, storePaths: [`${h}-hello-1.0`] },
        { active: true, attrPath: "packages.x86_64-linux.greet", originalUrl: "path:/tmp/p", url: "path:/tmp/p?narHash=x", storePaths: [`${h}-greet-2.0`] }
      ]
    })
    expect(Either.getOrThrow(parseManifestJson(text))).toEqual([
      { name: "hello", version: "1.0", storePaths: [`${h}-hello-1.0`] },
      { name: "greet", version: "2.0", attrPath: "packages.x86_64-linux.greet", source: "path:/tmp/p", storePaths: [`${h}-greet-2.0`] }
    ])
  })

  it("reads version 1 (originalUri)", () => {
    const text = JSON.stringify({ version: 1, elements: [{ active: true, attrPath: "legacyPackages.x86_64-linux.jq", originalUri: "flake:nixpkgs", uri: "github:x", storePaths: [`${h}-jq-1.6-bin`, `${h}-jq-1.6-man`] }] })
    expect(Either.getOrThrow(parseManifestJson(text))).toEqual([
      { name: "jq", version: "1.6-bin, 1.6-man", attrPath: "legacyPackages.x86_64-linux.jq", source: "flake:nixpkgs", storePaths: [`${h}-jq-1.6-bin`, `${h}-jq-1.6-man`] }
    ])
  })

  it("reads version 3 (Nix 2.26): names are the keys", () => {
    const text = JSON.stringify({ version: 3, elements: { "greet-1": { active: true, priority: 5, storePaths: [`${h}-greet-1.0`] } } })
    expect(Either.getOrThrow(parseManifestJson(text))).toEqual([{ name: "greet-1", version: "1.0", storePaths: [`${h}-greet-1.0`] }])
  })

  it("refuses other versions and broken shapes, saying why", () => {
    expect(parseManifestJson(JSON.stringify({ version: 4, elements: {} }))).toEqual(Either.left("manifest version 4 not supported"))
    expect(parseManifestJson(JSON.stringify({ elements: [] }))).toEqual(Either.left("manifest version undefined not supported"))
    expect(Either.isLeft(parseManifestJson("{\"version\": 2, \"elements\": {}}"))).toBe(true)
    expect(Either.isLeft(parseManifestJson("{\"version\": 3, \"elements\": {\"a\": {\"storePaths\": 1}}}"))).toBe(true)
    expect(Either.isLeft(parseManifestJson("{\"version\": 2, \"ele"))).toBe(true)
  })
})

const written = `[ { meta = { description = "test package \\"hello\\" \\\${x}"; priority = 5; license = [ "mit" ]; broken = false; }; name = "hello-1.0"; out = { outPath = "${h}-hello-1.0"; }; outPath = "${h}-hello-1.0"; outputs = [ "out" ]; system = "x86_64-linux"; type = "derivation"; } { name = "jq-1.6"; bin = { outPath = "${h}-jq-1.6-bin"; }; man = { outPath = "${h}-jq-1.6-man"; }; outPath = "${h}-jq-1.6-bin"; outputs = [ "bin" "man" ]; "x-y" = null; n = -1.5e3; } ]`

describe("manifest.nix", () => {
  it("reads what nix-env writes", () => {
    expect(Either.getOrThrow(parseManifestNix(written))).toEqual([
      { name: "hello", version: "1.0", storePaths: [`${h}-hello-1.0`] },
      { name: "jq", version: "1.6", storePaths: [`${h}-jq-1.6-bin`, `${h}-jq-1.6-man`] }
    ])
  })

  it("reads an empty profile", () => {
    expect(parseManifestNix("[ ]")).toEqual(Either.right([]))
  })

  it.each([
    ["a function", `[ { name = "a-1"; outPath = "/x"; meta = { f = x: x; }; } ]`],
    ["a printed lambda", `[ { name = "a-1"; outPath = "/x"; f = <LAMBDA>; } ]`],
    ["a repeated value", `[ { name = "a-1"; outPath = "/x"; m = «repeated»; } ]`],
    ["interpolation", `[ { name = "a-\${b}"; outPath = "/x"; } ]`],
    ["let", `let x = 1; in [ ]`],
    ["rec", `[ rec { name = "a-1"; outPath = "/x"; } ]`],
    ["a path", `[ { name = "a-1"; outPath = ./x; } ]`],
    ["trailing text", `[ ] [ ]`],
    ["an unterminated list", `[ { name = "a-1"; outPath = "/x"; }`],
    ["an attribute set at the top", `{ }`],
    ["an element without a store path", `[ { name = "a-1"; } ]`],
    ["a repeated attribute", `[ { name = "a-1"; name = "b-1"; outPath = "/x"; } ]`]
  ])("refuses %s", (_what, text) => {
    expect(Either.isLeft(parseManifestNix(text))).toBe(true)
  })
})
