/**
 * Fingerprints that change whenever what they cover may have changed, read with a few stat calls:
 *
 * - Nix's database (<state>/db/db.sqlite, in SQLite's WAL mode): every registration or deletion of a
 *   store path writes it. A write appends to db.sqlite-wal (its size and mtime change) or, at a
 *   checkpoint, writes db.sqlite and restarts the WAL with a new header. So: db.sqlite's inode, size
 *   and mtime, and, when the WAL holds frames, its size, mtime and 32-byte header. An empty WAL is
 *   left out: read-only connections create, truncate or delete it (measured with the daemons of
 *   Nix 2.8 and 2.26) without changing anything in the database.
 * - The store folder: adding or removing an entry changes its mtime.
 *
 * Undefined when a file cannot be read here (then nothing is reused).
 */
import * as fs from "node:fs"
import * as path from "node:path"

const statKey = (st: fs.BigIntStats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`

export const databaseFingerprint = (stateDir: string): string | undefined => {
  const db = path.join(stateDir, "db", "db.sqlite")
  try {
    const main = fs.statSync(db, { bigint: true })
    let wal = "empty"
    const walStat = fs.statSync(`${db}-wal`, { bigint: true, throwIfNoEntry: false })
    if (walStat !== undefined && walStat.size > 0n) {
      const fd = fs.openSync(`${db}-wal`, "r")
      try {
        const b = Buffer.alloc(32)
        fs.readSync(fd, b, 0, 32, 0)
        wal = `${walStat.size}:${walStat.mtimeNs}:${b.toString("hex")}`
      } finally {
        fs.closeSync(fd)
      }
    }
    return `${statKey(main)}|${wal}`
  } catch {
    return undefined
  }
}

export const folderFingerprint = (dir: string): string | undefined => {
  try {
    return statKey(fs.statSync(dir, { bigint: true }))
  } catch {
    return undefined
  }
}
