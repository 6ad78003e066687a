/**
 * PackageIndex over the index file at `settings.index`, opened on first use (a call that never touches
 * the index never reads it) and closed with the layer. Fails IndexMissing / IndexCorrupt.
 */
import { Effect, Layer } from "effect"
import { IndexReader } from "../domain/index/IndexReader.js"
import { indexTry } from "./index/indexStatus.js"
import { PackageIndex, type PackageIndexShape } from "../services/PackageIndex.js"
import { Settings } from "../services/Settings.js"
import { openIndexReader } from "./index/openIndex.js"
import { rankOptions, wantsOptions } from "../domain/index/optionHits.js"
import type { NixosOptions } from "../domain/index/nixosOptionsJson.js"
import { IndexCorrupt } from "../domain/errors.js"
import { readNixosOptions } from "./index/readImportFile.js"

/**
 * The NixOS options JSON an index was built with, read when a search first asks for options. Gone or
 * unreadable since the build: the index is out of date (IndexCorrupt says to rebuild it).
 */
const readOptions = (path: string): Effect.Effect<NixosOptions, IndexCorrupt> =>
  Effect.mapError(readNixosOptions(path), (e) =>
    new IndexCorrupt({ path, detail: `the NixOS options it was built with cannot be read (${e.detail})` }))

/** The service over a reader opened lazily by `open` (exported for tests and for in-memory indexes). */
export const makePackageIndex = (path: string, open: () => IndexReader): {
  readonly service: PackageIndexShape
  readonly close: () => void
} => {
  let reader: IndexReader | undefined
  let optionsData: NixosOptions | undefined
  const use = <A>(f: (r: IndexReader) => A) => indexTry(path, () => f((reader ??= open())))
  return {
    service: {
      search: (query, limit = 20) => use((r) => r.search(query, limit).hits),
      lookup: (name) => use((r) => r.lookup(name)),
      suggest: (name, limit = 5) => use((r) => r.suggest(name, limit)),
      provides: (command) => use((r) => r.provides(command)),
      // A status is a health check: every section's checksum, not only the header.
      status: use((r) => { r.verify(); return r.status() }),
      options: (query, limit = 10) => Effect.flatMap(use((r) => r.optionsSource()), (source) => {
        if (source === undefined || !wantsOptions(query, source.modules)) return Effect.succeed([])
        const loaded = optionsData !== undefined ? Effect.succeed(optionsData)
          : Effect.tap(readOptions(source.path), (o) => { optionsData = o })
        return Effect.map(loaded, (o) => rankOptions(o, query, limit))
      })
    },
    close: () => reader?.close()
  }
}

export const PackageIndexLive: Layer.Layer<PackageIndex, never, Settings> = Layer.scoped(
  PackageIndex,
  Effect.gen(function*() {
    const settings = yield* Settings
    const { service } = yield* Effect.acquireRelease(
      Effect.sync(() => makePackageIndex(settings.index, () => openIndexReader(settings.index))),
      (p) => Effect.sync(p.close)
    )
    return service
  })
)
