/**
 * The `manifest.json` of a `nix profile` profile, decoded with Schema. Versions 1 and 2 (Nix 2.4 ..
 * 2.19, e.g. 2.8) keep a list of elements, removed by index; version 3 (Nix 2.20+, e.g. 2.26) keys
 * elements by name. Anything else is refused with the reason. `nix profile list --json` prints the
 * same shape on the Nix versions that have it.
 */
import { Either, ParseResult, Schema } from "effect"
import type { InstalledPackage } from "../Plan.js"
import { parseDrvName, storePathName } from "./drvName.js"
import { installedOf, type Manifest, type ManifestElement } from "./Profile.js"

export const supportedManifestVersions: ReadonlyArray<number> = [1, 2, 3]

const Text = Schema.optional(Schema.NullOr(Schema.String))

const Element = Schema.Struct({
  active: Schema.optional(Schema.Boolean),
  attrPath: Text,
  originalUrl: Text,
  originalUri: Text,
  storePaths: Schema.Array(Schema.String)
})
type Element = typeof Element.Type

const Head = Schema.Struct({ version: Schema.optional(Schema.Unknown), elements: Schema.optional(Schema.Unknown) })

const nonEmpty = (s: string | null | undefined): string | undefined => (s === null || s === undefined || s === "" ? undefined : s)

/** The name Nix 2.26 gives a v1/v2 element: the attribute's last component, else the store paths' names. */
const legacyName = (attrPath: string | undefined, storePaths: ReadonlyArray<string>): string => {
  if (attrPath !== undefined) {
    const parts = attrPath.split(".")
    const last = parts[parts.length - 1]!
    if (last !== "default" && !(parts.length === 2 && parts[0] === "defaultPackage")) return last
  }
  return [...new Set(storePaths.map((p) => parseDrvName(storePathName(p)).name))].sort().join(", ")
}

const element = (e: Element, index: number, key: string | undefined): ManifestElement => {
  const attrPath = nonEmpty(e.attrPath)
  const first = e.storePaths[0] === undefined ? undefined : parseDrvName(storePathName(e.storePaths[0]))
  return {
    name: key ?? legacyName(attrPath, e.storePaths),
    index,
    pname: first?.name ?? key ?? `element${index}`,
    // Versions of the store paths, as `nix profile history` shows them.
    version: [...new Set(e.storePaths.map((p) => parseDrvName(storePathName(p)).version).filter((v) => v !== ""))].join(", "),
    attrPath,
    originalUrl: nonEmpty(e.originalUrl) ?? nonEmpty(e.originalUri),
    storePaths: e.storePaths,
    active: e.active !== false
  }
}

const decodeElements = (elements: unknown, keyed: boolean): Either.Either<ReadonlyArray<ManifestElement>, string> => {
  const decoded = keyed
    ? Schema.decodeUnknownEither(Schema.Record({ key: Schema.String, value: Element }))(elements)
      .pipe(Either.map((r) => Object.entries(r).map(([k, e], i) => element(e, i, k))))
    : Schema.decodeUnknownEither(Schema.Array(Element))(elements).pipe(Either.map((es) => es.map((e, i) => element(e, i, undefined))))
  return Either.mapLeft(decoded, (e) => `an element is malformed (${ParseResult.TreeFormatter.formatErrorSync(e).split("\n")[0]})`)
}

/** A decoded manifest.json; Left = why it cannot be used. */
export const decodeManifestJson = (json: unknown): Either.Either<Manifest, string> => {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return Either.left("the manifest is not a JSON object")
  const head = Schema.decodeUnknownSync(Head)(json)
  const version = head.version
  if (typeof version !== "number" || !supportedManifestVersions.includes(version)) {
    return Either.left(`manifest version ${String(version)} not supported`)
  }
  const keyed = version === 3
  const els = head.elements
  if (els === undefined) return Either.left("the manifest has no elements")
  if (keyed ? typeof els !== "object" || els === null || Array.isArray(els) : !Array.isArray(els)) {
    return Either.left(`manifest version ${version} has no valid "elements"`)
  }
  return Either.map(decodeElements(els, keyed), (elements) => ({ version, elements }))
}

/** The manifest, or why it cannot be used. */
export const parseManifest = (json: unknown): Manifest | string => Either.getOrElse(decodeManifestJson(json), (reason) => reason)

/** A manifest.json text; Left = why it cannot be read (not JSON, unsupported version, bad shape). */
export const decodeManifestText = (text: string): Either.Either<Manifest, string> =>
  Either.flatMap(
    Schema.decodeUnknownEither(Schema.parseJson())(text).pipe(Either.mapLeft((e) => `manifest.json is not JSON (${ParseResult.TreeFormatter.formatErrorSync(e).split("\n").pop()?.trim()})`)),
    decodeManifestJson
  )

/** The packages of a manifest.json text, as answers show them. */
export const parseManifestJson = (text: string): Either.Either<ReadonlyArray<InstalledPackage>, string> =>
  Either.map(decodeManifestText(text), installedOf)
