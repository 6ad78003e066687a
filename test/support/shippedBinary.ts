/** The shipped command (the launcher over the bundle that `npm run build` writes). */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join, resolve } from "node:path"

export const repoRoot = resolve(__dirname, "../..")
export const askNixBin = join(repoRoot, "bin/ask-nix.mjs")

/** Builds ask-nix when dist/ is missing (npm test builds first; a single test file may not). */
export const ensureBuilt = (): void => {
  if (!existsSync(join(repoRoot, "dist/ask-nix.cjs"))) spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "ignore" })
}
