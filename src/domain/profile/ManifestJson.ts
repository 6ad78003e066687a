/**
 * The `manifest.json` of a `nix profile` profile. Versions 1 and 2 (Nix 2.4 .. 2.19, e.g. 2.8) keep a
 * list of elements; version 3 (Nix 2.20+, e.g. 2.26) keys elements by name. Anything else is refused.
 */
import { Either } from "effect"
import type { InstalledPackage } from "../Plan.js"
import { parseDrvName, storePathName } from "./drvName.js"

export const supportedManifestVersions: ReadonlyArray<number> = [1, 2, 3]

interface RawElement {
  readonly active?: unknown
  readonly attrPath?: unknown
  readonly originalUrl?: unknown
  readonly originalUri?: unknown
  readonly url?: unknown
  readonly uri?: unknown
  readonly storePaths?: unknown
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const str = (u: unknown): string | undefined => (typeof u === "string" && u !== "" ? u : undefined)

/** The name Nix 2.26 gives a v1/v2 element: the attribute's last component, else the store paths' names. */
const legacyName = (attrPath: string | undefined, storePaths: ReadonlyArray<string>): string => {
  if (attrPath !== undefined) {
    const parts = attrPath.split(".")
    const last = parts[parts.length - 1]!
    if (last !== "default" && !(parts.length === 2 && parts[0] === "defaultPackage")) return last
  }
  return [...new Set(storePaths.map((p) => parseDrvName(storePathName(p)).name))].sort().join(", ")
}

/** Versions of the store paths, as `nix profile history` shows them. */
const versionOf = (storePaths: ReadonlyArray<string>): string =>
  [...new Set(storePaths.map((p) => parseDrvName(storePathName(p)).version).filter((v) => v !== ""))].join(", ")

const element = (raw: unknown, key: string | undefined): Either.Either<InstalledPackage, string> => {
  if (!isRecord(raw)) return Either.left("an element is not an object")
  const e = raw as RawElement
  if (!Array.isArray(e.storePaths) || !e.storePaths.every((p): p is string => typeof p === "string")) {
    return Either.left("an element has no storePaths list")
  }
  const attrPath = str(e.attrPath)
  const source = str(e.originalUrl) ?? str(e.originalUri)
  const storePaths = e.storePaths as ReadonlyArray<string>
  return Either.right({
    name: key ?? legacyName(attrPath, storePaths),
    version: versionOf(storePaths),
    ...(attrPath !== undefined ? { attrPath } : {}),
    ...(source !== undefined ? { source } : {}),
    storePaths
  })
}

/** Parse a manifest.json text. Left = the reason it cannot be read (unsupported version, bad shape). */
export const parseManifestJson = (text: string): Either.Either<ReadonlyArray<InstalledPackage>, string> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return Either.left(`manifest.json is not JSON (${(e as Error).message})`)
  }
  if (!isRecord(json)) return Either.left("manifest.json is not an object")
  const version = json["version"]
  if (typeof version !== "number" || !supportedManifestVersions.includes(version)) {
    return Either.left(`manifest version ${String(version)} not supported`)
  }
  const elements = json["elements"]
  const entries: Array<[string | undefined, unknown]> =
    version === 3
      ? isRecord(elements) ? Object.entries(elements) : []
      : Array.isArray(elements) ? elements.map((e) => [undefined, e]) : []
  if (version === 3 ? !isRecord(elements) : !Array.isArray(elements)) {
    return Either.left(`manifest version ${version} has no valid "elements"`)
  }
  return Either.all(entries.map(([k, e]) => element(e, k)))
}
