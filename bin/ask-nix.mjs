#!/usr/bin/env node
// The bundled CLI (npm run build writes dist/). Falls back to a clear message when it was not built.
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
const main = new URL("../dist/main.js", import.meta.url)
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("ask-nix is not built yet. Run: npm install && npm run build\n")
  process.exit(1)
}
await import(main.href)
