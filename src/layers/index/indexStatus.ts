/** `ask-nix index status`: what the index at `path` holds (reads only the header). */
import { Effect } from "effect"
import { IndexCorrupt, type IndexMissing } from "../../domain/errors.js"
import type { IndexStatus } from "../../domain/index/IndexAnswers.js"
import { openIndexReader } from "./openIndex.js"

/** Runs a synchronous index operation, keeping IndexMissing/IndexCorrupt and turning anything else into IndexCorrupt. */
export const indexTry = <A>(path: string, f: () => A): Effect.Effect<A, IndexMissing | IndexCorrupt> =>
  Effect.try({
    try: f,
    catch: (e) =>
      typeof e === "object" && e !== null && "_tag" in e && (e._tag === "IndexMissing" || e._tag === "IndexCorrupt")
        ? (e as IndexMissing | IndexCorrupt)
        : new IndexCorrupt({ path, detail: `unexpected content (${e instanceof Error ? e.message : String(e)})` })
  })

export const indexStatus = (path: string): Effect.Effect<IndexStatus, IndexMissing | IndexCorrupt> =>
  indexTry(path, () => {
    const r = openIndexReader(path)
    try {
      return r.status()
    } finally {
      r.close()
    }
  })
