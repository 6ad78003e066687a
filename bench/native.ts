/**
 * backendMs of the native backend against the `nix profile` subprocess backend, on the same real
 * profile, for list, generations and clean's dry-run preview. Each sample is a fresh backend, as in one
 * ask-nix run. Run: npx tsx bench/native.ts   (needs Nix; starts and stops its own nix-daemon)
 */
import { NodeContext } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { execFileSync, spawn } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { cleanPreview } from "../src/backends/native/cleanPreview.js"
import { makeNativeBackend } from "../src/backends/native/NativeBackend.js"
import { ProfileBackend } from "../src/backends/profile/ProfileBackend.js"
import { Clean, Generations, List, type Intent } from "../src/domain/Intent.js"
import { NixLiveWith } from "../src/layers/NixLive.js"
import { SettingsTest } from "../src/layers/SettingsTest.js"
import { DryRunPolicyDry } from "../src/services/DryRunPolicy.js"

const binDirs = (process.env["ASK_NIX_TEST_NIX_BINS"] ?? "/usr/bin:/opt/nix-modern/bin").split(":").filter((d) => existsSync(join(d, "nix")))
const samples = Number(process.env["BENCH_SAMPLES"] ?? 9)
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const configFor = (binDir: string) =>
  ["experimental-features = nix-command flakes", "sandbox = false", "build-users-group =", "substituters =", "warn-dirty = false",
    ...(binDir !== "/usr/bin" ? ["build-hook ="] : [])].join("\n")

const time = async (f: () => Promise<unknown>) => {
  const ts: Array<number> = []
  for (let i = 0; i < samples; i++) {
    const t = performance.now()
    await f()
    ts.push(performance.now() - t)
  }
  return median(ts)
}

for (const binDir of binDirs) {
  const env = { ...process.env, NIX_CONFIG: configFor(binDir), PATH: `${binDir}:${process.env["PATH"]}` }
  const nixRun = (argv: Array<string>) => execFileSync(join(binDir, argv[0]!), argv.slice(1), { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
  const version = nixRun(["nix", "--version"]).trim()
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-bench-native-"))
  const pkgs = join(dir, "pkgs")
  cpSync(resolve(import.meta.dirname ?? ".", "../test/fixtures/pkgs"), pkgs, { recursive: true })
  writeFileSync(join(pkgs, "salt.nix"), JSON.stringify(`bench-${Date.now()}`))
  mkdirSync(join(dir, "profiles"))
  const profile = join(dir, "profiles", "profile")
  for (const attr of ["greet", "hello", "slow"]) nixRun(["nix", "profile", "install", "--profile", profile, `path:${pkgs}#${attr}`])
  const socketPath = join(dir, "daemon.socket")
  const daemon = spawn(join(binDir, "nix-daemon"), [], { detached: true, stdio: "ignore", env: { ...env, NIX_DAEMON_SOCKET_PATH: socketPath } })
  while (!existsSync(socketPath)) await new Promise((r) => setTimeout(r, 20))

  const layer = Layer.mergeAll(
    NixLiveWith({ binDir, env: { NIX_CONFIG: configFor(binDir) } }).pipe(Layer.provide(Layer.merge(NodeContext.layer, DryRunPolicyDry))),
    DryRunPolicyDry,
    SettingsTest({ profile, file: undefined, flake: `path:${pkgs}` })
  )
  const subprocess = (intent: Intent) => () =>
    Effect.runPromise(Effect.flatMap(ProfileBackend, (b) => b.serve(intent)).pipe(Effect.provide(layer)))
  const native = (intent: Intent) => () =>
    Effect.runPromise(makeNativeBackend({ profile, index: undefined, daemon: { socketPath } }).serve(intent))
  const preview = () => Effect.runPromise(cleanPreview(profile, undefined, { socketPath }))
  const cacheFile = join(dir, "path-info-cache.json")
  const cachedPreview = () => Effect.runPromise(cleanPreview(profile, undefined, { socketPath, cacheFile }))

  const p = await preview()
  console.log(`\nNix ${version} (${binDir}); nix profile with 3 generations; clean preview: ${p.note}`)
  console.log("intent        native ms   subprocess ms   speed-up   (medians of " + samples + ", fresh backend each)")
  for (const [name, n, s] of [
    ["list", native(new List()), subprocess(new List())],
    ["generations", native(new Generations()), subprocess(new Generations())],
    ["clean preview", preview, subprocess(new Clean({}))],
    ["  (cached)", cachedPreview, subprocess(new Clean({}))]
  ] as const) {
    await n(); await s() // warm the file cache and the JIT once
    const nm = await time(n)
    const sm = await time(s)
    console.log(`${name.padEnd(13)} ${nm.toFixed(2).padStart(9)}   ${sm.toFixed(1).padStart(13)}   ${(sm / nm).toFixed(0).padStart(6)}x`)
  }
  try { process.kill(-daemon.pid!, "SIGTERM") } catch { /* gone */ }
  rmSync(dir, { recursive: true, force: true })
}
