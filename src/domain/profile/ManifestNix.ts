/** The `manifest.nix` of a nix-env profile: a list of attribute sets, one per installed derivation. */
import { Either } from "effect"
import type { InstalledPackage } from "../Plan.js"
import { parseDrvName } from "./drvName.js"
import { parseNixValue, type NixValue } from "./NixValue.js"
import { installedOf, type Manifest, type ManifestElement } from "./Profile.js"

type Attrs = { readonly [key: string]: NixValue }

const isAttrs = (v: NixValue | undefined): v is Attrs =>
  typeof v === "object" && v !== null && !Array.isArray(v)

const isList = (v: NixValue | undefined): v is ReadonlyArray<NixValue> => Array.isArray(v)

const outPathOf = (v: NixValue | undefined): string | undefined =>
  isAttrs(v) && typeof v["outPath"] === "string" ? v["outPath"] : undefined

const entry = (v: NixValue, index: number): Either.Either<ManifestElement, string> => {
  if (!isAttrs(v)) return Either.left("an element is not an attribute set")
  const full = v["name"]
  if (typeof full !== "string") return Either.left("an element has no name")
  const listed = v["outputs"]
  const outputs: ReadonlyArray<NixValue> = isList(listed) ? listed : ["out"]
  const paths: Array<string> = []
  for (const o of outputs) {
    const p = typeof o === "string" ? outPathOf(v[o]) : undefined
    if (p !== undefined) paths.push(p)
  }
  const outPath = v["outPath"]
  if (paths.length === 0 && typeof outPath === "string") paths.push(outPath)
  if (paths.length === 0) return Either.left(`element "${full}" has no store path`)
  const { name, version } = parseDrvName(full)
  return Either.right({ name, index, pname: name, version, attrPath: undefined, originalUrl: undefined, storePaths: paths, active: true })
}

/** A manifest.nix text as a Manifest (version 0); Left = why it cannot be read. */
export const decodeManifestNix = (text: string): Either.Either<Manifest, string> =>
  Either.flatMap(parseNixValue(text), (v) =>
    isList(v)
      ? Either.map(Either.all(v.map(entry)), (elements) => ({ version: 0, elements }))
      : Either.left("manifest.nix is not a list"))

/** The packages of a manifest.nix text, as answers show them. */
export const parseManifestNix = (text: string): Either.Either<ReadonlyArray<InstalledPackage>, string> =>
  Either.map(decodeManifestNix(text), installedOf)
