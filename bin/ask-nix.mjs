#!/usr/bin/env node
// Loads the bundled CLI (dist/ask-nix.cjs, written by `npm run build`) with a V8 code cache, so that
// start-up does not re-parse and re-compile the bundle on every call. A cache made by another Node
// version is rejected by V8 (and then refreshed when the folder is writable); the CLI runs either way.
// The installed command is bin/ask-nix, which starts from the startup snapshot when it can and runs
// this file when it cannot.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import Module, { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Script } from "node:vm"

// The oldest Node ask-nix runs on (package.json "engines" says the same): zlib.crc32, which the
// package index checks itself with, came in 20.15.
const [major, minor] = process.versions.node.split(".").map(Number)
if (major < 20 || (major === 20 && minor < 15)) {
  process.stderr.write(`ask-nix needs Node.js 20.15 or newer; this is ${process.versions.node}.\n`)
  process.exit(1)
}

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "ask-nix.cjs")
if (!existsSync(file)) {
  process.stderr.write("ask-nix is not built yet. Run: npm install && npm run build\n")
  process.exit(1)
}
const cacheFile = `${file}.cache`
let cachedData
try { cachedData = readFileSync(cacheFile) } catch {}
const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData })
if (process.env.ASK_NIX_WRITE_CODE_CACHE === "1" || cachedData === undefined || script.cachedDataRejected) {
  process.once("exit", () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(tmp, script.createCachedData())
      renameSync(tmp, cacheFile)
    } catch { /* a read-only install still works, only slower */ }
  })
}
const module = { exports: {} }
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
