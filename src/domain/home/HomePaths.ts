/**
 * Where home-manager keeps what ask-nix reads, for one user, as home-manager itself looks for it:
 * the generation profile (`$XDG_STATE_HOME/nix/profiles/home-manager` since home-manager 23.05 when
 * that folder exists, else `/nix/var/nix/profiles/per-user/$USER/home-manager`, as 19.09 always did),
 * the configuration (`~/.config/home-manager/home.nix` or `flake.nix`, older `~/.config/nixpkgs/home.nix`,
 * `~/.nixpkgs/home.nix`) and, for the NixOS module, its per-user unit and the system configuration.
 */
import * as path from "node:path"

/** The user and their folders, from $USER, $HOME, $XDG_CONFIG_HOME and $XDG_STATE_HOME. */
export interface UserDirs {
  readonly user: string
  readonly home: string
  readonly configHome: string
  readonly stateHome: string
}

const XDG_DEFAULTS = { XDG_CONFIG_HOME: ".config", XDG_CACHE_HOME: ".cache", XDG_STATE_HOME: ".local/state" } as const

/**
 * An XDG base folder: the variable when it holds an absolute path, else its default under home. The XDG
 * spec says an unset or empty variable takes the default and a relative one is invalid and ignored (an
 * empty XDG_CACHE_HOME must not put the index in ./ask-nix/).
 */
export const xdgDir = (env: Readonly<Record<string, string | undefined>>, variable: keyof typeof XDG_DEFAULTS, home: string): string => {
  const value = env[variable]
  return value !== undefined && path.isAbsolute(value) ? value : path.join(home, XDG_DEFAULTS[variable])
}

export const userDirsFrom = (env: Readonly<Record<string, string | undefined>>, home: string): UserDirs => ({
  user: env["USER"] || env["LOGNAME"] || "",
  home,
  configHome: xdgDir(env, "XDG_CONFIG_HOME", home),
  stateHome: xdgDir(env, "XDG_STATE_HOME", home)
})

export interface HomePaths {
  /** Profiles in the order home-manager prefers them (the first whose folder exists is used). */
  readonly profiles: ReadonlyArray<string>
  /** home.nix candidates, in home-manager's order. */
  readonly configFiles: ReadonlyArray<string>
  /** Checkouts of home-manager that standalone home-manager 19.09 uses as <home-manager>. */
  readonly checkouts: ReadonlyArray<string>
  /** Folders whose flake.nix a flake-based home-manager uses. */
  readonly flakeDirs: ReadonlyArray<string>
  /** The NixOS module's unit for this user (`home-manager-<user>.service`). */
  readonly moduleUnit: string
  /** NixOS configuration files that may set home-manager.users.<user>. */
  readonly systemConfigs: ReadonlyArray<string>
}

/**
 * `root` is --root (a NixOS system mounted elsewhere): system paths and the user's home-manager
 * configuration (home.nix, its flake, its checkouts) are under it, as configuration.nix is; the
 * generation profile in the user's state folder is not (it is where the running user's generations are).
 */
export const homePaths = (u: UserDirs, root: string): HomePaths => {
  const at = (...parts: ReadonlyArray<string>) => path.join(root, ...parts)
  return {
    profiles: [
      path.join(u.stateHome, "nix/profiles/home-manager"),
      at("nix/var/nix/profiles/per-user", u.user, "home-manager")
    ],
    configFiles: [
      at(u.configHome, "home-manager/home.nix"),
      at(u.configHome, "nixpkgs/home.nix"),
      at(u.home, ".nixpkgs/home.nix")
    ],
    checkouts: [at(u.configHome, "nixpkgs/home-manager"), at(u.home, ".nixpkgs/home-manager")],
    flakeDirs: [at(u.configHome, "home-manager"), at(u.configHome, "nixpkgs")],
    moduleUnit: at("etc/systemd/system", `home-manager-${u.user}.service`),
    systemConfigs: [at("etc/nixos/configuration.nix"), at("etc/nixos/flake.nix")]
  }
}
