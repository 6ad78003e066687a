/** What ask-nix found out about the NixOS system under a root. */
import type { Elevation } from "./Elevation.js"
import type { SystemPaths } from "./SystemPaths.js"

/** How the system configuration is given: a flake (etc/nixos/flake.nix) or channels (configuration.nix). */
export type SystemConfig =
  | { readonly _tag: "flake"; readonly dir: string; readonly host: string; readonly reason: string }
  | { readonly _tag: "channels"; readonly file: string; readonly exists: boolean; readonly reason: string }

export interface SystemInfo {
  readonly paths: SystemPaths
  readonly isNixOS: boolean
  /** Why we think so (etc/NIXOS present, os-release ID=nixos ...). */
  readonly nixosReason: string
  /** os-release PRETTY_NAME / VERSION, when present. */
  readonly osName: string | undefined
  readonly config: SystemConfig
  /** nixos-rebuild-ng or nixos-rebuild; undefined when neither is on PATH. */
  readonly rebuildTool: string | undefined
  readonly elevation: Elevation
}

/** `DIR#HOST`, the flake reference nixos-rebuild's own default resolves to. */
export const flakeRef = (c: Extract<SystemConfig, { _tag: "flake" }>): string => `${c.dir}#${c.host}`
