/** Store questions answered through a daemon session: closure size, and what `clean` would free. */
import { Effect } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { CannotServe } from "../../domain/errors.js"
import { deadPaths, defaultGcOptions, reachable, totalNarSize, type DeadSet, type GcOptions } from "./Closure.js"
import type { DaemonSession } from "./DaemonClient.js"
import type { PathInfo } from "./Protocol.js"

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

/**
 * Entries of the store folder that look like store paths but are not valid (lock files, leftovers of
 * interrupted builds): the collector deletes them too. Empty when the folder is not readable here.
 */
export const invalidStoreEntries = (
  storeDir: string,
  valid: ReadonlySet<string>
): Effect.Effect<ReadonlyArray<{ readonly path: string; readonly size: number }>> =>
  Effect.promise(async () => {
    const names = await fs.readdir(storeDir).catch(() => [] as Array<string>)
    const stray = names.map((n) => path.join(storeDir, n)).filter((p) => storeName.test(path.basename(p)) && !valid.has(p))
    return Promise.all(stray.map(async (p) => ({ path: p, size: await fs.lstat(p).then((st) => (st.isFile() ? st.size : 0), () => 0) })))
  })

export interface GcPreview extends DeadSet {
  readonly roots: number
  readonly validPaths: number
}

/**
 * The dead paths and their size, without deleting anything: every valid path (QueryAllValidPaths),
 * their infos (pipelined QueryPathInfo), minus what is reachable from the roots (FindRoots, less the
 * links in `dropLinks`, i.e. generations that a clean would delete first), plus the store folder's
 * invalid entries (lock files, leftovers), which the collector deletes as well.
 * Temporary roots of running Nix processes are not visible this way, so a build in progress may
 * show as dead; the collector itself would keep it.
 */
export const gcPreview = (
  session: DaemonSession,
  options: { readonly dropLinks?: ReadonlySet<string> | undefined; readonly gc?: GcOptions | undefined } = {}
): Effect.Effect<GcPreview, CannotServe> =>
  Effect.gen(function*() {
    const [all, roots] = yield* Effect.all([session.queryAllValidPaths, session.findRoots], { concurrency: "unbounded" })
    const infos = yield* session.queryPathInfos(all)
    const kept = roots.filter((r) => !options.dropLinks?.has(r.link)).map((r) => r.target)
    const dead = deadPaths(infos, kept, options.gc ?? defaultGcOptions)
    const storeDir = all[0] !== undefined ? path.dirname(all[0]) : "/nix/store"
    const stray = yield* invalidStoreEntries(storeDir, new Set(infos.keys()))
    return {
      dead: [...dead.dead, ...stray.map((s) => s.path)].sort(),
      bytes: dead.bytes + stray.reduce((n, s) => n + s.size, 0),
      roots: roots.length,
      validPaths: infos.size
    }
  })
