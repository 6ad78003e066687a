/**
 * argv for the `nix profile` backend (and the `nix` commands it uses). Pure: tests assert them exactly.
 * Package words must already be validated (validateAttrPath); they go after `--` where Nix allows it.
 */
import { experimentalFlags, logFlags } from "./common.js"
import type { PackageSource } from "./PackageSource.js"
import { profileInstallVerb, type NixVersion } from "./NixVersion.js"

export interface ProfileArgvContext {
  readonly version: NixVersion
  /** undefined = the user's default profile (no --profile). */
  readonly profile: string | undefined
  readonly source: PackageSource
  /** The user's config lacks nix-command/flakes: pass --extra-experimental-features. */
  readonly experimental: boolean
  /**
   * Evaluate impurely (--impure): the user allowed unfree/broken/insecure packages with NIXPKGS_ALLOW_*,
   * which a flake's nixpkgs only sees that way.
   */
  readonly impure?: boolean | undefined
}

const nix = (ctx: ProfileArgvContext, ...rest: ReadonlyArray<string>): ReadonlyArray<string> =>
  ["nix", ...(ctx.experimental ? experimentalFlags : []), ...rest]

const impure = (ctx: ProfileArgvContext): ReadonlyArray<string> => (ctx.impure === true ? ["--impure"] : [])

const profileOpt = (ctx: ProfileArgvContext): ReadonlyArray<string> => (ctx.profile === undefined ? [] : ["--profile", ctx.profile])

/** `nixpkgs#firefox` for flakes; the bare attribute after `-f FILE`. */
export const installables = (source: PackageSource, attrs: ReadonlyArray<string>): ReadonlyArray<string> =>
  source._tag === "file" ? attrs : attrs.map((a) => `${source.ref}#${a}`)

const sourceOpt = (source: PackageSource): ReadonlyArray<string> => (source._tag === "file" ? ["-f", source.path] : [])

export const profileInstall = (ctx: ProfileArgvContext, attrs: ReadonlyArray<string>) =>
  nix(ctx, "profile", profileInstallVerb(ctx.version), ...profileOpt(ctx), ...logFlags, ...impure(ctx), ...sourceOpt(ctx.source), "--", ...installables(ctx.source, attrs))

/** selectors: element names (2.20+) or indices (older). */
export const profileRemove = (ctx: ProfileArgvContext, selectors: ReadonlyArray<string>) =>
  nix(ctx, "profile", "remove", ...profileOpt(ctx), "--", ...selectors)

/** selectors: element names (2.20+) or indices (older); "all" upgrades everything. */
export const profileUpgrade = (ctx: ProfileArgvContext, selectors: ReadonlyArray<string> | "all", hasAllFlag: boolean) =>
  selectors === "all"
    ? nix(ctx, "profile", "upgrade", ...profileOpt(ctx), ...logFlags, ...impure(ctx), ...(hasAllFlag ? ["--all"] : ["--", ".*"]))
    : nix(ctx, "profile", "upgrade", ...profileOpt(ctx), ...logFlags, ...impure(ctx), "--", ...selectors)

/** `to`: a generation's number, or a placeholder for a person to fill in (the instructions backend). */
export const profileRollback = (ctx: ProfileArgvContext, to: number | string | undefined) =>
  nix(ctx, "profile", "rollback", ...profileOpt(ctx), ...(to === undefined ? [] : ["--to", String(to)]))

export const profileHistory = (ctx: ProfileArgvContext) => nix(ctx, "profile", "history", ...profileOpt(ctx))

export const profileList = (ctx: ProfileArgvContext) => nix(ctx, "profile", "list", ...profileOpt(ctx))

/** Deletes every generation but the current one. */
export const profileWipeHistory = (ctx: ProfileArgvContext) => nix(ctx, "profile", "wipe-history", ...profileOpt(ctx))

export const storeGc = (ctx: ProfileArgvContext) => nix(ctx, "store", "gc")

/** What a GC would delete, without deleting (read-only). */
export const printDead: ReadonlyArray<string> = ["nix-store", "--gc", "--print-dead"]

/**
 * Run a program from packages without installing them (`nix shell`). With a command there is no `--`:
 * `--command` takes every word after it, and installables after `--` would come after it (Nix 2.8 and
 * 2.26 alike); the validated words, which never start with a dash, are the guard there.
 */
export const nixShell = (ctx: ProfileArgvContext, attrs: ReadonlyArray<string>, command: string | undefined) =>
  command === undefined
    ? nix(ctx, "shell", ...impure(ctx), ...sourceOpt(ctx.source), "--", ...installables(ctx.source, attrs))
    : nix(ctx, "shell", ...impure(ctx), ...sourceOpt(ctx.source), ...installables(ctx.source, attrs), "--command", command)

export const nixSearch = (ctx: ProfileArgvContext, ref: string, query: string) =>
  nix(ctx, "search", "--json", "--", ref, query)

/** Name, version and meta of one package, as JSON. */
export const infoApply = "p: { name = p.name or null; pname = p.pname or null; version = p.version or null; meta = p.meta or {}; }"

export const nixEvalInfo = (ctx: ProfileArgvContext, attr: string) =>
  nix(ctx, "eval", "--json", ...impure(ctx), ...sourceOpt(ctx.source), "--apply", infoApply, "--", ...installables(ctx.source, [attr]))

/** What installing would build or fetch, without building (read-only; used for the dry-run preview). */
export const buildDryRun = (ctx: ProfileArgvContext, attrs: ReadonlyArray<string>) =>
  nix(ctx, "build", "--dry-run", "--no-link", ...impure(ctx), ...sourceOpt(ctx.source), "--", ...installables(ctx.source, attrs))
