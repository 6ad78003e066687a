/**
 * The store snapshot file (src/domain/daemon/PathInfoCache.ts has its format). Raw synchronous node:fs
 * on purpose: one read of a few megabytes on the path of every clean preview, faster than a promise.
 */
import { Effect } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { decodeSnapshot, encodeSnapshot, type StoreSnapshot } from "../../domain/daemon/PathInfoCache.js"

export const loadSnapshot = (file: string): Effect.Effect<StoreSnapshot | undefined> =>
  Effect.sync(() => {
    let bytes: Buffer
    try {
      bytes = fs.readFileSync(file)
    } catch {
      return undefined
    }
    return decodeSnapshot(bytes)
  })

/** Atomic (write then rename); a failure to write only costs speed next time. */
export const saveSnapshot = (file: string, snapshot: StoreSnapshot): Effect.Effect<void> =>
  Effect.sync(() => {
    const tmp = `${file}.${process.pid}.tmp`
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(tmp, encodeSnapshot(snapshot))
      fs.renameSync(tmp, file)
    } catch {
      try { fs.rmSync(tmp, { force: true }) } catch { /* nothing to clean */ }
    }
  })
