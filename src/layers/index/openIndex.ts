/**
 * Opens an index file on disk. Raw synchronous node:fs on purpose: a search reads a few sections with
 * positioned reads (readSync), and a promise plus a thread-pool round trip per read would cost more
 * than the reads themselves on the start-up path of every `ask-nix search`.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import { IndexCorrupt, IndexMissing } from "../../domain/errors.js"
import { asIndexError, IndexFile, type ReadAt } from "../../domain/index/IndexFile.js"
import { IndexReader } from "../../domain/index/IndexReader.js"

export const openIndexFile = (path: string): IndexFile => {
  let fd: number
  try {
    fd = openSync(path, "r")
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === "ENOENT" || code === "ENOTDIR") throw new IndexMissing({ path })
    throw new IndexCorrupt({ path, detail: `cannot open it: ${(e as Error).message}` })
  }
  try {
    const size = fstatSync(fd).size
    const readAt: ReadAt = (offset, length) => {
      const buf = Buffer.allocUnsafeSlow(length) // own ArrayBuffer at offset 0: typed-array views stay aligned
      let done = 0
      while (done < length) {
        const n = readSync(fd, buf, done, length - done, offset + done)
        if (n === 0) break
        done += n
      }
      if (done < length) throw new IndexCorrupt({ path, detail: "the file is truncated" })
      return buf
    }
    return IndexFile.fromReadAt(path, size, readAt, () => closeSync(fd))
  } catch (e) {
    closeSync(fd)
    throw asIndexError(path, e)
  }
}

export const openIndexReader = (path: string): IndexReader => IndexReader.fromFile(openIndexFile(path))
