/**
 * The dictionary's text, unpacked (format in scripts/gen-dictionary.mjs). From the sources (tsx, the
 * tests) it is unpacked from grammar/dictionary.generated.ts; the bundle reads it already unpacked from
 * its data file instead (scripts/bundledData.mjs), which saves every parse the unpacking (about 1.5 ms).
 */
import { brotliDecompressSync } from "node:zlib"
import { dictionaryBase64 } from "./grammar/dictionary.generated.js"

export const dictionaryText = (): string => brotliDecompressSync(Buffer.from(dictionaryBase64(), "base64")).toString("utf8")
