/**
 * The collector's persistent roots, found the way Nix's LocalStore::findRoots does (gc.cc), in-process:
 * under <state>/gcroots and <state>/profiles, a symlink into the store is a root; a symlink elsewhere is
 * an indirect root (e.g. gcroots/auto/<hash> -> /home/me/result) whose target, if it is a symlink into
 * the store, is the root; a regular file named like a store path is a root; folders are walked, symlinks
 * to folders are not. Read-only: unlike Nix, stale indirect links are left alone. Roots of running
 * programs (/proc) are not included; the daemon's FindRoots has them.
 */
import { Effect } from "effect"
import * as fs from "node:fs"
import * as fsp from "node:fs/promises"
import * as path from "node:path"
import type { GcRoot } from "../../domain/daemon/Protocol.js"

export const defaultStateDir = (env: NodeJS.ProcessEnv = process.env) => env["NIX_STATE_DIR"] || "/nix/var/nix"

const storePathOf = (storeDir: string, target: string): string | undefined => {
  if (!target.startsWith(`${storeDir}/`)) return undefined
  const name = target.slice(storeDir.length + 1).split("/")[0]!
  return name === "" ? undefined : `${storeDir}/${name}`
}

// Synchronous on purpose: a few folders and links, read faster without a promise and a thread-pool
// round trip per call (this is on the path of every clean preview).
const walk = (p: string, storeDir: string, out: Array<GcRoot>): void => {
  let st
  try {
    st = fs.lstatSync(p)
  } catch {
    return
  }
  if (st.isDirectory()) {
    let names: Array<string> = []
    try { names = fs.readdirSync(p) } catch { /* unreadable: no roots here */ }
    for (const n of names) walk(path.join(p, n), storeDir, out)
  } else if (st.isSymbolicLink()) {
    const target = readlink(p)
    if (target === undefined) return
    const direct = storePathOf(storeDir, target)
    if (direct) {
      out.push({ link: p, target: direct })
      return
    }
    const indirect = path.resolve(path.dirname(p), target)
    let st2
    try { st2 = fs.lstatSync(indirect) } catch { return }
    if (!st2.isSymbolicLink()) return
    const target2 = storePathOf(storeDir, readlink(indirect) ?? "")
    if (target2) out.push({ link: indirect, target: target2 })
  } else if (st.isFile()) {
    out.push({ link: p, target: `${storeDir}/${path.basename(p)}` })
  }
}

const readlink = (p: string): string | undefined => {
  try {
    return fs.readlinkSync(p)
  } catch {
    return undefined
  }
}

export const findPersistentRoots = (
  stateDir: string = defaultStateDir(),
  storeDir = "/nix/store"
): Effect.Effect<ReadonlyArray<GcRoot>> =>
  Effect.sync(() => {
    const out: Array<GcRoot> = []
    walk(path.join(stateDir, "gcroots"), storeDir, out)
    walk(path.join(stateDir, "profiles"), storeDir, out)
    return out
  })

/**
 * Temporary roots of running Nix processes (<state>/temproots/<pid>: store paths separated by NUL),
 * which the collector keeps alive; files of processes that are gone are ignored.
 */
export const findTempRoots = (stateDir: string = defaultStateDir()): Effect.Effect<ReadonlyArray<GcRoot>> =>
  Effect.promise(async () => {
    const dir = path.join(stateDir, "temproots")
    const names = await fsp.readdir(dir).catch(() => [] as Array<string>)
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0)
        return true
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EPERM"
      }
    }
    const lists = await Promise.all(names.filter((n) => /^\d+$/.test(n) && alive(Number(n))).map(async (n) => {
      const text = await fsp.readFile(path.join(dir, n), "utf8").catch(() => "")
      return text.split("\0").filter((p) => p.startsWith("/")).map((target) => ({ link: `{temp:${n}}`, target }))
    }))
    return lists.flat()
  })
