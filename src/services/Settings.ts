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
  /** The target profile (--profile), or the user's default profile. */
  readonly profile: string
  /** True when --profile was not given (the user's own profile). */
  readonly defaultProfile: boolean
  /** Packages come from this Nix file (--file), else from the flake (--flake, default "nixpkgs"). */
  readonly file: string | undefined
  readonly flake: string
  /** The package index file (--index) or the default under $XDG_CACHE_HOME/ask-nix/. */
  readonly index: string
  /** Explicit scope (--system / --user / --home); undefined = decide from the request. */
  readonly scope: Scope | undefined
  /** NixOS root (--root), default "/". */
  readonly root: string
  /** stdin and stdout are terminals: prompts and live progress are allowed. */
  readonly interactive: boolean
  /** Answer yes to confirmations (--yes). */
  readonly yes: boolean
  /** Where ask-nix keeps its own state (history), default $XDG_STATE_HOME/ask-nix. */
  readonly stateDir: string
  /** The folder ask-nix was started in: the flake a flake update acts on by default. */
  readonly cwd: string
  /** --flake-dir (absolute): the flake whose inputs a flake update updates; undefined = by scope. */
  readonly flakeDir: string | undefined
  /** The user and their folders (home-manager's profile and configuration are found from them). */
  readonly userDirs: UserDirs
}

export class Settings extends Context.Tag("ask-nix/Settings")<Settings, SettingsShape>() {}
