/**
 * argv for updating a flake's lock, per Nix version. Pure: tests assert them exactly.
 *
 * - Nix 2.19 and later: `nix flake update [INPUT...] --flake DIR` updates the named inputs (all when
 *   none is named); the preview is the same command with `--output-lock-file TMP`, which writes the new
 *   lock there and leaves flake.lock alone.
 * - Nix 2.4 to 2.18 (2.8 here): `nix flake update DIR` recreates the whole lock and takes no input
 *   names; one input is `nix flake lock --update-input X DIR`. `nix flake lock` has no
 *   `--output-lock-file` before 2.19, so the preview is `nix flake metadata --json --no-write-lock-file`
 *   with the same `--update-input` / `--recreate-lock-file` flags: Nix locks in memory and prints the
 *   new lock under `locks`.
 */
import { experimentalFlags } from "../argv/common.js"
import { atLeast, type NixVersion } from "../argv/NixVersion.js"

export interface FlakeArgvContext {
  readonly version: NixVersion
  /** The user's config lacks nix-command/flakes: pass --extra-experimental-features. */
  readonly experimental: boolean
}

/** `nix flake update` names inputs (and `--update-input` is deprecated) from 2.19 on. */
export const updateTakesInputs = (v: NixVersion): boolean => atLeast(v, 2, 19)

const nix = (ctx: FlakeArgvContext, ...rest: ReadonlyArray<string>): ReadonlyArray<string> =>
  ["nix", ...(ctx.experimental ? experimentalFlags : []), ...rest]

const updateInputFlags = (inputs: ReadonlyArray<string>): ReadonlyArray<string> =>
  inputs.length === 0 ? ["--recreate-lock-file"] : inputs.flatMap((i) => ["--update-input", i])

/** Writes flake.lock: the named inputs updated (none named: all). */
export const flakeUpdateArgv = (ctx: FlakeArgvContext, dir: string, inputs: ReadonlyArray<string>): ReadonlyArray<string> =>
  updateTakesInputs(ctx.version)
    ? nix(ctx, "flake", "update", ...inputs, "--flake", dir)
    : inputs.length === 0
    ? nix(ctx, "flake", "update", dir)
    : nix(ctx, "flake", "lock", ...updateInputFlags(inputs), dir)

/** How the preview's new lock is read: from the file it wrote, or from stdout's JSON. */
export type LockPreview =
  | { readonly _tag: "file"; readonly argv: ReadonlyArray<string>; readonly file: string }
  | { readonly _tag: "metadata"; readonly argv: ReadonlyArray<string> }

/** The same update, written to `scratch` (2.19+) or computed without writing anything (older Nix). */
export const lockPreviewArgv = (ctx: FlakeArgvContext, dir: string, inputs: ReadonlyArray<string>, scratch: string): LockPreview =>
  updateTakesInputs(ctx.version)
    ? { _tag: "file", file: scratch, argv: nix(ctx, "flake", "update", ...inputs, "--flake", dir, "--output-lock-file", scratch) }
    : { _tag: "metadata", argv: nix(ctx, "flake", "metadata", "--json", "--no-write-lock-file", ...updateInputFlags(inputs), dir) }
