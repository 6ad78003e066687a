/** Store questions answered through a daemon session: closure size, and what `clean` would free. */
import { Effect, type Scope } from "effect"
import * as fsSync from "node:fs"
import * as fsp from "node:fs/promises"
import * as path from "node:path"
import type { CannotServe } from "../../domain/errors.js"
import { defaultStateDir, findPersistentRoots, findTempRoots } from "./GcRoots.js"
import { databaseFingerprint, folderFingerprint } from "./StoreFingerprint.js"
import {
  deadInTable, defaultGcOptions, mergeTable, reachable, totalNarSize, validRows,
  type DeadSet, type GcOptions, type InfoTable
} from "../../domain/daemon/Closure.js"
import type { DaemonSession } from "./DaemonClient.js"
import type { StrayEntry } from "../../domain/daemon/PathInfoCache.js"
import { loadSnapshot, saveSnapshot } from "./PathInfoCacheFile.js"
import type { GcRoot, PathInfo } from "../../domain/daemon/Protocol.js"

/** Walk references from `paths`, one pipelined batch per level. */
export const closureInfos = (
  session: DaemonSession,
  paths: ReadonlyArray<string>
): Effect.Effect<Map<string, PathInfo>, CannotServe> =>
  Effect.gen(function*() {
    const infos = new Map<string, PathInfo>()
    let frontier = [...new Set(paths)]
    while (frontier.length > 0) {
      const got = yield* session.queryPathInfos(frontier)
      for (const [p, i] of got) infos.set(p, i)
      frontier = [...new Set([...got.values()].flatMap((i) => i.references))].filter((r) => !infos.has(r))
    }
    return infos
  })

export interface PathSizes {
  readonly narSize: number
  readonly closureSize: number
}

/** NAR size of the paths and of their whole closure; undefined when a path is not in the store. */
export const pathSizes = (
  session: DaemonSession,
  paths: ReadonlyArray<string>
): Effect.Effect<PathSizes | undefined, CannotServe> =>
  Effect.map(closureInfos(session, paths), (infos) =>
    paths.every((p) => infos.has(p))
      ? { narSize: totalNarSize(infos, paths), closureSize: totalNarSize(infos, reachable(infos, paths)) }
      : undefined)

/** A store path's file name: 32 base-32 characters, a dash, a name. */
const storeName = /^[0-9a-df-np-sv-z]{32}-[A-Za-z0-9+\-._?=]+$/

/** The store folder's entries (name, is a regular file), or undefined when it is not readable here. */
const readStoreDir = (storeDir: string): Effect.Effect<ReadonlyArray<fsSync.Dirent> | undefined> =>
  Effect.promise(() => fsp.readdir(storeDir, { withFileTypes: true }).catch(() => undefined))

/**
 * Entries of the store folder that look like store paths but are not valid (lock files, leftovers of
 * interrupted builds): the collector deletes them too. Empty when the folder is not readable here.
 */
const strayEntries = (
  storeDir: string,
  entries: ReadonlyArray<fsSync.Dirent> | undefined,
  isValid: (path: string) => boolean
): Array<StrayEntry> => {
  const stray: Array<StrayEntry> = []
  for (const e of entries ?? []) {
    const p = `${storeDir}/${e.name}`
    if (isValid(p) || !storeName.test(e.name)) continue
    let size = 0
    // A few lstat calls: synchronous, faster than a thread-pool round trip each.
    if (e.isFile()) { try { size = fsSync.lstatSync(p).size } catch { size = 0 } }
    stray.push({ path: p, size })
  }
  return stray
}

export interface GcPreview extends DeadSet {
  readonly roots: number
  readonly validPaths: number
  /** Where the valid paths and their infos came from: the daemon, or a snapshot (fully or in part). */
  readonly source: "daemon" | "snapshot" | "snapshot+daemon"
}

export interface GcPreviewOptions {
  /** Generation links a clean deletes first: they stop counting as roots. */
  readonly dropLinks?: ReadonlySet<string> | undefined
  readonly gc?: GcOptions | undefined
  /**
   * "persistent" (default): gcroots and profiles, found in-process (fast; a clean run later does not
   * depend on what runs now). "all": the daemon's FindRoots, which also scans running programs, plus
   * the temporary roots of running Nix processes (as the collector itself counts them).
   */
  readonly roots?: "persistent" | "all" | undefined
  /** Nix's state folder for persistent roots and the database (default $NIX_STATE_DIR or /nix/var/nix). */
  readonly stateDir?: string | undefined
  /**
   * A store snapshot file (PathInfoCache.ts): when Nix's database has not changed since it was written,
   * the daemon is not asked at all; otherwise only for paths that are new since.
   */
  readonly cacheFile?: string | undefined
}

/** A session, or how to open one (then it is opened only when the daemon must be asked). */
export type SessionSource = DaemonSession | Effect.Effect<DaemonSession, CannotServe, Scope.Scope>

const storeDirOf = (p: string | undefined, fallback: string) => (p !== undefined ? path.dirname(p) : fallback)

const sortedMerge = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): Array<string> =>
  b.length === 0 ? [...a] : [...a, ...b].sort()

/**
 * The dead paths and their size, without deleting anything: every valid path (QueryAllValidPaths),
 * their infos (pipelined QueryPathInfo), minus what is reachable from the roots (see `roots`, less the
 * links in `dropLinks`, i.e. generations that a clean would delete first), plus the store folder's
 * invalid entries (lock files, leftovers), which the collector deletes as well. With `cacheFile`, a
 * snapshot stands in for the daemon's answers while Nix's database is unchanged.
 * Temporary roots of running Nix processes are not visible this way, so a build in progress may
 * show as dead; the collector itself would keep it.
 */
export const gcPreview = (
  source: SessionSource,
  options: GcPreviewOptions = {}
): Effect.Effect<GcPreview, CannotServe> =>
  Effect.gen(function*() {
    const connect = Effect.isEffect(source) ? source : Effect.succeed(source)
    const stateDir = options.stateDir ?? defaultStateDir()
    const cacheFile = options.cacheFile
    // Fingerprints first: whatever changes after them makes the next snapshot check fail, never pass.
    const dbFingerprint = cacheFile === undefined ? undefined : databaseFingerprint(stateDir)
    const dbKey = dbFingerprint === undefined ? "" : `${stateDir}|${dbFingerprint}`
    const snapshot = cacheFile === undefined ? undefined : yield* loadSnapshot(cacheFile)
    const guessedStoreDir = storeDirOf(snapshot?.table.paths[0], process.env["NIX_STORE_DIR"] || "/nix/store")
    const storeKey = folderFingerprint(guessedStoreDir) ?? ""
    const persistentRoots = findPersistentRoots(options.stateDir)

    const finish = (table: InfoTable, roots: ReadonlyArray<GcRoot>, strays: ReadonlyArray<StrayEntry>, from: GcPreview["source"]) => {
      const kept = roots.filter((r) => !options.dropLinks?.has(r.link)).map((r) => r.target)
      const dead = deadInTable(table, kept, options.gc ?? defaultGcOptions)
      return {
        dead: sortedMerge(dead.dead, strays.map((s) => s.path)),
        bytes: dead.bytes + strays.reduce((n, s) => n + s.size, 0),
        roots: roots.length,
        validPaths: table.count,
        source: from
      } satisfies GcPreview
    }

    if (snapshot !== undefined && dbKey !== "" && snapshot.dbKey === dbKey && options.roots !== "all") {
      // Nix's database is as it was: the snapshot's paths and infos are the daemon's answer.
      const roots = yield* persistentRoots
      if (storeKey !== "" && snapshot.storeKey === storeKey) return finish(snapshot.table, roots, snapshot.strays, "snapshot")
      const valid = validRows(snapshot.table)
      const strays = strayEntries(guessedStoreDir, yield* readStoreDir(guessedStoreDir), (p) => valid.has(p))
      yield* saveSnapshot(cacheFile!, { ...snapshot, storeKey, strays })
      return finish(snapshot.table, roots, strays, "snapshot")
    }

    const session = yield* connect
    // The daemon lists the valid paths while the roots are found and the store folder is read.
    const [all, roots, entries] = yield* Effect.all([
      session.queryAllValidPaths,
      options.roots === "all"
        ? Effect.map(Effect.all([session.findRoots, findTempRoots(options.stateDir)]), ([a, b]) => [...a, ...b])
        : persistentRoots,
      readStoreDir(guessedStoreDir)
    ], { concurrency: "unbounded" })
    const old = snapshot?.table
    const known = old ? validRows(old) : new Map<string, number>()
    const missing = all.filter((p) => !known.has(p))
    const fresh = yield* session.queryPathInfos(missing)
    // A path that stopped being valid between the listing and its QueryPathInfo is left out.
    const table = mergeTable(old, fresh.size === missing.length ? all : all.filter((p) => known.has(p) || fresh.has(p)), fresh, known)
    const storeDir = storeDirOf(all[0], guessedStoreDir)
    const valid = new Set(all)
    const strays = storeDir === guessedStoreDir
      ? strayEntries(storeDir, entries, (p) => valid.has(p))
      : strayEntries(storeDir, yield* readStoreDir(storeDir), (p) => valid.has(p))
    if (cacheFile !== undefined) {
      yield* saveSnapshot(cacheFile, { dbKey, storeKey: storeDir === guessedStoreDir ? storeKey : "", strays, table })
    }
    return finish(table, roots, strays, known.size === 0 ? "daemon" : "snapshot+daemon")
  }).pipe(Effect.scoped)
