// Bundles the CLI into dist/ so that start-up pays for one file instead of hundreds of modules.
// Rarely used parts stay in separate chunks (dynamic imports), loaded only when needed.
import { build } from "esbuild"
import { execFileSync } from "node:child_process"
import { existsSync, rmSync } from "node:fs"

if (existsSync("scripts/gen-plugins.mjs")) execFileSync(process.execPath, ["scripts/gen-plugins.mjs"], { stdio: "inherit" })

rmSync("dist", { recursive: true, force: true })

await build({
  entryPoints: { main: "src/bin.ts" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  splitting: true,
  outdir: "dist",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  logLevel: "warning"
})
