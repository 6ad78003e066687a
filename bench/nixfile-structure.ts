// Checks the parser's grouping against Nix's own parser over real files: each file and a copy with every
// compound expression parenthesized (test/support/parenthesize.ts) must give the same `nix-instantiate
// --parse` output. Copies go to a mirror folder with the same layout, so relative paths resolve alike.
//   node bench/bundled.mjs bench/nixfile-structure.ts [subfolder] [nix-bin-dir]
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, relative } from "node:path"
import { parseNix } from "../src/domain/nixfile/parseNix.js"
import { nixosTrees } from "../test/support/nixosTrees.js"
import { parenthesize } from "../test/support/parenthesize.js"

const trees = nixosTrees()
const sub = process.argv[2] ?? "nixos"
const binDir = process.argv[3] ?? "/usr/bin"
const root = join(trees.nixpkgs, sub)
const files: Array<string> = []
const walk = (dir: string): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else if (e.name.endsWith(".nix")) files.push(p)
  }
}
walk(root)
const mirror = mkdtempSync(join(tmpdir(), "ask-nix-paren-"))
const env = { ...process.env, NIX_CONFIG: "experimental-features = nix-command flakes\nsandbox = false\nbuild-users-group =\nsubstituters =" }

const parseOut = (paths: ReadonlyArray<string>): Array<string> | undefined => {
  try {
    const out = execFileSync(join(binDir, "nix-instantiate"), ["--parse", ...paths], { env, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] })
    return out.split("\n").filter((l) => l !== "")
  } catch {
    return undefined
  }
}

let same = 0
let different = 0
let nixRejects = 0
const report: Array<string> = []
const started = performance.now()
for (let i = 0; i < files.length; i += 400) {
  const batch = files.slice(i, i + 400)
  const copies = batch.map((f) => {
    const r = parseNix(readFileSync(f, "utf8"))
    if (!r.ok) throw new Error(`${f}: ${r.error.message}`)
    const copy = join(mirror, relative(trees.nixpkgs, f))
    mkdirSync(dirname(copy), { recursive: true })
    writeFileSync(copy, parenthesize(r.root))
    return copy
  })
  let a = parseOut(batch)
  let b = parseOut(copies)
  const one = (p: string) => parseOut([p])?.[0]
  if (a === undefined || b === undefined || a.length !== batch.length || b.length !== batch.length) {
    a = batch.map((p) => one(p) ?? "<rejected>")
    b = copies.map((p) => one(p) ?? "<rejected>")
  }
  batch.forEach((f, j) => {
    const x = a[j]!
    const y = b[j]!.split(mirror).join(trees.nixpkgs)
    if (x === "<rejected>") {
      nixRejects++
      report.push(`${relative(trees.nixpkgs, f)} (Nix rejects the file itself)`)
    }
    else if (x === y) same++
    else {
      different++
      report.push(`${relative(trees.nixpkgs, f)}: different`)
    }
  })
}
rmSync(mirror, { recursive: true, force: true })
console.log(`${files.length} files under ${sub} (nix-instantiate in ${binDir}): same structure ${same}, different ${different}, ` +
  `rejected by Nix ${nixRejects}; ${((performance.now() - started) / 1000).toFixed(1)} s`)
for (const r of report.slice(0, 30)) console.log(`  ${r}`)
