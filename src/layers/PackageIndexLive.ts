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

/** The service over a reader opened lazily by `open` (exported for tests and for in-memory indexes). */
export const makePackageIndex = (path: string, open: () => IndexReader): {
  readonly service: PackageIndexShape
  readonly close: () => void
} => {
  let reader: IndexReader | undefined
  const use = <A>(f: (r: IndexReader) => A) => indexTry(path, () => f((reader ??= open())))
  return {
    service: {
      search: (query, limit = 20) => use((r) => r.search(query, limit).hits),
      lookup: (name) => use((r) => r.lookup(name)),
      suggest: (name, limit = 5) => use((r) => r.suggest(name, limit)),
      provides: (command) => use((r) => r.provides(command)),
      status: use((r) => r.status())
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
