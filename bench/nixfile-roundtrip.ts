// Parses every .nix file of the real nixpkgs 19.09 tree (extracted once, see test/support/nixosTrees.ts)
// with ask-nix's Nix parser and checks that printing the tree gives the file back byte for byte.
//   node bench/bundled.mjs bench/nixfile-roundtrip.ts [subfolder]
import { readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { parseNix } from "../src/domain/nixfile/parseNix.js"
import { printTree } from "../src/domain/nixfile/syntax.js"
import { nixFiles, nixosTrees } from "../test/support/nixosTrees.js"

const trees = nixosTrees()
const root = join(trees.nixpkgs, process.argv[2] ?? "")
const files = nixFiles(root)
const texts = files.map((f) => readFileSync(f, "utf8"))
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)

let failed = 0
let mismatched = 0
const failures: Array<string> = []
const started = performance.now()
texts.forEach((text, i) => {
  const r = parseNix(text)
  if (!r.ok) {
    failed++
    failures.push(`${relative(trees.nixpkgs, files[i]!)}:${r.error.line}:${r.error.column}: ${r.error.message}`)
  } else if (printTree(r.root) !== text) {
    mismatched++
    failures.push(`${relative(trees.nixpkgs, files[i]!)}: printed tree differs`)
  }
})
const ms = performance.now() - started
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB: parsed and printed in ${ms.toFixed(0)} ms ` +
  `(${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s); syntax errors ${failed}, round-trip mismatches ${mismatched}` +
  (trees.extractMs > 0 ? `; trees extracted in ${trees.extractMs.toFixed(0)} ms` : ""))
for (const f of failures.slice(0, 40)) console.log(`  ${f}`)
