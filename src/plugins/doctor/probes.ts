/** The facts the doctor judges: gathered from Nix (through the Nix service) and the file system. */
import { Effect } from "effect"
import { constants } from "node:fs"
import { access, readFile, stat, statfs } from "node:fs/promises"
import { createConnection } from "node:net"
import { homedir } from "node:os"
import { join } from "node:path"
import { Nix } from "../../services/Nix.js"
import { NetworkProbe } from "../../services/NetworkProbe.js"
import { Settings } from "../../services/Settings.js"
import { hostsOf } from "../../domain/network/remoteHosts.js"
import { xdgDir } from "../../domain/home/HomePaths.js"
import { ProfileInspector } from "../../services/ProfileInspector.js"
import type { DaemonFacts, ProfileFacts } from "./checks.js"
import { atLeast, parseChannels, parseFeatures, parseNixVersion } from "./checks.js"

export interface DoctorPaths {
  readonly socketPath: string
  /** The Nix database folder: writable = single-user install. */
  readonly dbDir: string
  readonly storeDir: string
  /** Local flake registries. */
  readonly registries: ReadonlyArray<string>
  readonly nixRemote: string | undefined
}

export const pathsFromEnv = (env: NodeJS.ProcessEnv = process.env): DoctorPaths => {
  const stateDir = env["NIX_STATE_DIR"] ?? "/nix/var/nix"
  const config = xdgDir(env, "XDG_CONFIG_HOME", homedir())
  return {
    socketPath: env["NIX_DAEMON_SOCKET_PATH"] ?? join(stateDir, "daemon-socket", "socket"),
    dbDir: join(stateDir, "db"),
    storeDir: env["NIX_STORE_DIR"] ?? "/nix/store",
    registries: [join(config, "nix", "registry.json"), "/etc/nix/registry.json"],
    nixRemote: env["NIX_REMOTE"]
  }
}

const QUICK = 10_000

const succeeds = (p: Promise<unknown>) => Effect.promise(() => p.then(() => true, () => false))

export const probeNix = Effect.gen(function*() {
  const nix = yield* Nix
  const path = yield* nix.which("nix")
  const r = yield* nix.exec({ argv: ["nix", "--version"], mutating: false, timeoutMs: QUICK }).pipe(Effect.option)
  const versionOutput = r._tag === "Some" && r.value.exitCode === 0 ? r.value.stdout : undefined
  return { path, versionOutput, version: versionOutput === undefined ? undefined : parseNixVersion(versionOutput) }
})

/** Connects to the daemon socket; gives up after `timeoutMs`. */
export const canConnect = (socketPath: string, timeoutMs = 1000): Effect.Effect<boolean> =>
  Effect.async<boolean>((resume) => {
    const socket = createConnection(socketPath)
    const done = (ok: boolean) => { socket.destroy(); resume(Effect.succeed(ok)) }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
    return Effect.sync(() => socket.destroy())
  })

export const probeDaemon = (paths: DoctorPaths): Effect.Effect<DaemonFacts> =>
  Effect.gen(function*() {
    const socketExists = yield* succeeds(stat(paths.socketPath))
    const connected = socketExists ? yield* canConnect(paths.socketPath) : undefined
    const storeWritable = yield* succeeds(access(paths.dbDir, constants.W_OK))
    return { socketPath: paths.socketPath, socketExists, connected, nixRemote: paths.nixRemote, storeWritable }
  })

export const probeFeatures = (version: readonly [number, number, number] | undefined) =>
  Effect.gen(function*() {
    const nix = yield* Nix
    const argv = atLeast(version, 2, 20) ? ["nix", "config", "show"] : ["nix", "show-config"]
    const r = yield* nix.exec({ argv, mutating: false, timeoutMs: QUICK }).pipe(Effect.either)
    if (r._tag === "Left") return { error: r.left._tag }
    // Nix refuses `nix show-config` itself when nix-command is off: then nothing is enabled.
    if (/experimental Nix feature 'nix-command' is disabled/.test(r.right.stderr)) return { features: [] }
    if (r.right.exitCode !== 0) return { error: (r.right.stderr.split("\n").find((l) => l.includes("error")) ?? `exit ${r.right.exitCode}`).trim() }
    return { features: parseFeatures(r.right.stdout) }
  }).pipe(Effect.catchAll((e) => Effect.succeed({ error: String(e) })))

export const probeSources = (paths: DoctorPaths, features: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const nix = yield* Nix
    const r = yield* nix.exec({ argv: ["nix-channel", "--list"], mutating: false, timeoutMs: QUICK }).pipe(Effect.option)
    const channels = r._tag === "Some" && r.value.exitCode === 0 ? parseChannels(r.value.stdout) : []
    const local = yield* Effect.forEach(paths.registries, (f) =>
      Effect.promise(() => readFile(f, "utf8").then((t) => /"id"\s*:\s*"nixpkgs"/.test(t), () => false)))
    // With flakes on, "nixpkgs" resolves through the global registry (online) unless a local one pins it.
    return { channels, registryHasNixpkgs: local.some((x) => x) || features.includes("flakes") }
  }).pipe(Effect.catchAll(() => Effect.succeed({ channels: [], registryHasNixpkgs: undefined })))

/** The profile's kind, its manifest version, and the kinds of all its generations (through the ProfileInspector). */
export const probeProfile = (profile: string, nixVersion: readonly [number, number, number] | undefined) =>
  Effect.gen(function*() {
    const inspector = yield* ProfileInspector
    const info = yield* inspector.inspect(profile)
    const generationKinds = yield* Effect.forEach(info.generations, (g) => inspector.kindOf(profile, g.number))
    return {
      path: profile,
      current: info.kind,
      manifestVersion: info.kind === "profile" && typeof info.manifest === "object" ? info.manifest.version : undefined,
      generationKinds,
      nixVersion
    } satisfies ProfileFacts
  })

export const probeDisk = (storeDir: string) =>
  Effect.tryPromise(() => statfs(storeDir)).pipe(
    Effect.map((s) => ({ path: storeDir, freeBytes: s.bavail * s.bsize })),
    Effect.catchAll((e) => Effect.succeed({ path: storeDir, error: String(e.error) }))
  )

export const probeIndexMtime = (index: string) =>
  Effect.promise(() => stat(index).then((s) => s.mtimeMs, () => undefined))

/** The package source (--file, else the flake) and whether its hosts answer, within the probe's time limit. */
export const probeNetwork = Effect.gen(function*() {
  const settings = yield* Settings
  const source = settings.file ?? settings.flake
  const hosts = settings.file === undefined ? hostsOf(settings.flake) : []
  if (hosts.length === 0) return { source, local: true as const }
  return { source, local: false as const, reach: yield* (yield* NetworkProbe).reach(hosts) }
})
