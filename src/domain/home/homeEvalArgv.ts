/**
 * Evaluations home-manager detection and previews need, without building anything. File paths go in
 * with --argstr (never spliced into Nix code).
 * - Which users a NixOS configuration gives to home-manager: `config.home-manager.users` of the
 *   configuration (channels: `<nixpkgs/nixos>` as nixos-rebuild evaluates it; flakes:
 *   `nixosConfigurations.<host>`, never writing a lock file), `or {}` when the module is not imported.
 * - What a home.nix puts in `home.packages`, as standalone home-manager evaluates it
 *   (`<home-manager/modules>` with `import <nixpkgs> {}`).
 */
import { experimentalFlags } from "../argv/common.js"

export const systemHomeUsersArgv = (configFile: string): ReadonlyArray<string> => [
  "nix-instantiate", "--eval", "--strict", "--json",
  "-E", "{ file }: builtins.attrNames ((import <nixpkgs/nixos> { configuration = /. + file; }).config.home-manager.users or {})",
  "--argstr", "file", configFile
]

export const flakeHomeUsersArgv = (flakeDir: string, host: string, experimental: boolean): ReadonlyArray<string> => [
  "nix", ...(experimental ? experimentalFlags : []), "eval", "--json", "--no-write-lock-file",
  `${flakeDir}#nixosConfigurations.${host}.config`,
  "--apply", "c: builtins.attrNames (c.home-manager.users or {})"
]

/** `-I home-manager=...` for the folders standalone home-manager 19.09 also looks in. */
export const homePackagesArgv = (configFile: string, homeManagerPath: string | undefined): ReadonlyArray<string> => [
  "nix-instantiate", "--eval", "--strict", "--json",
  ...(homeManagerPath === undefined ? [] : ["-I", `home-manager=${homeManagerPath}`]),
  "-E", "{ file }: map (p: p.name or \"?\") (import <home-manager/modules> { configuration = /. + file; pkgs = import <nixpkgs> {}; }).config.home.packages",
  "--argstr", "file", configFile
]
