/**
 * backendMs of the native backend against the `nix profile` subprocess backend, on the same real
 * profile, for list, generations and clean's dry-run preview. Each sample is a fresh backend, as in one
 * ask-nix run. Run: npx tsx bench/native.ts   (needs Nix; starts and stops its own nix-daemon)
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { NodeContext } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { execFileSync, spawn } from "node:child_process"
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { cleanPreview } from "../src/layers/backends/native/cleanPreview.js"
import { makeNativeBackend } from "../src/layers/backends/native/NativeBackend.js"
import { decodeSnapshot, encodeSnapshot } from "../src/domain/daemon/PathInfoCache.js"
import { NixEnvBackend } from "../src/layers/backends/nixenv/NixEnvBackend.js"
import { ProfileBackend } from "../src/layers/backends/profile/ProfileBackend.js"
import type { Backend } from "../src/services/Backend.js"
import { Clean, Generations, List, type Intent } from "../src/domain/Intent.js"
import { NixLiveWith } from "../src/layers/NixLive.js"
import { SettingsTest } from "../src/layers/SettingsTest.js"
import { DryRunPolicyDry } from "../src/layers/DryRunPolicyLive.js"
import { ProfileInspectorLive } from "../src/layers/ProfileInspectorLive.js"
import { NetworkProbeLive } from "../src/layers/NetworkProbeLive.js"
import { makeHistoryMemory } from "../src/layers/HistoryMemory.js"

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
  mkdirSync(join(dir, "env"))
  const envProfile = join(dir, "env", "profile")
  for (const attr of ["greet", "hello", "slow"]) {
    nixRun(["nix", "profile", "install", "--profile", profile, `path:${pkgs}#${attr}`])
    nixRun(["nix-env", "-p", envProfile, "-f", pkgs, "-iA", attr])
  }
  const socketPath = join(dir, "daemon.socket")
  const daemon = spawn(join(binDir, "nix-daemon"), [], { detached: true, stdio: "ignore", env: { ...env, NIX_DAEMON_SOCKET_PATH: socketPath } })
  while (!existsSync(socketPath)) await new Promise((r) => setTimeout(r, 20))

  const layer = (p: string) => Layer.mergeAll(
    NixLiveWith({ binDir, env: { NIX_CONFIG: configFor(binDir) } }).pipe(Layer.provide(Layer.merge(NodeContext.layer, DryRunPolicyDry))),
    DryRunPolicyDry,
    ProfileInspectorLive,
    NetworkProbeLive,
    makeHistoryMemory().layer,
    SettingsTest({ profile: p, file: p === profile ? undefined : pkgs, flake: `path:${pkgs}` }),
    NodeFileSystem.layer
  )
  const backendFor = (p: string): Effect.Effect<Backend, never, Layer.Layer.Success<ReturnType<typeof layer>>> =>
    p === profile ? ProfileBackend : NixEnvBackend
  const subprocess = (p: string, intent: Intent) => () =>
    Effect.runPromise(Effect.flatMap(backendFor(p), (b) => b.serve(intent)).pipe(Effect.provide(layer(p))))
  const native = (p: string, intent: Intent) => () =>
    Effect.runPromise(makeNativeBackend({ profile: p, index: undefined, daemon: { socketPath } }).serve(intent))
  const preview = (p: string) => () => Effect.runPromise(cleanPreview(p, undefined, { socketPath }))
  const cacheFile = join(dir, "store-snapshot")
  // Nix's database unchanged since the last preview: the snapshot alone answers.
  const sources = new Set<string>()
  const cachedPreview = (p: string) => () =>
    Effect.runPromise(cleanPreview(p, undefined, { socketPath, cacheFile })).then((r) => sources.add(r.source))
  // The database changed since (marked stale here): the daemon lists the valid paths and is asked
  // only about new ones.
  const staleFile = join(dir, "store-snapshot-stale")
  const staleSnapshot = async () => {
    await cachedPreview(profile)()
    const s = decodeSnapshot(readFileSync(cacheFile))!
    writeFileSync(staleFile, encodeSnapshot({ ...s, dbKey: "stale" }))
  }
  const stalePreview = (p: string) => async () => {
    await Effect.runPromise(cleanPreview(p, undefined, { socketPath, cacheFile: staleFile }))
    copyFileSync(`${staleFile}.orig`, staleFile)
  }

  await staleSnapshot()
  copyFileSync(staleFile, `${staleFile}.orig`)
  const p = await preview(profile)()
  console.log(`\nNix ${version} (${binDir}); profiles with 3 generations; clean preview: ${p.note}`)
  console.log("profile   intent           native ms   subprocess ms   speed-up   (medians of " + samples + ", fresh backend each)")
  for (const [kind, prof] of [["profile", profile], ["nix-env", envProfile]] as const) {
    for (const [name, n, s] of [
      ["list", native(prof, new List()), subprocess(prof, new List())],
      ["generations", native(prof, new Generations()), subprocess(prof, new Generations())],
      ["clean preview", preview(prof), subprocess(prof, new Clean({}))],
      ["  db changed", stalePreview(prof), subprocess(prof, new Clean({}))],
      ["  unchanged", cachedPreview(prof), subprocess(prof, new Clean({}))]
    ] as const) {
      await n(); await s() // warm the file cache and the JIT once
      const nm = await time(n)
      const sm = await time(s)
      console.log(`${kind.padEnd(9)} ${name.padEnd(14)} ${nm.toFixed(2).padStart(11)}   ${sm.toFixed(1).padStart(13)}   ${(sm / nm).toFixed(0).padStart(6)}x`)
    }
  }
  console.log(`(the "unchanged" previews were answered by: ${[...sources].join(", ")})`)
  try { process.kill(-daemon.pid!, "SIGTERM") } catch { /* gone */ }
  rmSync(dir, { recursive: true, force: true })
}
