/** Store facts for live assertions, read without building anything. */
import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import type { NixInstall } from "./nixInstalls.js"

/** The output path a package of the sandbox set would have (evaluation only, nothing is built). */
export const outPathOf = (nix: NixInstall, pkgs: string, attr: string): string =>
  execFileSync(join(nix.binDir, "nix-instantiate"), ["--eval", "--readonly-mode", "--json", "-E", `(import ${JSON.stringify(pkgs)} {}).${attr}.outPath`], {
    encoding: "utf8",
    env: { ...process.env, NIX_CONFIG: nix.nixConfig }
  }).trim().replace(/^"|"$/g, "")

export const isBuilt = (path: string): boolean => existsSync(path)
