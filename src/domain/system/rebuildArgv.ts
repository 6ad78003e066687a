/**
 * Pure argv builders for nixos-rebuild (and nixos-rebuild-ng, which takes the same arguments).
 * Every rebuild carries `--log-format internal-json -v` so Nix's progress streams as typed events.
 */
import type { Elevation } from "./Elevation.js"
import { elevate } from "./Elevation.js"
import { flakeRef, type SystemConfig } from "./SystemInfo.js"

export type RebuildMode = "switch" | "boot" | "test" | "build" | "dry-build"

export const logFlags: ReadonlyArray<string> = ["--log-format", "internal-json", "-v"]
export const flakeFeatures: ReadonlyArray<string> = ["--extra-experimental-features", "nix-command flakes"]

/** Modes that activate or install a generation need root; build and dry-build only use the store. */
export const needsRoot = (mode: RebuildMode): boolean => mode === "switch" || mode === "boot" || mode === "test"

export interface RebuildTarget {
  readonly tool: string
  readonly config: SystemConfig
  readonly elevation: Elevation
  /** `--root` other than "/": point channel builds at that root's configuration.nix. */
  readonly root: string
}

/** `-I nixos-config=...` when the configuration is not the running system's own /etc/nixos. */
const configFlags = (t: RebuildTarget): ReadonlyArray<string> => {
  if (t.config._tag === "flake") return ["--flake", flakeRef(t.config)]
  return t.root === "/" ? [] : ["-I", `nixos-config=${t.config.file}`]
}

export const rebuildArgv = (t: RebuildTarget, mode: RebuildMode, extra: ReadonlyArray<string> = []): ReadonlyArray<string> => {
  const argv = [t.tool, mode, ...extra, ...configFlags(t), ...logFlags]
  return needsRoot(mode) ? elevate(t.elevation, argv) : argv
}

/** Channels: `nixos-rebuild switch --upgrade` (updates the root's channels, then switches). */
export const channelUpgradeArgv = (t: RebuildTarget): ReadonlyArray<string> =>
  elevate(t.elevation, [t.tool, "switch", "--upgrade", ...configFlags(t), ...logFlags])

/** Flakes: `nix flake update`, run in the flake's folder (elevated when the folder is not writable). */
export const flakeUpdateArgv = (elevation: Elevation | undefined): ReadonlyArray<string> => {
  const argv = ["nix", ...flakeFeatures, "flake", "update", ...logFlags]
  return elevation ? elevate(elevation, argv) : argv
}

/** Back to the previous generation: `nixos-rebuild switch --rollback` (no evaluation, no build). */
export const rollbackArgv = (t: RebuildTarget): ReadonlyArray<string> =>
  elevate(t.elevation, [t.tool, "switch", "--rollback", ...logFlags])

/**
 * Back to generation N: nixos-rebuild has no flag for it, so do what its --rollback does with N:
 * point the system profile at generation N, then activate it (boot entry and running system).
 */
export const switchGenerationArgv = (
  elevation: Elevation,
  systemProfile: string,
  generation: number
): ReadonlyArray<ReadonlyArray<string>> => [
  elevate(elevation, ["nix-env", "--profile", systemProfile, "--switch-generation", String(generation)]),
  elevate(elevation, [`${systemProfile}/bin/switch-to-configuration`, "switch"])
]
