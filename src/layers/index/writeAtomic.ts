/**
 * Atomic replace: write a uniquely named temp file next to the target, fsync it, rename it over the
 * target, fsync the folder. Readers see the old file or the new one, never a mix; two concurrent
 * writers each rename a complete file (the last one wins).
 */
import { Effect } from "effect"
import { randomBytes } from "node:crypto"
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { FileError } from "../../domain/errors.js"

export const tempPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`)

export const writeAtomicSync = (path: string, bytes: Uint8Array): void => {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = tempPathFor(path)
  try {
    const fd = openSync(tmp, "wx", 0o644)
    try {
      let done = 0
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  try {
    const dir = openSync(dirname(path), "r")
    try { fsyncSync(dir) } finally { closeSync(dir) }
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}

export const writeAtomic = (path: string, bytes: Uint8Array): Effect.Effect<void, FileError> =>
  Effect.try({
    try: () => writeAtomicSync(path, bytes),
    catch: (e) => new FileError({ path, detail: `cannot write the index (${(e as Error).message})` })
  })
