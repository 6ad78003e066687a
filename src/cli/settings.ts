/** Resolve the Settings of one call from the global options, the settings file and the environment. */
import { createHash } from "node:crypto"
import * as path from "node:path"
import { Option } from "effect"
import type { Environment } from "../domain/Environment.js"
import { defaultUserConfig, type UserConfig } from "../domain/config/UserConfig.js"
import { userDirsFrom, xdgDir } from "../domain/home/HomePaths.js"
import type { SettingsShape } from "../services/Settings.js"
import type { GlobalConfig } from "./globalOptions.js"

export type { Environment }

/** `profile` in the settings (or $ASK_NIX_PROFILE), else ~/.nix-profile, else the XDG location newer Nix uses (use-xdg-base-directories). */
export const defaultProfilePath = (e: Environment, config: UserConfig = defaultUserConfig): string => {
  if (Option.isSome(config.profile)) return config.profile.value
  const classic = path.join(e.home, ".nix-profile")
  const xdg = path.join(xdgDir(e.env, "XDG_STATE_HOME", e.home), "nix/profile")
  return !e.exists(classic) && e.exists(xdg) ? xdg : classic
}

/** `index` in the settings (or $ASK_NIX_INDEX), else $XDG_CACHE_HOME/ask-nix/index. */
export const defaultIndexPath = (e: Environment, config: UserConfig = defaultUserConfig): string =>
  Option.getOrElse(config.index, () => path.join(xdgDir(e.env, "XDG_CACHE_HOME", e.home), "ask-nix", "index"))

/** With --file, the index of that file's packages (one per file, built from it on first use). */
export const fileIndexPath = (e: Environment, file: string, config: UserConfig): string =>
  path.join(path.dirname(defaultIndexPath(e, config)), "file-index", createHash("sha256").update(path.resolve(file)).digest("hex").slice(0, 16))

export const toSettings = (g: GlobalConfig, e: Environment, config: UserConfig = defaultUserConfig): SettingsShape => {
  const userDirs = userDirsFrom(e.env, e.home)
  return {
    execute: g.execute && !g.dryRun,
    json: g.json,
    showIntent: g.showIntent,
    backend: Option.getOrUndefined(g.backend),
    backendOrder: Option.getOrUndefined(config.backends),
    profile: Option.getOrElse(g.profile, () => defaultProfilePath(e, config)),
    defaultProfile: Option.isNone(g.profile) && Option.isNone(config.profile),
    // the settings file and $ASK_NIX_PROFILE name the user's own profile; only --profile names another one
    profileNamed: Option.isSome(g.profile),
    file: Option.getOrUndefined(g.file),
    flake: g.flake,
    index: Option.getOrElse(g.index, () => Option.isSome(g.file) ? fileIndexPath(e, g.file.value, config) : defaultIndexPath(e, config)),
    scope: g.system ? "system" : g.user ? "user" : g.home ? "home" : undefined,
    root: g.root,
    interactive: e.interactive && !g.json,
    yes: g.yes,
    confirm: config.confirm,
    elevate: Option.getOrUndefined(config.elevate),
    stateDir: path.join(userDirs.stateHome, "ask-nix"),
    cwd: e.cwd,
    flakeDir: Option.getOrUndefined(Option.map(g.flakeDir, (d) => path.resolve(e.cwd, d))),
    userDirs,
    config: Option.getOrUndefined(Option.map(g.config, (c) => path.resolve(e.cwd, c))),
    editOnly: g.editOnly,
    configEnv: {
      NIXOS_CONFIG: e.env["NIXOS_CONFIG"], NIX_PATH: e.env["NIX_PATH"], HOME: e.home,
      XDG_CONFIG_HOME: e.env["XDG_CONFIG_HOME"], USER: e.env["USER"] ?? e.env["LOGNAME"]
    }
  }
}
