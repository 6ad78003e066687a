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

export const envSwitchGeneration = (ctx: NixEnvArgvContext, n: number) =>
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

export const envQueryInstalled = (ctx: NixEnvArgvContext) => ["nix-env", ...profileOpt(ctx), "-q", "--json", "--out-path"]

export const envQueryAvailable = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>) =>
  ["nix-env", ...fileOpt(ctx), "-qaA", ...attrs.map((a) => attrArg(ctx, a)), "--json", "--meta"]

/** Everything available (search without an index): slow on all of nixpkgs. */
export const envQueryAll = (ctx: NixEnvArgvContext) => ["nix-env", ...fileOpt(ctx), "-qaP", "--json", "--meta"]

export const collectGarbage: ReadonlyArray<string> = ["nix-collect-garbage"]

/** `nix-shell -p`: run a program from packages without installing them (-I nixpkgs=FILE for --file). */
export const envShell = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>, command: string | undefined) =>
  ["nix-shell", ...(ctx.file === undefined ? [] : ["-I", `nixpkgs=${ctx.file}`]), "-p", ...attrs,
    ...(command === undefined ? [] : ["--run", command])]

/** What an install would build or fetch, without doing it (read-only; the dry-run preview). */
export const envInstallDryRun = (ctx: NixEnvArgvContext, attrs: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), ...fileOpt(ctx), "--dry-run", "-iA", "--", ...attrs.map((a) => attrArg(ctx, a))]

/** What an upgrade would build or fetch, without doing it. */
export const envUpgradeDryRun = (ctx: NixEnvArgvContext, names: ReadonlyArray<string>) =>
  ["nix-env", ...profileOpt(ctx), ...fileOpt(ctx), "--dry-run", "-u", "--", ...names]
