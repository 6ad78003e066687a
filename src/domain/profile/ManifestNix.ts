/** The `manifest.nix` of a nix-env profile: a list of attribute sets, one per installed derivation. */
import { Either } from "effect"
import type { InstalledPackage } from "../Plan.js"
import { parseDrvName } from "./drvName.js"
import { parseNixValue, type NixValue } from "./NixValue.js"

type Attrs = { readonly [key: string]: NixValue }

const isAttrs = (v: NixValue | undefined): v is Attrs =>
  typeof v === "object" && v !== null && !Array.isArray(v)

const outPathOf = (v: NixValue | undefined): string | undefined =>
  isAttrs(v) && typeof v["outPath"] === "string" ? v["outPath"] : undefined

const entry = (v: NixValue): Either.Either<InstalledPackage, string> => {
  if (!isAttrs(v)) return Either.left("an element is not an attribute set")
  const name = v["name"]
  if (typeof name !== "string") return Either.left("an element has no name")
  const outputs = Array.isArray(v["outputs"]) ? (v["outputs"] as ReadonlyArray<NixValue>) : ["out"]
  const paths: Array<string> = []
  for (const o of outputs) {
    const p = typeof o === "string" ? outPathOf(v[o]) : undefined
    if (p !== undefined) paths.push(p)
  }
  const outPath = v["outPath"]
  if (paths.length === 0 && typeof outPath === "string") paths.push(outPath)
  if (paths.length === 0) return Either.left(`element "${name}" has no store path`)
  const { name: pname, version } = parseDrvName(name)
  return Either.right({ name: pname, version, storePaths: paths })
}

/** Parse a manifest.nix text. Left = why it cannot be read. */
export const parseManifestNix = (text: string): Either.Either<ReadonlyArray<InstalledPackage>, string> =>
  Either.flatMap(parseNixValue(text), (v) =>
    Array.isArray(v)
      ? Either.all((v as ReadonlyArray<NixValue>).map(entry))
      : Either.left("manifest.nix is not a list"))
