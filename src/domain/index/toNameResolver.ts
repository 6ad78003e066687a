/** The parser's NameResolver over an open index: exact attribute paths and unambiguous pnames only. */
import type { NameResolver } from "../parse/NameResolver.js"
import type { IndexReader } from "./IndexReader.js"

/** A damaged index must not break parsing: the resolver then knows nothing. */
const safe = <A>(f: () => A, fallback: A): A => {
  try {
    return f()
  } catch {
    return fallback
  }
}

export const toNameResolver = (reader: IndexReader): NameResolver => ({
  // (exact only: findAttrPath's case-insensitive fallback can only find another spelling, which is not
  // this path; skipping it saves a scan of the key's postings on every word the parser checks)
  exists: (attrPath) => safe(() => reader.findExactAttrPath(attrPath) !== undefined, false),
  resolve: (word) => safe(() => {
    const w = word.trim()
    if (w === "" || w.length > 200) return undefined
    const exact = reader.findAttrPath(w)
    if (exact !== undefined) {
      const attrPath = reader.str("attrPath", exact)
      return { attrPath, how: attrPath === w ? "exact" : "case" }
    }
    const byPname = reader.findTopLevelPname(w)
    return byPname === undefined ? undefined : { attrPath: reader.str("attrPath", byPname), how: "pname" }
  }, undefined),
  suggest: (word, limit, maxEdits) => safe(() => reader.suggest(word, limit, maxEdits), [])
})
