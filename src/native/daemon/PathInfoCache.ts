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

/**
 * Version 2: paths listed once, references and derivers as indexes into that list (a fifth of the
 * size of version 1, which spelled every reference out; parsing it was most of a cached preview).
 */
interface CacheFile {
  readonly version: 2
  /** The cached paths first (one per row of `infos`), then derivers that are not themselves cached. */
  readonly paths: ReadonlyArray<string>
  /** per cached path, same order: [narSize, deriver index or -1, reference indexes] */
  readonly infos: ReadonlyArray<readonly [number, number, ReadonlyArray<number>]>
}

export const loadPathInfos = (file: string): Effect.Effect<Map<string, PathInfo>> =>
  Effect.promise(async () => {
    try {
      const json = JSON.parse(await fs.readFile(file, "utf8")) as CacheFile
      if (json.version !== 2 || !Array.isArray(json.paths) || !Array.isArray(json.infos) || json.infos.length > json.paths.length) {
        return new Map()
      }
      const { paths, infos } = json
      const out = new Map<string, PathInfo>()
      for (let i = 0; i < infos.length; i++) {
        const [narSize, deriver, refs] = infos[i]!
        const p = paths[i]!
        out.set(p, {
          path: p, narSize, deriver: deriver < 0 ? undefined : paths[deriver] ?? undefined,
          references: refs.map((r: number) => paths[r]!), narHash: "", registrationTime: 0
        })
      }
      return out
    } catch {
      return new Map()
    }
  })

/** Atomic (write then rename); a failure to write only costs speed next time. */
export const savePathInfos = (file: string, infos: ReadonlyMap<string, PathInfo>): Effect.Effect<void> =>
  Effect.promise(async () => {
    const paths = [...infos.keys()]
    const index = new Map(paths.map((p, i) => [p, i]))
    const table = (p: string) => { let i = index.get(p); if (i === undefined) { i = paths.length; paths.push(p); index.set(p, i) } return i }
    const rows = [...infos.values()].map((i) => [i.narSize, i.deriver === undefined ? -1 : table(i.deriver), i.references.map(table)] as const)
    const cache: CacheFile = { version: 2, paths, infos: rows }
    const tmp = `${file}.${process.pid}.tmp`
    try {
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(tmp, JSON.stringify(cache))
      await fs.rename(tmp, file)
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => undefined)
    }
  })
