/**
 * What `nixos-rebuild dry-build` says would happen: derivations to build, paths to fetch and the
 * download size. Reads plain stderr and internal-json messages alike (Nix prints these as messages).
 */
import { parseLog } from "../nixlog/LogParser.js"

export interface DryBuildSummary {
  readonly willBuild: ReadonlyArray<string>
  readonly willFetch: ReadonlyArray<string>
  /** "12.3 MiB download, 45.6 MiB unpacked", when Nix said so. */
  readonly sizes: string | undefined
}

const textLines = (stderr: string): ReadonlyArray<string> =>
  parseLog(stderr.split("\n")).flatMap((e) =>
    e._tag === "Message" ? e.text.split("\n") : e._tag === "RawLine" ? [e.line] : e._tag === "NixError" ? e.text.split("\n") : [])

const storePathLine = /^\s+(\/nix\/store\/\S+)\s*$/

export const parseDryBuild = (stderr: string): DryBuildSummary => {
  const willBuild: Array<string> = []
  const willFetch: Array<string> = []
  let sizes: string | undefined
  let into: Array<string> | undefined
  for (const line of textLines(stderr)) {
    if (/derivations? will be built:?$/.test(line.trim())) {
      into = willBuild
      continue
    }
    const fetch = /paths? will be (?:fetched|downloaded)(?: \(([^)]*)\))?:?$/.exec(line.trim())
    if (fetch) {
      into = willFetch
      sizes = fetch[1]
      continue
    }
    const m = storePathLine.exec(line)
    if (m && into) into.push(m[1]!)
    else if (line.trim() !== "") into = undefined
  }
  return { willBuild, willFetch, sizes }
}

export const describeDryBuild = (s: DryBuildSummary): ReadonlyArray<string> => {
  if (s.willBuild.length === 0 && s.willFetch.length === 0) return ["Nothing to build or download: the system is already built."]
  const out: Array<string> = []
  if (s.willBuild.length > 0) out.push(`${s.willBuild.length} derivation${s.willBuild.length === 1 ? "" : "s"} would be built.`)
  if (s.willFetch.length > 0) out.push(`${s.willFetch.length} path${s.willFetch.length === 1 ? "" : "s"} would be downloaded${s.sizes ? ` (${s.sizes})` : ""}.`)
  return out
}
