/**
 * The shipped command, bin/ask-nix (a sh launcher over the bundle), and the two ways it starts: from
 * the startup snapshot and without it. Tests of the shipped binary run in both modes.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, symlinkSync } from "node:fs"
import { join, resolve } from "node:path"

export const repoRoot = resolve(__dirname, "../..")
export const askNixBin = join(repoRoot, "bin/ask-nix")

export interface StartMode {
  readonly name: string
  /** Added to the environment of every call. */
  readonly env: Readonly<Record<string, string>>
}

export const startModes: ReadonlyArray<StartMode> = [
  { name: "from the snapshot", env: {} },
  { name: "without the snapshot", env: { ASK_NIX_SNAPSHOT: "0" } }
]

/** Builds ask-nix when dist/ is missing (npm test builds first; a single test file may not). */
export const ensureBuilt = (): void => {
  if (!existsSync(join(repoRoot, "dist/ask-nix.cjs"))) spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "ignore" })
}

/** `dir`, holding only `node` (this Node): for a PATH without Nix that can still start ask-nix. */
export const nodeOnlyDir = (dir: string): string => {
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, "node"))) symlinkSync(process.execPath, join(dir, "node"))
  return dir
}
