/**
 * Reading the data tables that the build moved out of the bundle into dist/ask-nix.data beside it
 * (scripts/bundledData.mjs): each table is read when first asked for, so that neither the bundle's
 * source nor the startup snapshot, which every call loads, carries them. Only the bundle calls this;
 * from the sources the tables are the generated modules themselves.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { runningBundle } from "./startupSnapshot.js"

/** The UTF-8 text of `length` bytes at `offset` of the bundle's data file. */
export const readBundledData = (offset: number, length: number): string => {
  const file = path.join(path.dirname(runningBundle()), "ask-nix.data")
  const bytes = Buffer.alloc(length)
  let read = 0
  try {
    const fd = fs.openSync(file, "r")
    try {
      read = fs.readSync(fd, bytes, 0, length, offset)
    } finally {
      fs.closeSync(fd)
    }
  } catch (e) {
    throw new Error(`ask-nix cannot read its data file ${file} (${e instanceof Error ? e.message : String(e)}): run npm run build again, or reinstall ask-nix`)
  }
  if (read !== length) throw new Error(`ask-nix's data file ${file} is shorter than this build's: run npm run build again, or reinstall ask-nix`)
  return bytes.toString("utf8")
}
