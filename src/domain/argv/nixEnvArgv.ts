/**
 * argv for the `nix-env` backend. Pure: tests assert them exactly. Package words must already be
 * validated; they also go after `--` where nix-env honours it (-i, -e, -u, --set on Nix 2.8 and 2.26).
 * Its queries do not (`-qaA -- x` reads the options before `--` as attribute names): there the
 * validated words (never starting with a dash) are the only guard.
 */
import { logFlags } from "./common.js"

export interface NixEnvArgvContext {
  /** undefined = the user's default profile (no -p). */
  readonly profile: string | undefined
  /** A Nix file of packages (-f); else attributes get the channel prefix. */
  readonly file: string | undefined
  /** The channel name on channel systems ("nixpkgs", "nixos"): attributes become "nixpkgs.firefox". */
  readonly channel: string
}

const profileOpt = (ctx: NixEnvArgvContext): ReadonlyArray<string> => (ctx.profile === undefined ? [] : ["-p", ctx.profile])
const fileOpt = (ctx: NixEnvArgvContext): ReadonlyArray<string> => (ctx.file === undefined ? [] : ["-f", ctx.file])

/** "firefox" -> "nixpkgs.firefox" on channel systems, "firefox" with -f FILE. */
export const attrArg = (ctx: NixEnvArgvContext, attr: string): string => (ctx.file === undefined ? `${ctx.channel}.${attr}` : attr)

export const envInstall = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), ...fileOpt(ctx), ...logFlags, "-iA", "--", ...attrs.map((a) => attrArg(ctx, a))]

/** names: installed package names (pname), as nix-env -e matches them. */
export const envRemove = (ctx: NixEnvArgvContext, names: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), "-e", "--", ...names]

/** names empty = upgrade everything. */
export const envUpgrade = (ctx: NixEnvArgvContext, names: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), ...fileOpt(ctx), ...logFlags, "-u", "--", ...names]

export const envRollback = (ctx: NixEnvArgvContext) => ["nix-env", ...profileOpt(ctx), "--rollback"]

/** `n`: a generation's number, or a placeholder for a person to fill in (the instructions backend). */
export const envSwitchGeneration = (ctx: NixEnvArgvContext, n: number | string) =>
  ["nix-env", ...profileOpt(ctx), "--switch-generation", String(n)]

/**
 * Make `target` a new generation of `profile` (`nix-env --set`, Nix 2.0 and later; the classic way
 * NixOS switches its system profile). `target` may be a store path or a profile link: nix-env follows
 * links to the store path. One atomic switch, on both kinds of profile.
 */
export const envSetProfile = (profile: string, target: string) => ["nix-env", "-p", profile, "--set", "--", target]

export const envListGenerations = (ctx: NixEnvArgvContext) => ["nix-env", ...profileOpt(ctx), "--list-generations"]

/** keep undefined = every generation but the current one. Works on both kinds of profile. */
export const envDeleteGenerations = (ctx: NixEnvArgvContext, keep: number | undefined) =>
  ["nix-env", ...profileOpt(ctx), "--delete-generations", keep === undefined ? "old" : `+${keep}`]

/** What is installed, for people. */
export const envQuery = (ctx: NixEnvArgvContext) => ["nix-env", ...profileOpt(ctx), "-q"]

export const envQueryInstalled = (ctx: NixEnvArgvContext) => ["nix-env", ...profileOpt(ctx), "-q", "--json", "--out-path"]

export const envQueryAvailable = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>) =>
  ["nix-env", ...fileOpt(ctx), "-qaA", ...attrs.map((a) => attrArg(ctx, a)), "--json", "--meta"]

/** Everything available (search without an index): slow on all of nixpkgs. */
export const envQueryAll = (ctx: NixEnvArgvContext) => ["nix-env", ...fileOpt(ctx), "-qaP", "--json", "--meta"]

export const collectGarbage: ReadonlyArray<string> = ["nix-collect-garbage"]

/**
 * An environment with the packages of a Nix file on PATH, for nix-shell. `nix-shell -p` only works
 * when the file is nixpkgs (it calls `import <nixpkgs> { inNixShell = true; ... }` and needs
 * runCommand); any other package set (the project's fixtures: "unexpected argument 'inNixShell'")
 * gets this instead. The file and the attributes come in as --argstr, never spliced into the code.
 */
export const tryEnvironmentExpr = [
  "{ file, attrs }:",
  "let",
  "  f = import (if builtins.substring 0 1 file == \"/\" then /. + file else ./. + \"/${file}\");",
  "  set = if builtins.isFunction f then f { } else f;",
  "  get = a: builtins.foldl' (s: n: builtins.getAttr n s) set (builtins.filter builtins.isString (builtins.split \"[.]\" a));",
  "  pkgs = map get (builtins.filter (x: builtins.isString x && x != \"\") (builtins.split \" \" attrs));",
  "in derivation {",
  "  name = \"ask-nix-try\"; system = builtins.currentSystem; builder = \"/bin/sh\";",
  // nix-shell starts bash from this PATH: the packages first, then the caller's own.
  "  PATH = builtins.concatStringsSep \":\" (map (p: \"${p}/bin\") pkgs ++ [ (builtins.getEnv \"PATH\") ]);",
  "}"
].join("\n")

/**
 * Run a program from packages without installing them: `nix-shell -p` on the channel; with --file, an
 * environment of that file's packages (tryEnvironmentExpr). nix-shell takes no `--` here; the
 * validated attribute names never start with a dash.
 */
export const envShell = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>, command: string | undefined) =>
  ctx.file === undefined
    ? ["nix-shell", "-p", ...attrs, ...(command === undefined ? [] : ["--run", command])]
    : ["nix-shell", "--argstr", "file", ctx.file, "--argstr", "attrs", attrs.join(" "), "-E", tryEnvironmentExpr,
      ...(command === undefined ? [] : ["--run", command])]

/** What an install would build or fetch, without doing it (read-only; the dry-run preview). */
export const envInstallDryRun = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), ...fileOpt(ctx), "--dry-run", "-iA", "--", ...attrs.map((a) => attrArg(ctx, a))]

/** What an upgrade would build or fetch, without doing it. */
export const envUpgradeDryRun = (ctx: NixEnvArgvContext, names: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), ...fileOpt(ctx), "--dry-run", "-u", "--", ...names]
