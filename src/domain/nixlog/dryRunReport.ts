/** What `nix build --dry-run` / `nix-env --dry-run` say would be built and fetched (pure). */
import { parseStorePathName } from "../profile/drvName.js"

export interface DryRunReport {
  /** name-version of each derivation that would be built. */
  readonly build: ReadonlyArray<string>
  /** name-version of each path that would be downloaded. */
  readonly fetch: ReadonlyArray<string>
  readonly downloadMiB: number | undefined
  readonly unpackedMiB: number | undefined
}

const nameOf = (path: string): string => {
  const { name: pname, version } = parseStorePathName(path.replace(/\.drv$/, ""))
  return version === "" ? pname : `${pname}-${version}`
}

export const parseDryRun = (stderr: string): DryRunReport => {
  const build: Array<string> = []
  const fetch: Array<string> = []
  let downloadMiB: number | undefined
  let unpackedMiB: number | undefined
  let section: "build" | "fetch" | undefined
  for (const raw of stderr.split("\n")) {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, "")
    if (/^(these \d+ derivations|this derivation) will be built/.test(line)) { section = "build"; continue }
    const fetchHead = /^(?:these \d+ paths|this path) will be fetched(?: \(([\d.]+) MiB download, ([\d.]+) MiB unpacked\))?/.exec(line)
    if (fetchHead) {
      section = "fetch"
      if (fetchHead[1] !== undefined) downloadMiB = Number(fetchHead[1])
      if (fetchHead[2] !== undefined) unpackedMiB = Number(fetchHead[2])
      continue
    }
    const item = /^\s+(\/nix\/store\/\S+)/.exec(line)
    if (item && section) (section === "build" ? build : fetch).push(nameOf(item[1]!))
    else if (!item) section = undefined
  }
  return { build, fetch, downloadMiB, unpackedMiB }
}

/** One or two sentences for the plan's notes. */
export const describeDryRun = (r: DryRunReport): ReadonlyArray<string> => {
  const notes: Array<string> = []
  if (r.build.length > 0) notes.push(`Would build ${r.build.length} package${r.build.length === 1 ? "" : "s"}: ${r.build.slice(0, 8).join(", ")}${r.build.length > 8 ? ", ..." : ""}.`)
  if (r.fetch.length > 0) {
    notes.push(`Would download ${r.fetch.length} path${r.fetch.length === 1 ? "" : "s"}` +
      (r.downloadMiB !== undefined ? ` (${r.downloadMiB} MiB, ${r.unpackedMiB ?? "?"} MiB unpacked)` : "") + ".")
  }
  if (notes.length === 0) notes.push("Everything needed is already in the store: nothing to build or download.")
  return notes
}
