// Runs a TypeScript benchmark the way ask-nix ships: bundled by esbuild (with the same deep-import
// rewrite as scripts/build.mjs), not through tsx, whose per-module getters slow hot loops 2-4x.
//   node bench/bundled.mjs bench/parser.ts
import { build } from "esbuild"
import { spawnSync } from "node:child_process"
import { basename, join } from "node:path"
import { deepImports } from "../scripts/deepImports.mjs"

const [entry, ...args] = process.argv.slice(2)
if (entry === undefined) { console.error("usage: node bench/bundled.mjs bench/NAME.ts [args]"); process.exit(2) }
// .bench-out/x/ keeps `../..` pointing at the repository root for files that locate it from their path.
const outfile = join(".bench-out", "x", basename(entry).replace(/\.ts$/, ".mjs"))
await build({
  entryPoints: [entry], bundle: true, platform: "node", target: "node20", format: "esm", outfile,
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  plugins: [deepImports], logLevel: "error", packages: "bundle"
})
process.exit(spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit" }).status ?? 1)
