// Runs a TypeScript benchmark the way ask-nix ships: bundled by esbuild (with the same deep-import
// rewrite as scripts/build.mjs), not through tsx, whose per-module getters slow hot loops 2-4x.
//   node bench/bundled.mjs bench/parser.ts
// Each module keeps its own import.meta.url / import.meta.dirname, so files that find the repository
// from their own location still do.
import { build } from "esbuild"
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import { rewrite } from "../scripts/deepImports.mjs"

const [entry, ...args] = process.argv.slice(2)
if (entry === undefined) { console.error("usage: node bench/bundled.mjs bench/NAME.ts [args]"); process.exit(2) }
const outfile = join(".bench-out", basename(entry).replace(/\.ts$/, ".mjs"))
const ownLocation = {
  name: "own-location",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (a) => {
      if (a.path.includes("node_modules")) return undefined
      const text = rewrite(readFileSync(a.path, "utf8"))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(a.path)))
      return { contents: text, loader: "ts" }
    })
  }
}
await build({
  entryPoints: [entry], bundle: true, platform: "node", target: "node20", format: "esm", outfile,
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  plugins: [ownLocation], logLevel: "error", external: ["esbuild"]
})
process.exit(spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit" }).status ?? 1)
