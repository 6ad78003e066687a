/** What ask-nix found out about home-manager for one user: how it runs, where its generations are. */
import type { HomePaths } from "./HomePaths.js"

/**
 * `standalone`: the `home-manager` command builds and activates generations (`home-manager switch`).
 * `module`: home-manager is the NixOS module (`home-manager.users.<name>` in the system configuration):
 * a system rebuild builds the user's generation and its `home-manager-<name>` unit activates it.
 */
export type HomeMode = "standalone" | "module"

export interface HomeInfo {
  readonly user: string
  readonly paths: HomePaths
  readonly mode: HomeMode
  /** Why this mode, in words ("home-manager-alice.service exists"). */
  readonly reason: string
  /** The generation profile (`.../home-manager`, beside its `home-manager-N-link`s). */
  readonly profile: string
  /** The `home-manager` command, when it is on PATH. */
  readonly command: string | undefined
  /** The home.nix home-manager would use, when one exists. */
  readonly configFile: string | undefined
  /** The folder of a flake-based home-manager configuration, when there is one. */
  readonly flakeDir: string | undefined
}
