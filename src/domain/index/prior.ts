/**
 * Query-independent ranking signals, computed once at build time: what kind of package this is,
 * whether it is a versioned variant or a duplicate, whether it is broken. Pure.
 */
import { Flag } from "./format.js"
import type { IndexRecord } from "./IndexRecord.js"
import { lastSegment } from "./text.js"

/** "postgresql_11" -> "postgresql", "gcc9" -> "gcc", "python37" -> "python"; undefined when not versioned-looking. */
export const versionlessBase = (name: string): string | undefined => {
  const m = /^(.*?[a-zA-Z])[-_]?v?\d+(?:[_.]\d+)*(?:[-_]x|[a-z])?$/.exec(name)
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

/**
 * The pname as a search key, or undefined when it is an artefact of splitting the derivation name:
 * node2nix packages are all called "node-<something>" (pname "node", version "_at_google_slash_clasp-2.2.1").
 */
export const pnameKey = (r: IndexRecord): string | undefined => {
  const p = r.pname.toLowerCase()
  if (p === "") return undefined
  const odd = r.version !== "" && !/^\d/.test(r.version)
  return odd && !lastSegment(r.attrPath).toLowerCase().includes(p) ? undefined : p
}

/** "perl528Packages" -> "perlPackages", "rubyPackages_2_6" -> "rubyPackages", "libsForQt512" -> "libsForQt". */
export const setFamily = (set: string): string => set.replace(/[-_]?\d+(?:_\d+)*/g, "")

/** "perl5.28.2-Spreadsheet-ParseExcel" -> "Spreadsheet-ParseExcel" (nix-env names carry the interpreter). */
export const bareName = (pname: string): string => pname.replace(/^(?:perl|python|ruby|lua|php|ocaml|guile|ghc|node)[\d.]+-/, "")

/** Records with the same key are one package reached through several attribute paths. */
export const duplicateKey = (r: IndexRecord): string =>
  [bareName(r.pname), r.version, r.position ?? "", lastSegment(r.attrPath)].join("\u0000")

/** Which of two paths to one package to show: top level first, then the unversioned set, then shorter, then newer. */
export const preferred = (a: string, b: string): boolean => {
  const da = a.split(".").length
  const db = b.split(".").length
  if (da !== db) return da < db
  const va = setFamily(a) === a
  const vb = setFamily(b) === b
  if (va !== vb) return va
  if (a.length !== b.length) return a.length < b.length
  return a > b
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
  /** Top-level packages per pname: popular software grows variants (firefox-esr, firefox-wayland, ...). */
  const family = new Map<string, number>()
  for (const r of records) {
    const key = pnameKey(r)
    if (!r.attrPath.includes(".")) {
      topLevel.add(r.attrPath.toLowerCase())
      topByDrv.set(r.name, (topByDrv.get(r.name) ?? 0) + 1)
      if (key !== undefined) family.set(key, (family.get(key) ?? 0) + 1)
    }
    if (key !== undefined) pnames.add(key)
  }
  // Duplicates: the same package reached twice (vlc and libsForQt5.vlc; perlPackages.X and perl528Packages.X).
  const canonical = new Map<string, number>()
  records.forEach((r, i) => {
    const key = duplicateKey(r)
    const j = canonical.get(key)
    if (j === undefined) { canonical.set(key, i); return }
    if (preferred(r.attrPath, records[j]!.attrPath)) { flags[j] |= Flag.duplicate; canonical.set(key, i) }
    else flags[i] |= Flag.duplicate
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
    p += Math.min(r.maintainers, 4) * 5
    const aliases = (topByDrv.get(r.name) ?? 1) - 1
    p += Math.min(aliases, 3) * 10
    const key = pnameKey(r)
    if (key !== undefined && !r.attrPath.includes(".")) p += Math.min((family.get(key) ?? 1) - 1, 4) * 8
    // Implementation halves of a wrapped package (firefox-unwrapped of firefox).
    if (/-unwrapped$/.test(r.attrPath)) p -= 50
    flags[i] = f
    prior[i] = p
  })
  return { flags, prior }
}
