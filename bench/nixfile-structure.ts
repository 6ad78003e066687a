// Checks the parser's grouping against Nix's own parser over real files: each file and a copy with every
// compound expression parenthesized must give the same `nix-instantiate --parse` output (see
// test/support/parenthesize.ts). Use Nix 2.26: 2.8 prints attribute sets in symbol-address order.
//   node bench/bundled.mjs bench/nixfile-structure.ts [subfolder] [nix-bin-dir]
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { nixFiles, nixosTrees } from "../test/support/nixosTrees.js"
import { compareGrouping } from "../test/support/parenthesize.js"

const trees = nixosTrees()
const sub = process.argv[2] ?? "nixos"
const binDir = process.argv[3] ?? "/opt/nix-modern/bin"
const files = nixFiles(join(trees.nixpkgs, sub))
const mirror = mkdtempSync(join(tmpdir(), "ask-nix-paren-"))
const env = { ...process.env, NIX_CONFIG: "experimental-features = nix-command flakes\nsandbox = false\nbuild-users-group =\nsubstituters =" }
const started = performance.now()
const report = compareGrouping(files, trees.nixpkgs, join(binDir, "nix-instantiate"), env, mirror)
rmSync(mirror, { recursive: true, force: true })
console.log(`${files.length} files under ${sub || "the whole tree"} (nix-instantiate in ${binDir}): same structure ${report.same}, ` +
  `different ${report.different.length}, rejected by Nix ${report.rejected.length}; ${((performance.now() - started) / 1000).toFixed(1)} s`)
for (const f of report.different.slice(0, 30)) console.log(`  different: ${f}`)
for (const f of report.rejected.slice(0, 30)) console.log(`  rejected by Nix itself: ${f}`)
