/**
 * Detect how home-manager runs for this user, cheapest evidence first:
 * 1. the NixOS module's unit `etc/systemd/system/home-manager-<user>.service` exists: module;
 * 2. on NixOS, the system configuration mentions home-manager and, evaluated, gives this user a
 *    `home-manager.users.<user>` entry: module (configured, perhaps not switched to yet);
 * 3. the `home-manager` command, a generation profile, a home.nix or a home-manager flake: standalone;
 * 4. none of these: HomeManagerNotFound, saying what was looked at.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Schema } from "effect"
import * as path from "node:path"
import { HomeManagerNotFound, type FileError } from "../../../domain/errors.js"
import type { HomeInfo } from "../../../domain/home/HomeInfo.js"
import { homePaths, type HomePaths } from "../../../domain/home/HomePaths.js"
import { flakeHomeUsersArgv, systemHomeUsersArgv } from "../../../domain/home/homeEvalArgv.js"
import { parseEvalError } from "../../../domain/system/evalError.js"
import type { SystemInfo } from "../../../domain/system/SystemInfo.js"
import type { NixShape } from "../../../services/Nix.js"
import type { SettingsShape } from "../../../services/Settings.js"
import { detectNixEnvironment } from "../common/NixEnvironment.js"
import { exists, readLink, readTextIfExists } from "../../system/files.js"

const Names = Schema.parseJson(Schema.Array(Schema.String))
const decodeNames = Schema.decodeUnknownEither(Names)

/** Evaluating a system configuration takes a second or two; a stuck one should not hang the request. */
const evalTimeoutMs = 120_000

const firstExisting = (paths: ReadonlyArray<string>): Effect.Effect<string | undefined, never, FileSystem.FileSystem> =>
  Effect.reduce(paths, undefined as string | undefined, (found, p) =>
    found !== undefined ? Effect.succeed(found) : Effect.map(exists(p), (e) => (e ? p : undefined)))

/** Users the system configuration gives to home-manager, or why that could not be told. */
const systemHomeUsers = (nix: NixShape, system: SystemInfo): Effect.Effect<{ users: ReadonlyArray<string> } | { why: string } | undefined, FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const file = system.config._tag === "flake" ? path.join(system.config.dir, "flake.nix") : system.config.file
    const text = yield* readTextIfExists(file)
    // Only a configuration that mentions home-manager can use its module: no evaluation otherwise.
    if (text === undefined || !text.includes("home-manager")) return undefined
    let argv = systemHomeUsersArgv(file)
    if (system.config._tag === "flake") {
      const env = yield* Effect.either(detectNixEnvironment(nix, "home-manager"))
      argv = flakeHomeUsersArgv(system.config.dir, system.config.host, env._tag === "Left" || env.right.experimental)
    }
    const r = yield* nix.exec({ argv, mutating: false, timeoutMs: evalTimeoutMs }).pipe(Effect.either)
    if (r._tag === "Left") return { why: `${argv[0]} could not run (${r.left._tag})` }
    if (r.right.exitCode !== 0) {
      const info = parseEvalError(r.right.stderr)
      return { why: `evaluating ${file} failed: ${info?.message[0] ?? r.right.stderr.trim().split("\n").slice(-1)[0] ?? `exit code ${r.right.exitCode}`}` }
    }
    const names = decodeNames(r.right.stdout.trim())
    return names._tag === "Right" ? { users: names.right } : { why: `evaluating ${file} printed no list of users` }
  })

/** The profile home-manager uses: the first whose link exists, else the first whose folder exists (home-manager's own rule). */
const chooseProfile = (p: HomePaths): Effect.Effect<string, never, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const linked = yield* Effect.reduce(p.profiles, undefined as string | undefined, (found, candidate) =>
      found !== undefined ? Effect.succeed(found) : Effect.map(readLink(candidate), (t) => (t !== undefined ? candidate : undefined)))
    if (linked !== undefined) return linked
    return (yield* firstExisting(p.profiles.map((c) => path.dirname(c))).pipe(
      Effect.map((dir) => (dir === undefined ? undefined : path.join(dir, "home-manager"))))) ?? p.profiles[p.profiles.length - 1]!
  })

export const detectHome = (
  nix: NixShape,
  settings: SettingsShape,
  system: Effect.Effect<SystemInfo, unknown>
): Effect.Effect<HomeInfo, HomeManagerNotFound | FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const user = settings.userDirs.user
    const p = homePaths(settings.userDirs, settings.root)
    const command = yield* nix.which("home-manager")
    const profile = yield* chooseProfile(p)
    const hasGenerations = (yield* readLink(profile)) !== undefined
    const configFile = yield* firstExisting(p.configFiles)
    const flakeDir = yield* Effect.map(firstExisting(p.flakeDirs.map((d) => path.join(d, "flake.nix"))), (f) => (f === undefined ? undefined : path.dirname(f)))
    const base = { user, paths: p, profile, command, configFile, flakeDir }

    if (yield* exists(p.moduleUnit)) return { ...base, mode: "module", reason: `${p.moduleUnit} exists, the NixOS module's unit for ${user}` } satisfies HomeInfo
    const looked: Array<string> = [`${p.moduleUnit}: missing`]
    const sys = yield* Effect.either(system)
    if (sys._tag === "Right" && sys.right.isNixOS) {
      const declared = yield* systemHomeUsers(nix, sys.right)
      if (declared !== undefined && "users" in declared && declared.users.includes(user)) {
        return { ...base, mode: "module", reason: `the system configuration sets home-manager.users.${user}` } satisfies HomeInfo
      }
      looked.push(declared === undefined
        ? "the system configuration: does not mention home-manager"
        : "why" in declared ? `the system configuration: ${declared.why}` : `the system configuration: home-manager.users has ${declared.users.join(", ") || "no users"}`)
    }
    const found = [
      ...(command !== undefined ? [`the home-manager command (${command})`] : []),
      ...(hasGenerations ? [`generations in ${path.dirname(profile)}`] : []),
      ...(configFile !== undefined ? [configFile] : []),
      ...(flakeDir !== undefined ? [`${flakeDir}/flake.nix`] : [])
    ]
    if (found.length > 0) return { ...base, mode: "standalone", reason: found.join(", ") } satisfies HomeInfo
    return yield* new HomeManagerNotFound({
      user,
      looked: [
        ...looked,
        "home-manager on PATH: missing",
        ...p.profiles.map((x) => `${x}: missing`),
        ...p.configFiles.map((x) => `${x}: missing`),
        ...p.flakeDirs.map((x) => `${x}/flake.nix: missing`)
      ]
    })
  })
