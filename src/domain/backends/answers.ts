/** Answer builders shared by the profile and nix-env backends (pure). */
import type { Generation, PackageDetails, PackageSummary } from "../Plan.js"

/** Consecutive pairs of generations that both have package lists. */
export const consecutive = (gens: ReadonlyArray<Generation>): ReadonlyArray<readonly [number, number]> => {
  const ns = [...gens].map((g) => g.number).sort((x, y) => x - y)
  return ns.slice(1).map((n, i) => [ns[i]!, n] as const)
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === "string" ? v : null)

const licenses = (l: unknown): ReadonlyArray<string> => {
  const one = (x: unknown): ReadonlyArray<string> =>
    typeof x === "string" ? [x] : isObject(x) ? [str(x["spdxId"]) ?? str(x["shortName"]) ?? str(x["fullName"]) ?? "unknown"] : []
  return Array.isArray(l) ? l.flatMap(one) : one(l)
}

/** `nix search --json` (or `nix-env -qaP --json --meta`) output -> summaries, matching the query words. */
export const searchResults = (json: unknown, query: string, prefixToStrip: RegExp): ReadonlyArray<PackageSummary> => {
  if (!isObject(json)) return []
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== "")
  return Object.entries(json).flatMap(([key, raw]) => {
    if (!isObject(raw)) return []
    const meta = isObject(raw["meta"]) ? raw["meta"] : {}
    const attrPath = key.replace(prefixToStrip, "")
    const description = str(raw["description"]) ?? str(meta["description"])
    const hay = `${attrPath} ${str(raw["pname"]) ?? ""} ${description ?? ""}`.toLowerCase()
    if (!words.every((w) => hay.includes(w))) return []
    return [{
      attrPath,
      pname: str(raw["pname"]) ?? attrPath.split(".").pop() ?? attrPath,
      version: str(raw["version"]) ?? "",
      description
    }]
  }).filter((r, i, all) => all.findIndex((o) => o.attrPath === r.attrPath) === i)
    .sort((x, y) => x.attrPath.localeCompare(y.attrPath))
}

/** A package's details from `{ name, pname, version, meta }`. */
export const detailsFrom = (attrPath: string, raw: unknown, installed: boolean): PackageDetails => {
  const o = isObject(raw) ? raw : {}
  const meta = isObject(o["meta"]) ? o["meta"] : {}
  const name = str(o["name"]) ?? attrPath
  const pname = str(o["pname"]) ?? name.replace(/-[^a-zA-Z].*$/, "")
  const homepage = Array.isArray(meta["homepage"]) ? str(meta["homepage"][0]) : str(meta["homepage"])
  return {
    attrPath, pname,
    version: str(o["version"]) ?? name.slice(pname.length + 1),
    description: str(meta["description"]),
    homepage,
    license: licenses(meta["license"]),
    longDescription: str(meta["longDescription"]),
    broken: meta["broken"] === true,
    unfree: isObject(meta["license"]) && meta["license"]["free"] === false,
    installed
  }
}
