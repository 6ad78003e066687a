/**
 * Detect the NixOS system under a root: NixOS or not, flake or channels (nixos-rebuild's own rule:
 * etc/nixos/flake.nix exists, symlinks followed, flake = its folder, attribute = the hostname),
 * the rebuild tool on PATH, and how to gain root.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect } from "effect"
import * as path from "node:path"
import type { FileError } from "../../domain/errors.js"
import { Nix } from "../../services/Nix.js"
import { chooseElevation, elevationTools, type ElevationTool } from "../../domain/system/Elevation.js"
import { exists, readTextIfExists } from "./files.js"
import { isNixOSRelease, parseOsRelease } from "../../domain/system/osRelease.js"
import { resolveUnderRoot } from "./resolveUnderRoot.js"
import { SystemHost } from "../../services/SystemHost.js"
import type { SystemConfig, SystemInfo } from "../../domain/system/SystemInfo.js"
import { systemPaths, type SystemPaths } from "../../domain/system/SystemPaths.js"

/** nixos-rebuild-ng first: it is the maintained implementation (and `nixos-rebuild` on new NixOS). */
export const rebuildTools = ["nixos-rebuild-ng", "nixos-rebuild"] as const

const detectConfig = (p: SystemPaths, hostname: string): Effect.Effect<SystemConfig, FileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    // Like Path("/etc/nixos/flake.nix").exists(): symlinks followed (inside the root).
    const real = yield* resolveUnderRoot(p.root, p.flakeNix)
    if (yield* exists(real)) {
      const fromFile = p.root === "/" ? undefined : (yield* readTextIfExists(p.hostname))?.trim()
      const host = fromFile || hostname || "default"
      const linked = real === p.flakeNix ? "" : ` (a link to ${real})`
      return { _tag: "flake", dir: path.dirname(real), host, reason: `${p.flakeNix} exists${linked}` } as const
    }
    const hasConfig = yield* exists(p.configurationNix)
    return {
      _tag: "channels",
      file: p.configurationNix,
      exists: hasConfig,
      reason: `no ${p.flakeNix}: nixos-rebuild uses <nixos-config> from channels`
    } as const
  })

export const detectSystem = (root: string): Effect.Effect<SystemInfo, FileError, Nix | SystemHost | FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const nix = yield* Nix
    const host = yield* SystemHost
    const p = systemPaths(root)
    const marker = yield* exists(p.nixosMarker)
    const release = parseOsRelease((yield* readTextIfExists(p.osRelease)) ?? "")
    const releaseSaysNixOS = isNixOSRelease(release)
    const isNixOS = marker || releaseSaysNixOS
    const nixosReason = marker
      ? `${p.nixosMarker} exists`
      : releaseSaysNixOS
        ? `${p.osRelease} says ID=nixos`
        : `no ${p.nixosMarker} and ${p.osRelease} ${release["ID"] ? `says ID=${release["ID"]}` : "is missing"}`
    const config = yield* detectConfig(p, host.hostname)
    const rebuildTool = yield* Effect.reduce(rebuildTools, undefined as string | undefined, (found, tool) =>
      found !== undefined ? Effect.succeed(found) : Effect.map(nix.which(tool), (at) => (at ? tool : undefined)))
    const available = yield* Effect.filter(elevationTools, (t: ElevationTool) =>
      Effect.map(nix.which(t), (at) => at !== undefined))
    return {
      paths: p,
      isNixOS,
      nixosReason,
      osName: release["PRETTY_NAME"] ?? release["VERSION"],
      config,
      rebuildTool,
      elevation: chooseElevation({ uid: host.uid, preference: host.elevatePreference, available })
    }
  })
