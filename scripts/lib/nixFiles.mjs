// The .nix files below a folder, in a stable order (the mining scripts read a whole nixpkgs tree).
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"

export const nixFilesBelow = (root) => {
  const files = []
  const walk = (dir) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e)
      if (statSync(p).isDirectory()) walk(p)
      else if (e.endsWith(".nix")) files.push(p)
    }
  }
  walk(root)
  return files
}
