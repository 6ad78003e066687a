/**
 * The commands that check a configuration without building anything: `nix-instantiate --parse`, one
 * `--eval --strict --json` for the values of the options an edit touches (about 0.2 s), and one
 * `nix-instantiate` of the system (or home-manager generation) derivation for before and after
 * together (about 4 s for NixOS 19.09), whose .drv closure names what would be installed.
 * File paths and option names are passed with --argstr (JSON), never spliced into Nix code.
 */

import type { ConfigKind } from "../nixfile/configFiles.js"

/** A search-path entry given with `-I name=path`: ahead of NIX_PATH, so it wins over it. */
export interface SearchPathEntry {
  readonly name: string
  readonly path: string
}

/**
 * How a configuration is evaluated: as NixOS or home-manager, and, for one found through a flake, with
 * the flake's own inputs as <nixpkgs> (<home-manager>) instead of NIX_PATH's.
 */
export interface EvalEnv {
  readonly kind: ConfigKind
  readonly searchPath?: ReadonlyArray<SearchPathEntry> | undefined
}

export interface EvalTarget extends EvalEnv {
  /** Modules to evaluate together (the configuration file first). */
  readonly modules: ReadonlyArray<string>
}

const includes = (env: EvalEnv): ReadonlyArray<string> => (env.searchPath ?? []).flatMap((e) => ["-I", `${e.name}=${e.path}`])

/**
 * `modules` -> the evaluated configuration, as nixos-rebuild (`<nixpkgs/nixos>`, with NIX_PATH's
 * nixpkgs) and standalone home-manager (`<home-manager/modules>` with `import <nixpkgs> {}`) do it.
 * `ev.pkgs` is the package set the configuration sees (its nixpkgs.config applied).
 */
const evalConfig: Readonly<Record<ConfigKind, string>> = {
  nixos: `modules: let sys = import <nixpkgs/nixos> { configuration = { imports = modules; }; }; in
    { inherit (sys) config pkgs; out = sys.system; }`,
  home: `modules: let pkgs = import <nixpkgs> {}; hm = import <home-manager/modules> { configuration = { imports = modules; }; inherit pkgs; }; in
    { inherit (hm) config; pkgs = hm.config._module.args.pkgs or pkgs; out = hm.activationPackage; }`
}

/**
 * Values of options (and names of packages) in one evaluation. A derivation becomes `{ __drv = name; }`
 * and a function "<function>", so any option's value prints as JSON.
 */
const valuesExpr = (kind: ConfigKind): string => `{ files, options, packages }:
  let
    ev = (${evalConfig[kind]}) (map (f: /. + f) (builtins.fromJSON files));
    lib = ev.pkgs.lib;
    plain = v:
      if lib.isDerivation v then { __drv = v.name or "?"; }
      else if builtins.isList v then map plain v
      else if builtins.isAttrs v then lib.mapAttrs (_: plain) v
      else if builtins.isFunction v then "<function>"
      else v;
  in {
    options = map (p: plain (lib.getAttrFromPath p ev.config)) (builtins.fromJSON options);
    packages = map (p: (lib.getAttrFromPath p ev.pkgs).name) (builtins.fromJSON packages);
  }`

const outExpr = (kind: ConfigKind): string => `{ sets }:
  map (files: ((${evalConfig[kind]}) (map (f: /. + f) files)).out) (builtins.fromJSON sets)`

/** `nix-instantiate --parse FILE`: Nix's own syntax check (its error names the file and line). */
export const parseCheckArgv = (file: string): ReadonlyArray<string> => ["nix-instantiate", "--parse", file]

/** Values of `options` (attribute paths) and the names of `packages` (attribute paths in pkgs). */
export const optionValuesArgv = (
  target: EvalTarget,
  options: ReadonlyArray<ReadonlyArray<string>>,
  packages: ReadonlyArray<ReadonlyArray<string>> = []
): ReadonlyArray<string> => [
  "nix-instantiate", "--eval", "--strict", "--json", ...includes(target),
  "-E", valuesExpr(target.kind),
  "--argstr", "files", JSON.stringify(target.modules),
  "--argstr", "options", JSON.stringify(options),
  "--argstr", "packages", JSON.stringify(packages)
]

/** The derivations of several configurations (before and after an edit) in one evaluation: one .drv a line. */
export const instantiateArgv = (env: EvalEnv, moduleSets: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => [
  "nix-instantiate", ...includes(env), "-E", outExpr(env.kind), "--argstr", "sets", JSON.stringify(moduleSets)
]

/** What the evaluation depends on besides the files: Nix's version and where <nixpkgs> (and <home-manager>) are. */
export const fingerprintArgv = (env: EvalEnv): ReadonlyArray<string> => [
  "nix-instantiate", "--eval", "--strict", "--json", ...includes(env), "-E",
  env.kind === "home"
    ? "[ builtins.nixVersion (toString <nixpkgs>) (toString <home-manager>) ]"
    : "[ builtins.nixVersion (toString <nixpkgs>) ]"
]

/** Every derivation and source a derivation needs (nothing is built). */
export const drvClosureArgv = (drv: string): ReadonlyArray<string> => ["nix-store", "--query", "--requisites", drv]
