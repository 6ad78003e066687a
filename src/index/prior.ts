/**
 * Query-independent ranking signals, computed once at build time: what kind of package this is,
 * whether it is a versioned variant or a duplicate, whether it is broken. Pure.
 */
import { Flag } from "./format.js"
import type { IndexRecord } from "./IndexRecord.js"
import { lastSegment } from "./text.js"

/** "postgresql_11" -> "postgresql", "gcc9" -> "gcc", "python37" -> "python"; undefined when not versioned-looking. */
export const versionlessBase = (name: string): string | undefined => {
  const m = /^(.*?[a-zA-Z])[-_]?v?\d+(?:[_.]\d+)*[a-z]?$/.exec(name)
  return m ? m[1]!.replace(/[-_]$/, "") : undefined
}

const CATEGORY: ReadonlyArray<readonly [RegExp, number]> = [
  [/^pkgs\/applications\//, 40],
  [/^pkgs\/tools\//, 30],
  [/^pkgs\/games\//, 20],
  [/^pkgs\/servers\//, 20],
  [/^pkgs\/shells\//, 20],
  [/^pkgs\/development\/(tools|compilers|interpreters|web)\//, 15],
  [/^pkgs\/misc\//, 5],
  [/^pkgs\/development\/libraries\//, -10],
  [/^pkgs\/data\//, -10]
]

export const categoryBonus = (position: string | null): number => {
  if (position === null) return 0
  for (const [re, b] of CATEGORY) if (re.test(position)) return b
  return 0
}

export interface Priors {
  readonly flags: Uint8Array
  readonly prior: Int16Array
}

/** Flags and prior score per record (same order as `records`). */
export const computePriors = (records: ReadonlyArray<IndexRecord>): Priors => {
  const n = records.length
  const flags = new Uint8Array(n)
  const prior = new Int16Array(n)
  const topLevel = new Set<string>()
  const pnames = new Set<string>()
  const topByDrv = new Map<string, number>()
  for (const r of records) {
    if (!r.attrPath.includes(".")) {
      topLevel.add(r.attrPath.toLowerCase())
      topByDrv.set(r.name, (topByDrv.get(r.name) ?? 0) + 1)
    }
    pnames.add(r.pname.toLowerCase())
  }
  // Duplicates: same derivation name, same defining file and same last segment; keep the shallowest path.
  const canonical = new Map<string, number>()
  const depth = (p: string) => p.split(".").length
  records.forEach((r, i) => {
    const key = `${r.name}\u0000${r.position ?? ""}\u0000${lastSegment(r.attrPath)}`
    const j = canonical.get(key)
    if (j === undefined) { canonical.set(key, i); return }
    const other = records[j]!
    const better = depth(r.attrPath) < depth(other.attrPath) ||
      (depth(r.attrPath) === depth(other.attrPath) && r.attrPath.length < other.attrPath.length)
    if (better) { flags[j] |= Flag.duplicate; canonical.set(key, i) } else flags[i] |= Flag.duplicate
  })
  records.forEach((r, i) => {
    let f = flags[i]!
    let p = categoryBonus(r.position)
    if (r.broken) { f |= Flag.broken; p -= 300 }
    if (r.insecure) { f |= Flag.insecure; p -= 200 }
    if (r.unfree) f |= Flag.unfree
    if (r.attrPath.includes(".")) { f |= Flag.nested; p -= 120 }
    const base = versionlessBase(lastSegment(r.attrPath))?.toLowerCase()
    if (base !== undefined && (topLevel.has(base) || pnames.has(base))) { f |= Flag.versioned; p -= 60 }
    if (r.description === null) p -= 30
    if (r.longDescription !== null) p += 5
    const aliases = (topByDrv.get(r.name) ?? 1) - 1
    p += Math.min(aliases, 3) * 10
    flags[i] = f
    prior[i] = p
  })
  return { flags, prior }
}
