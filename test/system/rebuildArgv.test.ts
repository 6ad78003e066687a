import { describe, expect, it } from "vitest"
import { chooseElevation, type Elevation } from "../../src/domain/system/Elevation.js"
import {
  channelUpgradeArgv, flakeUpdateArgv, rebuildArgv, rollbackArgv, switchGenerationArgv, type RebuildTarget
} from "../../src/domain/system/rebuildArgv.js"
import type { SystemConfig } from "../../src/domain/system/SystemInfo.js"

const flake: SystemConfig = { _tag: "flake", dir: "/etc/nixos", host: "kestrel", reason: "" }
const channels: SystemConfig = { _tag: "channels", file: "/etc/nixos/configuration.nix", exists: true, reason: "" }
const sudo = chooseElevation({ uid: 1000, preference: undefined, available: ["sudo", "doas"] })
const doas = chooseElevation({ uid: 1000, preference: "doas", available: ["sudo", "doas"] })
const run0 = chooseElevation({ uid: 1000, preference: undefined, available: ["run0"] })
const asRoot = chooseElevation({ uid: 0, preference: "sudo", available: ["sudo"] })
const log = ["--log-format", "internal-json", "-v"]

const target = (config: SystemConfig, elevation: Elevation, tool = "nixos-rebuild", root = "/"): RebuildTarget =>
  ({ tool, config, elevation, root })

describe("elevation choice", () => {
  it("prefers sudo, then doas, then run0; root needs none; ASK_NIX_ELEVATE wins", () => {
    expect(sudo).toMatchObject({ tool: "sudo", kind: "tool" })
    expect(doas).toMatchObject({ tool: "doas", kind: "tool", reason: "ASK_NIX_ELEVATE=doas" })
    expect(run0).toMatchObject({ tool: "run0", kind: "tool" })
    expect(asRoot).toMatchObject({ tool: undefined, kind: "root" })
    expect(chooseElevation({ uid: 1000, preference: "none", available: ["sudo"] })).toMatchObject({ tool: undefined, kind: "none" })
    expect(chooseElevation({ uid: 1000, preference: undefined, available: [] })).toMatchObject({ tool: undefined, kind: "unavailable" })
    expect(chooseElevation({ uid: 1000, preference: "su", available: ["doas"] }).reason).toContain("ignored ASK_NIX_ELEVATE=su")
    expect(chooseElevation({ uid: 1000, preference: "run0", available: ["sudo"] })).toMatchObject({ tool: "run0", reason: "ASK_NIX_ELEVATE=run0 (note: run0 is not on PATH)" })
  })
})

describe("rebuild argv", () => {
  it("flakes: switch/boot/test elevated with --flake DIR#HOST, build and dry-build not elevated", () => {
    const t = target(flake, sudo)
    expect(rebuildArgv(t, "switch")).toEqual(["sudo", "nixos-rebuild", "switch", "--flake", "/etc/nixos#kestrel", ...log])
    expect(rebuildArgv(t, "boot")).toEqual(["sudo", "nixos-rebuild", "boot", "--flake", "/etc/nixos#kestrel", ...log])
    expect(rebuildArgv(t, "test")).toEqual(["sudo", "nixos-rebuild", "test", "--flake", "/etc/nixos#kestrel", ...log])
    expect(rebuildArgv(t, "build")).toEqual(["nixos-rebuild", "build", "--flake", "/etc/nixos#kestrel", ...log])
    expect(rebuildArgv(t, "dry-build")).toEqual(["nixos-rebuild", "dry-build", "--flake", "/etc/nixos#kestrel", ...log])
  })

  it("channels: no --flake; each elevation tool; root runs bare", () => {
    expect(rebuildArgv(target(channels, sudo), "switch")).toEqual(["sudo", "nixos-rebuild", "switch", ...log])
    expect(rebuildArgv(target(channels, doas), "switch")).toEqual(["doas", "nixos-rebuild", "switch", ...log])
    expect(rebuildArgv(target(channels, run0, "nixos-rebuild-ng"), "boot")).toEqual(["run0", "nixos-rebuild-ng", "boot", ...log])
    expect(rebuildArgv(target(channels, asRoot), "test")).toEqual(["nixos-rebuild", "test", ...log])
  })

  it("channels under --root point nixos-config at the root's configuration.nix", () => {
    const c: SystemConfig = { ...channels, file: "/mnt/etc/nixos/configuration.nix" }
    expect(rebuildArgv(target(c, sudo, "nixos-rebuild", "/mnt"), "dry-build"))
      .toEqual(["nixos-rebuild", "dry-build", "-I", "nixos-config=/mnt/etc/nixos/configuration.nix", ...log])
  })

  it("update: channels upgrade in one step; flakes update the lock file first", () => {
    expect(channelUpgradeArgv(target(channels, sudo))).toEqual(["sudo", "nixos-rebuild", "switch", "--upgrade", ...log])
    expect(channelUpgradeArgv(target(channels, asRoot))).toEqual(["nixos-rebuild", "switch", "--upgrade", ...log])
    expect(flakeUpdateArgv(undefined)).toEqual(["nix", "--extra-experimental-features", "nix-command flakes", "flake", "update", ...log])
    expect(flakeUpdateArgv(doas)).toEqual(["doas", "nix", "--extra-experimental-features", "nix-command flakes", "flake", "update", ...log])
  })

  it("rollback: --rollback for the previous generation, profile switch + activation for generation N", () => {
    expect(rollbackArgv(target(flake, sudo))).toEqual(["sudo", "nixos-rebuild", "switch", "--rollback", ...log])
    expect(rollbackArgv(target(channels, asRoot, "nixos-rebuild-ng"))).toEqual(["nixos-rebuild-ng", "switch", "--rollback", ...log])
    expect(switchGenerationArgv(run0, "/nix/var/nix/profiles/system", 41)).toEqual([
      ["run0", "nix-env", "--profile", "/nix/var/nix/profiles/system", "--switch-generation", "41"],
      ["run0", "/nix/var/nix/profiles/system/bin/switch-to-configuration", "switch"]
    ])
  })
})
