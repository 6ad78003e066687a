/**
 * Turns `nix-env -qaP --json --meta` output (an object keyed by attribute path) and
 * `nix search --json` output into IndexRecords. Pure: the caller reads and parses the JSON.
 */
import type { IndexRecord } from "./IndexRecord.js"
import { parseDrvName } from "../profile/drvName.js"

export interface ImportResult {
  readonly records: ReadonlyArray<IndexRecord>
  /** Entries that were not package objects (kept out, counted for the build report). */
  readonly skipped: number
}

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown): string | null => (typeof u === "string" && u.trim() !== "" ? u.trim() : null)

const cut = (s: string | null, n: number): string | null => (s !== null && s.length > n ? `${s.slice(0, n - 1)}…` : s)

const licenseName = (l: unknown): string | null => {
  if (typeof l === "string") return l
  if (!isObject(l)) return null
  return str(l["spdxId"]) ?? str(l["shortName"]) ?? str(l["fullName"])
}

const licenses = (l: unknown): ReadonlyArray<string> =>
  (Array.isArray(l) ? l : l === undefined || l === null ? [] : [l])
    .map(licenseName)
    .filter((x): x is string => x !== null)

const isUnfree = (meta: Record<string, unknown>): boolean => {
  if (meta["unfree"] === true) return true
  const l = meta["license"]
  return (Array.isArray(l) ? l : [l]).some((x) => isObject(x) && x["free"] === false)
}

const homepage = (h: unknown): string | null =>
  Array.isArray(h) ? (h.map(str).find((x) => x !== null) ?? null) : str(h)

const position = (p: unknown): string | null => {
  const s = str(p)
  if (s === null) return null
  const m = /^(.*?)(:\d+)?$/.exec(s)
  const file = m ? m[1]! : s
  // Absolute store paths: keep from "pkgs/" on, like the shared data does.
  const at = file.indexOf("/pkgs/")
  return file.startsWith("/") && at >= 0 ? file.slice(at + 1) : file
}

/** One nix-env entry; undefined when it is not a package object. */
export const recordFromNixEnv = (attrPath: string, v: unknown): IndexRecord | undefined => {
  if (!isObject(v) || attrPath === "") return undefined
  const name = str(v["name"]) ?? (str(v["pname"]) !== null ? `${str(v["pname"])}-${str(v["version"]) ?? ""}` : null)
  if (name === null) return undefined
  const split = parseDrvName(name)
  const meta = isObject(v["meta"]) ? v["meta"] : {}
  const vulns = meta["knownVulnerabilities"]
  return {
    attrPath,
    name,
    pname: str(v["pname"]) ?? split.name,
    version: typeof v["version"] === "string" ? v["version"] : split.version,
    description: cut(str(meta["description"]), 500),
    longDescription: cut(str(meta["longDescription"]), 1000),
    homepage: homepage(meta["homepage"]),
    license: licenses(meta["license"]),
    mainProgram: str(meta["mainProgram"]),
    position: position(meta["position"]),
    maintainers: Array.isArray(meta["maintainers"]) ? meta["maintainers"].length : isObject(meta["maintainers"]) ? 1 : 0,
    broken: meta["broken"] === true,
    insecure: meta["insecure"] === true || (Array.isArray(vulns) && vulns.length > 0),
    unfree: isUnfree(meta)
  }
}

/** The whole nix-env object. Fails (returns a reason) when the shape is not a package listing. */
export const importNixEnv = (json: unknown): ImportResult | string => {
  if (!isObject(json)) return "expected a JSON object keyed by attribute path (nix-env -qaP --json --meta)"
  const records: Array<IndexRecord> = []
  let skipped = 0
  for (const [attrPath, v] of Object.entries(json)) {
    const r = recordFromNixEnv(attrPath, v)
    if (r === undefined) skipped++
    else records.push(r)
  }
  if (records.length === 0) return "no package entries found"
  return { records, skipped }
}

/** Strips `legacyPackages.<system>.` / `packages.<system>.` from a flake attribute path. */
export const flakeAttrPath = (key: string): string => {
  const m = /^(?:legacyPackages|packages)\.[^.]+\.(.+)$/.exec(key)
  return m ? m[1]! : key
}

/** `nix search --json FLAKE ^`: { "legacyPackages.x86_64-linux.hello": { pname, version, description } }. */
export const importNixSearch = (json: unknown): ImportResult | string => {
  if (!isObject(json)) return "expected a JSON object (nix search --json)"
  const records: Array<IndexRecord> = []
  let skipped = 0
  for (const [key, v] of Object.entries(json)) {
    if (!isObject(v)) { skipped++; continue }
    const pname = str(v["pname"])
    const version = typeof v["version"] === "string" ? v["version"] : ""
    if (pname === null) { skipped++; continue }
    records.push({
      attrPath: flakeAttrPath(key),
      name: version === "" ? pname : `${pname}-${version}`,
      pname,
      version,
      description: cut(str(v["description"]), 500),
      longDescription: null,
      homepage: null,
      license: [],
      mainProgram: null,
      position: null,
      maintainers: 0,
      broken: false,
      insecure: false,
      unfree: false
    })
  }
  if (records.length === 0) return "no package entries found"
  return { records, skipped }
}
