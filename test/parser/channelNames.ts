/**
 * A NameResolver over the real 2020 channel data (../shared/data), built with the real index code
 * (src/index: import, serialise, read, toNameResolver), once per test file.
 */
import { Effect } from "effect"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { IndexReader } from "../../src/domain/index/IndexReader.js"
import { readImportFile } from "../../src/layers/index/readImportFile.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { toNameResolver } from "../../src/domain/index/toNameResolver.js"

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const sharedData = path.resolve(repoRoot, "../shared/data")
export const channelJson = path.join(sharedData, "nixpkgs-channel-2020.json.gz")

let cached: NameResolver | undefined

export const channelNames = async (): Promise<NameResolver> => {
  if (cached !== undefined) return cached
  const result = await Effect.runPromise(readImportFile(channelJson))
  const bytes = serializeIndex(result.records, { source: "test", revision: null, builtAt: "2020-02-14T00:00:00Z", buildMs: 0, skipped: result.skipped })
  cached = toNameResolver(IndexReader.fromBuffer(bytes))
  return cached
}
