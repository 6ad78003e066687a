/** The options of one ask-nix call, resolved once from the command line and the environment. */
import { Context } from "effect"
import type { Scope } from "../domain/Intent.js"
import type { UserDirs } from "../domain/home/HomePaths.js"

export type BackendName = string // "native" | "profile" | "nix-env" | "instructions" | plugin backends

export interface SettingsShape {
  readonly execute: boolean
  readonly json: boolean
  readonly showIntent: boolean
  /** Force one backend (--backend). */
  readonly backend: BackendName | undefined
  /** The backends to try, in this order (`backends` in the settings file); undefined: all, in the chain's order. */
  readonly backendOrder?: ReadonlyArray<BackendName> | undefined
  /** The target profile (--profile), or the user's default profile. */
  readonly profile: string
  /** True when neither --profile nor the settings ($ASK_NIX_PROFILE) name a profile: Nix's own default (commands need no --profile). */
  readonly defaultProfile: boolean
  /** True when this call named the profile with --profile: another profile than the user's own (undo does not ask; hints repeat it). */
  readonly profileNamed: boolean
  /** Packages come from this Nix file (--file), else from the flake (--flake, default "nixpkgs"). */
  readonly file: string | undefined
  readonly flake: string
  /**
   * The package index file (--index) or the default under $XDG_CACHE_HOME/ask-nix/: with --file, that file's own
   * index (file-index/<hash of its path>), built from it when missing or older than the file.
   */
  readonly index: string
  /** Explicit scope (--system / --user / --home); undefined = decide from the request. */
  readonly scope: Scope | undefined
  /** NixOS root (--root), default "/". */
  readonly root: string
  /** stdin and stdout are terminals: prompts and live progress are allowed. */
  readonly interactive: boolean
  /** Answer yes to confirmations (--yes). */
  readonly yes: boolean
  /** When to ask before acting (`confirm` in the settings): "when-unsure" (default) or "always" (every --execute). */
  readonly confirm?: "when-unsure" | "always" | undefined
  /** How system commands gain root (`elevate` in the settings, or $ASK_NIX_ELEVATE); undefined: the first tool found. */
  readonly elevate?: string | undefined
  /** Where ask-nix keeps its own state (history), default $XDG_STATE_HOME/ask-nix. */
  readonly stateDir: string
  /** The folder ask-nix was started in: the flake a flake update acts on by default. */
  readonly cwd: string
  /** --flake-dir (absolute): the flake whose inputs a flake update updates; undefined = by scope. */
  readonly flakeDir: string | undefined
  /** The user and their folders (home-manager's profile and configuration are found from them). */
  readonly userDirs: UserDirs
  /** --config (absolute): the configuration file to edit; undefined = found as nixos-rebuild / home-manager do. */
  readonly config: string | undefined
  /** --edit-only: a configuration edit is written but not applied (no rebuild). */
  readonly editOnly: boolean
  /** The environment variables that say where configurations are (NIXOS_CONFIG, NIX_PATH, HOME, XDG_CONFIG_HOME, USER). */
  readonly configEnv: Readonly<Record<string, string | undefined>>
}

export class Settings extends Context.Tag("ask-nix/Settings")<Settings, SettingsShape>() {}
