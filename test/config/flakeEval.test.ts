// A configuration found through a flake is evaluated with the flake's own nixpkgs input (from its
// flake.lock), not NIX_PATH's: on each Nix, with NIX_PATH's <nixpkgs> pointing at a folder that is not
// nixpkgs at all, the flake's module still evaluates (the edit is proven, the whole system instantiates),
// and without the input it does not. An input that is not on this machine is refused, saying what to
// run. The locked store path of a fetched input is computed from its narHash as Nix computes it.
import { NodeContext } from "@effect/platform-node"
import * as FileSystem from "@effect/platform/FileSystem"
import { it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect } from "vitest"
import { nixBool } from "../../src/domain/nixfile/nixValue.js"
import { sourceStorePath } from "../../src/domain/flake/inputPath.js"
import { proveConfigChange } from "../../src/layers/backends/config/configChange.js"
import { findTarget } from "../../src/layers/backends/config/configHandlers.js"
import { ConfigStoreLive } from "../../src/layers/ConfigStoreLive.js"
import { defaultTestSettings, SettingsTest } from "../../src/layers/SettingsTest.js"
import { copyFixture } from "../support/configFixtures.js"
import { configEvaluatorFor } from "../support/configEvalLayer.js"
import { describeNix } from "../support/describeNix.js"
import { nixosTrees } from "../support/nixosTrees.js"
import { set } from "../nixfile/editCases.js"

const store = ConfigStoreLive.pipe(Layer.provide(Layer.merge(NodeContext.layer, SettingsTest({ stateDir: mkdtempSync(join(tmpdir(), "ask-nix-flake-eval-")) }))))

/** A flake folder (the 19.09 template as its module) whose nixpkgs input is locked to `locked`. */
const flakeDir = (locked: Record<string, unknown>, original: Record<string, unknown>): string => {
  const dir = join(copyFixture("nixos/template"), "..")
  writeFileSync(join(dir, "flake.nix"), `{
  inputs.nixpkgs.url = "${original["type"] === "path" ? `path:${String(original["path"])}` : "github:NixOS/nixpkgs/nixos-19.09"}";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.laptop = nixpkgs.lib.nixosSystem { system = "x86_64-linux"; modules = [ ./configuration.nix ]; };
  };
}
`)
  writeFileSync(join(dir, "flake.lock"), JSON.stringify({
    nodes: { nixpkgs: { locked, original }, root: { inputs: { nixpkgs: "nixpkgs" } } },
    root: "root",
    version: 7
  }, null, 2))
  return dir
}

const found = (dir: string) =>
  Effect.flatMap(FileSystem.FileSystem, (files) =>
    findTarget(files, { ...defaultTestSettings, config: join(dir, "flake.nix") }, "laptop", "nixos")).pipe(Effect.provide(NodeContext.layer))

describe("a fetched input's store path", () => {
  it("follows from its narHash as Nix's makeFixedOutputPath (known pair from nix store add-path --name source)", () => {
    expect(sourceStorePath("sha256-EFwW7oi3xGF7FDp4LafseEVItz1E4anRbMhN7yobaCA=")).toBe("/nix/store/rz3zmvm3adg0ii61xv1m8b8hc5rb1zmk-source")
    expect(sourceStorePath("sha1-abc")).toBeUndefined()
  })
})

describeNix("a flake's configuration evaluated with the flake's nixpkgs", (nix) => {
  // NIX_PATH's <nixpkgs> is an empty folder: only the flake's input can make the module evaluate
  const notNixpkgs = mkdtempSync(join(tmpdir(), "ask-nix-not-nixpkgs-"))
  const layer = Layer.merge(store, configEvaluatorFor(nix, undefined, { NIX_PATH: `nixpkgs=${notNixpkgs}` }))

  it.live("the store path computed for a narHash is the one Nix adds the tree at", () =>
    Effect.sync(() => {
      const tree = mkdtempSync(join(tmpdir(), "ask-nix-tree-"))
      writeFileSync(join(tree, "default.nix"), `"${tree}"\n`)
      const env = { ...process.env, ...nix.env }
      const added = execFileSync(join(nix.binDir, "nix"), ["store", "add-path", "--name", "source", tree], { env, encoding: "utf8" }).trim()
      const narHash = execFileSync(join(nix.binDir, "nix"), ["hash", "path", tree], { env, encoding: "utf8" }).trim()
      expect(sourceStorePath(narHash)).toBe(added)
    }))

  it.live("--config flake.nix: the module, with <nixpkgs> = the flake's path: input; the edit is proven and the system evaluates", () =>
    Effect.gen(function*() {
      const trees = nixosTrees()
      const dir = flakeDir({ type: "path", path: trees.nixpkgs, lastModified: 1577836800 }, { type: "path", path: trees.nixpkgs })
      const target = yield* found(dir)
      expect(target.main).toBe(join(dir, "configuration.nix"))
      expect(target.searchPath).toEqual([{ name: "nixpkgs", path: trees.nixpkgs }])
      expect(target.notes.join(" ")).toContain(`<nixpkgs> is the flake's nixpkgs input (path:${trees.nixpkgs}`)
      const before = readFileSync(target.main, "utf8")
      const proven = yield* proveConfigChange({
        kind: "nixos", main: target.main, changes: [set("hardware.bluetooth.enable", nixBool(true))], preview: true, searchPath: target.searchPath
      })
      expect(proven.proof).toEqual(["hardware.bluetooth.enable = true"])
      expect(proven.preview?.added.map((p) => p.name)).toContain("bluez")
      expect(readFileSync(target.main, "utf8")).toBe(before)
      // the same request with NIX_PATH's <nixpkgs> (what was done before): it cannot evaluate
      const e = yield* Effect.flip(proveConfigChange({ kind: "nixos", main: target.main, changes: [set("hardware.bluetooth.enable", nixBool(true))], preview: false }))
      expect(e._tag).toBe("ConfigEvalFailed")
    }).pipe(Effect.provide(layer)), 300_000)

  it.live("an input locked to a store path that is not here: refused, saying to fetch it (nothing is fetched)", () =>
    Effect.gen(function*() {
      const dir = flakeDir(
        { type: "github", owner: "NixOS", repo: "nixpkgs", rev: "0".repeat(40), narHash: "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", lastModified: 1577836800 },
        { type: "github", owner: "NixOS", repo: "nixpkgs", ref: "nixos-19.09" }
      )
      const e = yield* Effect.flip(found(dir))
      expect(e._tag).toBe("ConfigFileError")
      const text = e._tag === "ConfigFileError" ? `${e.detail} ${e.hint ?? ""}` : ""
      expect(text).toContain("github:NixOS/nixpkgs/nixos-19.09")
      expect(text).toContain(`${sourceStorePath("sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")}`)
      expect(text).toContain(`nix flake archive ${dir}`)
    }))

  it.live("a flake without flake.lock: refused, saying to lock it", () =>
    Effect.gen(function*() {
      const dir = join(mkdtempSync(join(tmpdir(), "ask-nix-nolock-")), "etc")
      mkdirSync(dir)
      writeFileSync(join(dir, "configuration.nix"), "{ }\n")
      writeFileSync(join(dir, "flake.nix"), "{ outputs = { nixpkgs, ... }: { nixosConfigurations.laptop = nixpkgs.lib.nixosSystem { modules = [ ./configuration.nix ]; }; }; }\n")
      const e = yield* Effect.flip(found(dir))
      expect(e._tag === "ConfigFileError" && e.hint).toBe(`Lock it once (this fetches the inputs): nix flake lock ${dir}`)
    }))
})
