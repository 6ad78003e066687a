/**
 * The options of one scope (NixOS or home-manager) as search and lookups need them: names in sorted
 * order, types, full records on demand, and a word table (stem -> postings). The file-backed table
 * (src/layers/options) and the in-memory one built here answer the same interface.
 */
import type { OptionRecord, OptionScope } from "./OptionRecord.js"
import { buildPostings, type Postings } from "./postings.js"

export interface OptionsTable {
  readonly scope: OptionScope
  readonly count: number
  /** Names sorted by code point; ids are positions in this order. */
  readonly name: (id: number) => string
  readonly type: (id: number) => string
  readonly record: (id: number) => OptionRecord
  /** Postings of a stem: `id << POSTING_BITS | Field bits` (see postings.ts), ids ascending. */
  readonly postings: (term: string) => Uint32Array | undefined
  /** Every stem that occurs in some name (for "ssh" in "openssh"). */
  readonly nameTerms: () => ReadonlyArray<string>
  /** How many options share the option's parent (`services.openssh` has 20): how big its module is. */
  readonly moduleSize: (id: number) => number
  /** The option an alias stands for (`services.sshd.enable` -> services.openssh.enable). */
  readonly aliasOf: (id: number) => string | undefined
}

/** The module an option is in: `services.openssh.enable` -> `services.openssh`. */
export const parentOf = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf(".")))

/** For each option (sorted by name), how many options share its parent. */
export const moduleSizes = (sortedNames: ReadonlyArray<string>): Uint16Array => {
  const counts = new Map<string, number>()
  for (const n of sortedNames) counts.set(parentOf(n), (counts.get(parentOf(n)) ?? 0) + 1)
  return Uint16Array.from(sortedNames, (n) => Math.min(65535, counts.get(parentOf(n))!))
}

/** Binary search of an exact name; -1 when absent. */
export const findName = (table: OptionsTable, name: string): number => {
  let lo = 0
  let hi = table.count - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const n = table.name(mid)
    if (n === name) return mid
    if (n < name) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** An in-memory table (tests, mocks, and the builder's own check). */
export const tableFromRecords = (scope: OptionScope, records: ReadonlyArray<OptionRecord>): OptionsTable => {
  const sorted = [...records].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const postings: Postings = buildPostings(sorted)
  const sizes = moduleSizes(sorted.map((r) => r.name))
  const byTerm = new Map<string, Uint32Array>()
  postings.terms.forEach((t, i) => byTerm.set(t, postings.post.subarray(postings.postOff[i]!, postings.postOff[i + 1]!)))
  return {
    scope,
    count: sorted.length,
    name: (id) => sorted[id]!.name,
    type: (id) => sorted[id]!.type,
    record: (id) => sorted[id]!,
    postings: (term) => byTerm.get(term),
    nameTerms: () => postings.nameTerms,
    moduleSize: (id) => sizes[id]!,
    aliasOf: (id) => sorted[id]!.aliasOf
  }
}
