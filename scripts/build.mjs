// Builds what ask-nix runs:
// - dist/ask-nix.cjs: the CLI bundled into one CommonJS file, ending with its build id (a hash of the
//   bundle) so that a startup snapshot can tell whether it was built from this very bundle;
// - dist/ask-nix.data: the data tables the bundle reads when it first needs them (scripts/bundledData.mjs);
// - dist/ask-nix.cjs.cache: a V8 code cache for it, so that a plain start (bin/ask-nix.mjs) skips most
//   parsing and compiling (about a third off every call);
// - dist/ask-nix.blob: a V8 startup snapshot of the initialised and warmed-up program (src/bin.ts,
//   src/layers/startupSnapshot.ts); dist/ask-nix-read.blob: the same program warmed up on search and
//   list alone, which bin/ask-nix starts for those (smaller: they start sooner); dist/ask-nix.blob.args:
//   the Node executable that made them, the V8 flags they were made with and the machine
//   (/etc/machine-id), which bin/ask-nix checks and passes. Set ASK_NIX_SNAPSHOT=0 to skip them.
import { build } from "esbuild"
import { bundledData } from "./bundledData.mjs"
import { deepImports } from "./deepImports.mjs"
import { lazyBuiltins } from "./lazyBuiltins.mjs"
import { trimCodeCache } from "./snapshotCodeCache.mjs"
import { snapshotFlags } from "./snapshotFlags.mjs"
import { execFileSync, spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const bundle = "dist/ask-nix.cjs"
const blob = "dist/ask-nix.blob"
const readBlob = "dist/ask-nix-read.blob"

if (existsSync("scripts/gen-plugins.mjs")) execFileSync(process.execPath, ["scripts/gen-plugins.mjs"], { stdio: "inherit" })

rmSync("dist", { recursive: true, force: true })

await build({
  entryPoints: { "ask-nix": "src/bin.ts" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  plugins: [bundledData("dist/ask-nix.data"), deepImports]
})
// esbuild writes every non-ASCII character of strings and templates as an escape, but leaves those in
// regular expression literals as they are (two regexes match curly quotes). One such character makes
// V8 hold the whole source as a two-byte string: 2.8 MB instead of 1.4 MB in the startup snapshot
// that every call deserialises (measured: about 5 ms of each start). Written as \u escapes they mean
// the same in any literal, comment or regex (a character outside the BMP as its surrogate pair, which
// a regex with the u flag reads as the one character).
writeFileSync(bundle, lazyBuiltins(readFileSync(bundle, "utf8")).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))
appendFileSync(bundle, `\n//# askNixBuild=${createHash("sha256").update(readFileSync(bundle)).digest("hex")}\n`)

// Warm the code cache on the path every call takes (CLI, parser, layers); no Nix, no index.
execFileSync(process.execPath, ["bin/ask-nix.mjs", "--index", "/nonexistent/ask-nix-index", "parse", "install firefox"], {
  stdio: "ignore",
  env: { ...process.env, ASK_NIX_WRITE_CODE_CACHE: "1" }
})

/**
 * The world the snapshot's warm-up runs on (src/layers/snapshotWarmUp.ts): a package index of three
 * packages, built by a plain run of the bundle, and a profile whose one generation is a plain folder
 * with a manifest.json as `nix profile` writes it.
 */
const makeWarmUpWorld = () => {
  const world = mkdtempSync(join(tmpdir(), "ask-nix-warm-up-"))
  try {
    fillWarmUpWorld(world)
  } catch (e) {
    rmSync(world, { recursive: true, force: true })
    throw e
  }
  return world
}
const fillWarmUpWorld = (world) => {
  const pkg = (pname, version, description) => ({ name: `${pname}-${version}`, pname, version, meta: { description, mainProgram: pname } })
  writeFileSync(join(world, "packages.json"), JSON.stringify({
    firefox: pkg("firefox", "120.0", "A web browser built from Firefox source tree"),
    hello: pkg("hello", "2.12", "A program that produces a familiar, friendly greeting"),
    ripgrep: pkg("ripgrep", "14.0.3", "A utility that combines the usability of The Silver Searcher with the raw speed of grep")
  }))
  execFileSync(process.execPath, ["bin/ask-nix.mjs", "--index", join(world, "index"), "--json", "index", "build", "--from", join(world, "packages.json")], { stdio: "ignore" })
  const generation = join(world, "store", "00000000000000000000000000000000-profile")
  mkdirSync(generation, { recursive: true })
  writeFileSync(join(generation, "manifest.json"), JSON.stringify({
    version: 3,
    elements: { hello: { active: true, priority: 5, storePaths: ["/nix/store/00000000000000000000000000000000-hello-2.12"] } }
  }))
  symlinkSync(generation, join(world, "profile-1-link"))
  symlinkSync("profile-1-link", join(world, "profile"))
}

/**
 * Builds the snapshot `out` (dist/ask-nix.blob or dist/ask-nix-read.blob), warmed up on `calls`
 * (src/layers/snapshotWarmUp.ts: "all", or "read" for search and list), and writes it under a temporary
 * name first: bin/ask-nix never sees half a snapshot. The warm-up runs on `world` (makeWarmUpWorld).
 */
const buildSnapshot = (out, calls, world) => {
  const run = spawnSync(process.execPath, [...snapshotFlags, "--snapshot-blob", `${out}.tmp`, "--build-snapshot", bundle], {
    encoding: "utf8", env: { ...process.env, ASK_NIX_WARM_UP_WORLD: world, ASK_NIX_WARM_UP_CALLS: calls }
  })
  // Node warns about every builtin it has not vetted for snapshots. The bundle loads child_process,
  // readline and tty on first use (scripts/lazyBuiltins.mjs), so the warm-up does not load them today;
  // should one of its calls come to, they are used only after deserialisation, and the tests of the
  // shipped binary (processes, Ctrl-C, a prompt on a terminal) run from the snapshot. Other warnings
  // are shown.
  const known = /\(node:\d+\) Warning: It's not yet fully verified whether built-in module "node:(child_process|readline|tty)"[^]*?issues\n|\(Use `node --trace-warnings[^\n]*\n|Deleting Error.stackTraceLimit[^\n]*\n/g
  process.stderr.write((run.stderr ?? "").replace(known, ""))
  if (run.status !== 0) throw new Error(`building the startup snapshot ${out} failed (exit ${run.status}): ${run.error ?? "see above"}`)
  // Node's code cache for the built-ins no call loads, which every start would read (scripts/snapshotCodeCache.mjs).
  // The trimmed blob is used only when Node starts from it and the program answers as built.
  const trimmed = trimCodeCache(readFileSync(`${out}.tmp`))
  if (trimmed === undefined) console.log("ask-nix: the startup snapshot's layout is not Node 20's: its built-ins' code cache is kept whole")
  else {
    writeFileSync(`${out}.trimmed`, trimmed.blob)
    const version = JSON.parse(readFileSync("package.json", "utf8")).version
    const check = spawnSync(process.execPath, ["--snapshot-blob", `${out}.trimmed`, ...snapshotFlags, bundle, "--version"], { encoding: "utf8" })
    if (check.status === 0 && check.stdout.trim() === version) renameSync(`${out}.trimmed`, `${out}.tmp`)
    else {
      rmSync(`${out}.trimmed`, { force: true })
      console.log(`ask-nix: the startup snapshot without its built-ins' code cache did not start (exit ${check.status}): the cache is kept whole`)
    }
  }
}

if (process.env.ASK_NIX_SNAPSHOT !== "0") {
  // Two snapshots of the same bundle, under the same flags: the whole warm-up, and one warmed up on
  // search and list alone, which bin/ask-nix starts for those two (src/layers/snapshotWarmUp.ts says why).
  const world = makeWarmUpWorld()
  try {
    buildSnapshot(blob, "all", world)
    buildSnapshot(readBlob, "read", world)
  } finally {
    rmSync(world, { recursive: true, force: true })
  }
  renameSync(`${blob}.tmp`, blob)
  renameSync(`${readBlob}.tmp`, readBlob)
  const machine = existsSync("/etc/machine-id") ? readFileSync("/etc/machine-id", "utf8").split("\n")[0] : ""
  writeFileSync(`${blob}.args.tmp`, `${process.execPath}\n${snapshotFlags.join(" ")}\n${machine}\n`)
  renameSync(`${blob}.args.tmp`, `${blob}.args`)
}
