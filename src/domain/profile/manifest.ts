/**
 * `nix profile` manifests (manifest.json): version 1 and 2 (Nix 2.4 to 2.19, elements in an array,
 * removed by index) and version 3 (Nix 2.20+, elements keyed by name, removed by name).
 * `nix profile list --json` prints the same shape on Nix versions that have it.
 */
import { parseStorePathName } from "../nixlog/storePathName.js"

export interface ManifestElement {
  /** The v3 key, or for older manifests the last attribute-path component or the store path's pname. */
  readonly name: string
  /** Position in a v1/v2 manifest (what Nix 2.8 accepts for remove/upgrade). */
  readonly index: number
  readonly pname: string
  readonly version: string
  readonly attrPath: string | undefined
  readonly originalUrl: string | undefined
  readonly storePaths: ReadonlyArray<string>
  readonly active: boolean
}

export interface Manifest {
  readonly version: number
  readonly elements: ReadonlyArray<ManifestElement>
}

/** The manifest versions this code understands. */
export const supportedManifestVersions: ReadonlyArray<number> = [1, 2, 3]

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)
const strOr = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined)

const element = (raw: Json, index: number, key: string | undefined): ManifestElement => {
  const storePaths = Array.isArray(raw["storePaths"]) ? raw["storePaths"].filter((p): p is string => typeof p === "string") : []
  const attrPath = strOr(raw["attrPath"])
  const fromPath = storePaths[0] !== undefined ? parseStorePathName(storePaths[0]) : { pname: key ?? `element${index}`, version: "" }
  const lastAttr = attrPath?.split(".").pop()
  return {
    name: key ?? lastAttr ?? fromPath.pname,
    index,
    pname: fromPath.pname,
    version: fromPath.version,
    attrPath,
    originalUrl: strOr(raw["originalUrl"]) ?? strOr(raw["originalUri"]),
    storePaths,
    active: raw["active"] !== false
  }
}

/** Parses a manifest; a string result explains why it cannot be used. */
export const parseManifest = (json: unknown): Manifest | string => {
  if (!isObject(json)) return "the manifest is not a JSON object"
  const version = typeof json["version"] === "number" ? json["version"] : 1
  if (!supportedManifestVersions.includes(version)) return `manifest version ${version} is not supported (known: 1 to 3)`
  const els = json["elements"]
  if (Array.isArray(els)) {
    return { version, elements: els.map((e, i) => element(isObject(e) ? e : {}, i, undefined)) }
  }
  if (isObject(els)) {
    return { version, elements: Object.entries(els).map(([k, e], i) => element(isObject(e) ? e : {}, i, k)) }
  }
  return "the manifest has no elements"
}
