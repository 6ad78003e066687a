/** Where a NixOS system keeps what ask-nix reads, under a root (`--root`, default "/"). */
import * as path from "node:path"

export interface SystemPaths {
  readonly root: string
  readonly nixosMarker: string
  readonly osRelease: string
  readonly hostname: string
  readonly configDir: string
  readonly flakeNix: string
  readonly configurationNix: string
  /** The system profile symlink (`system` -> `system-N-link`). */
  readonly systemProfile: string
  readonly profilesDir: string
}

export const systemPaths = (root: string): SystemPaths => {
  const at = (...parts: ReadonlyArray<string>) => path.join(root, ...parts)
  return {
    root,
    nixosMarker: at("etc/NIXOS"),
    osRelease: at("etc/os-release"),
    hostname: at("etc/hostname"),
    configDir: at("etc/nixos"),
    flakeNix: at("etc/nixos/flake.nix"),
    configurationNix: at("etc/nixos/configuration.nix"),
    systemProfile: at("nix/var/nix/profiles/system"),
    profilesDir: at("nix/var/nix/profiles")
  }
}

/**
 * An absolute symlink target as seen from inside the root: `/nix/store/x` under root `/mnt`
 * is `/mnt/nix/store/x`. Relative targets resolve against the link's folder.
 */
export const underRoot = (root: string, linkDir: string, target: string): string =>
  path.isAbsolute(target) ? path.join(root, target) : path.resolve(linkDir, target)
