/**
 * A file cache of path infos (references, NAR size, deriver). A valid store path's info does not
 * change while it stays valid, so only paths new since the last call are asked of the daemon; paths
 * that are gone are dropped. (A path deleted and rebuilt non-reproducibly could differ in size by a
 * few bytes until it leaves the cache.) Any unreadable cache is simply ignored.
 */
import { Effect } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { PathInfo } from "./Protocol.js"

interface CacheFile {
  readonly version: 1
  /** path -> [narSize, deriver or "", references] */
  readonly entries: Record<string, [number, string, Array<string>]>
}

export const loadPathInfos = (file: string): Effect.Effect<Map<string, PathInfo>> =>
  Effect.promise(async () => {
    try {
      const json = JSON.parse(await fs.readFile(file, "utf8")) as CacheFile
      if (json.version !== 1 || typeof json.entries !== "object") return new Map()
      return new Map(Object.entries(json.entries).map(([p, [narSize, deriver, references]]) =>
        [p, { path: p, narSize, deriver: deriver === "" ? undefined : deriver, references, narHash: "", registrationTime: 0 }]))
    } catch {
      return new Map()
    }
  })

/** Atomic (write then rename); a failure to write only costs speed next time. */
export const savePathInfos = (file: string, infos: ReadonlyMap<string, PathInfo>): Effect.Effect<void> =>
  Effect.promise(async () => {
    const entries: CacheFile["entries"] = {}
    for (const [p, i] of infos) entries[p] = [i.narSize, i.deriver ?? "", [...i.references]]
    const tmp = `${file}.${process.pid}.tmp`
    try {
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(tmp, JSON.stringify({ version: 1, entries } satisfies CacheFile))
      await fs.rename(tmp, file)
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => undefined)
    }
  })
