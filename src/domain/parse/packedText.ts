/**
 * The tables packed into the program by the generators (scripts/lib/packedTable.mjs: brotli, then base64),
 * unpacked: done on a table's first look-up, never at load.
 */
import { brotliDecompressSync } from "node:zlib"

/** A packed table's text. */
export const unpackText = (base64: string): string => brotliDecompressSync(Buffer.from(base64, "base64")).toString("utf8")

/** A packed table of lines of space-separated words, each line as a set (an empty set for a line it lacks). */
export const unpackWordSets = (base64: string, lines: number): ReadonlyArray<ReadonlySet<string>> => {
  const text = unpackText(base64).split("\n")
  return Array.from({ length: lines }, (_, i) => new Set((text[i] ?? "").split(" ")))
}
