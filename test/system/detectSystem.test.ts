import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { detectSystem } from "../../src/layers/system/detectSystem.js"
import { isNixOSRelease, parseOsRelease } from "../../src/domain/system/osRelease.js"
import { SystemHost } from "../../src/services/SystemHost.js"
import { makeNixosRoot, nixosOsRelease } from "./support/nixosRoot.js"
import { recordingNix } from "./support/recordingNix.js"
import { NodeFileSystem } from "@effect/platform-node"

const detect = (root: string, onPath: ReadonlyArray<string>, uid = 1000, elevatePreference?: string) =>
  detectSystem(root).pipe(
    Effect.provide(Layer.mergeAll(
      recordingNix(onPath).layer,
      Layer.succeed(SystemHost, { uid, hostname: "live-host", elevatePreference }),
      NodeFileSystem.layer
    ))
  )

describe("os-release", () => {
  it("reads quoted and bare values; ID=nixos or ID_LIKE", () => {
    const r = parseOsRelease(nixosOsRelease)
    expect(r["ID"]).toBe("nixos")
    expect(r["PRETTY_NAME"]).toBe("NixOS 24.05 (Uakari)")
    expect(isNixOSRelease(r)).toBe(true)
    expect(isNixOSRelease(parseOsRelease("ID=debian\nID_LIKE=\"ubuntu\"\n"))).toBe(false)
    expect(isNixOSRelease(parseOsRelease("ID=mynix\nID_LIKE=\"nixos\"\n"))).toBe(true)
  })
})

describe("detectSystem", () => {
  it.effect("a channel NixOS: etc/NIXOS, configuration.nix, nixos-rebuild-ng preferred, sudo", () =>
    Effect.gen(function*() {
      const root = makeNixosRoot()
      const info = yield* detect(root, ["nixos-rebuild", "nixos-rebuild-ng", "sudo", "run0"])
      expect(info.isNixOS).toBe(true)
      expect(info.nixosReason).toBe(`${root}/etc/NIXOS exists`)
      expect(info.osName).toBe("NixOS 24.05 (Uakari)")
      expect(info.config).toMatchObject({ _tag: "channels", file: `${root}/etc/nixos/configuration.nix`, exists: true })
      expect(info.rebuildTool).toBe("nixos-rebuild-ng")
      expect(info.elevation).toMatchObject({ kind: "tool", tool: "sudo" })
    }))

  it.effect("a flake NixOS: flake folder and the root's hostname; root needs no elevation", () =>
    Effect.gen(function*() {
      const root = makeNixosRoot({ flake: true, hostname: "osprey" })
      const info = yield* detect(root, ["nixos-rebuild", "doas"], 0)
      expect(info.config).toMatchObject({ _tag: "flake", dir: `${root}/etc/nixos`, host: "osprey" })
      expect(info.rebuildTool).toBe("nixos-rebuild")
      expect(info.elevation).toMatchObject({ kind: "root", tool: undefined })
    }))

  it.effect("flake.nix as a link to the user's folder is followed inside the root (nixos-rebuild's rule)", () =>
    Effect.gen(function*() {
      const root = makeNixosRoot({ flake: true, flakeLinked: true })
      const info = yield* detect(root, ["nixos-rebuild", "sudo", "doas"], 1000, "doas")
      expect(info.config).toMatchObject({ _tag: "flake", dir: `${root}/home/alice/nixos-config`, host: "kestrel" })
      expect(info.config.reason).toContain("a link to")
      expect(info.elevation).toMatchObject({ kind: "tool", tool: "doas" })
    }))

  it.effect("a dangling flake.nix link does not make a flake system", () =>
    Effect.gen(function*() {
      const root = makeNixosRoot()
      fs.symlinkSync("/home/nobody/flake.nix", path.join(root, "etc/nixos/flake.nix"))
      const info = yield* detect(root, ["nixos-rebuild"])
      expect(info.config._tag).toBe("channels")
      expect(info.rebuildTool).toBe("nixos-rebuild")
      expect(info.elevation.kind).toBe("unavailable")
    }))

  it.effect("os-release alone is enough; neither marker nor ID=nixos is not NixOS", () =>
    Effect.gen(function*() {
      const byRelease = yield* detect(makeNixosRoot({ marker: false }), [])
      expect(byRelease.isNixOS).toBe(true)
      expect(byRelease.nixosReason).toContain("ID=nixos")
      const debian = yield* detect(makeNixosRoot({ marker: false, osRelease: "ID=debian\nPRETTY_NAME=\"Debian GNU/Linux 12\"\n" }), [])
      expect(debian.isNixOS).toBe(false)
      expect(debian.nixosReason).toContain("says ID=debian")
      expect(debian.rebuildTool).toBeUndefined()
    }))
})
