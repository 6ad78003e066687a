/** Resolve the Settings of one call from the global options and the environment. */
import * as path from "node:path"
import { Option } from "effect"
import type { Environment } from "../domain/Environment.js"
import { userDirsFrom } from "../domain/home/HomePaths.js"
import type { SettingsShape } from "../services/Settings.js"
import type { GlobalConfig } from "./globalOptions.js"

export type { Environment }

/** $ASK_NIX_PROFILE, else ~/.nix-profile, else the XDG location newer Nix uses (use-xdg-base-directories). */
export const defaultProfilePath = (e: Environment): string => {
  const explicit = e.env["ASK_NIX_PROFILE"]
  if (explicit !== undefined && explicit !== "") return explicit
  const classic = path.join(e.home, ".nix-profile")
  const xdg = path.join(e.env["XDG_STATE_HOME"] ?? path.join(e.home, ".local/state"), "nix/profile")
  return !e.exists(classic) && e.exists(xdg) ? xdg : classic
}

export const defaultIndexPath = (e: Environment): string =>
  path.join(e.env["XDG_CACHE_HOME"] ?? path.join(e.home, ".cache"), "ask-nix", "index")

export const toSettings = (g: GlobalConfig, e: Environment): SettingsShape => ({
  execute: g.execute && !g.dryRun,
  json: g.json,
  showIntent: g.showIntent,
  backend: Option.getOrUndefined(g.backend),
  profile: Option.getOrElse(g.profile, () => defaultProfilePath(e)),
  defaultProfile: Option.isNone(g.profile),
  file: Option.getOrUndefined(g.file),
  flake: g.flake,
  index: Option.getOrElse(g.index, () => defaultIndexPath(e)),
  scope: g.system ? "system" : g.user ? "user" : g.home ? "home" : undefined,
  root: g.root,
  interactive: e.interactive && !g.json,
  yes: g.yes,
  stateDir: path.join(e.env["XDG_STATE_HOME"] ?? path.join(e.home, ".local/state"), "ask-nix"),
  cwd: e.cwd,
  flakeDir: Option.getOrUndefined(Option.map(g.flakeDir, (d) => path.resolve(e.cwd, d))),
  userDirs: userDirsFrom(e.env, e.home)
})
