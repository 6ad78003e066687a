/**
 * What collecting garbage means and what it did: the plan's note, and Nix's own summary line
 * ("14 store paths deleted, 1.20 MiB freed", printed by `nix store gc` and `nix-collect-garbage`).
 */
import { formatBytes } from "../daemon/Closure.js"

/** Said in every clean plan: the collector is not limited to the deleted generations. */
export const collectsEverything =
  "Collecting garbage deletes every store path that nothing refers to any more, not only those the deleted generations used."

export interface GcResult {
  readonly deletedPaths: number
  /** As Nix reports it (to 0.01 MiB). */
  readonly freedBytes: number
  /** The unit Nix counted in ("MiB"): a figure that rounds to 0.00 of it is not "0 bytes". */
  readonly unit: string
}

const UNITS: Readonly<Record<string, number>> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 }

/** Nix's summary among the lines a collection printed, or undefined. */
export const parseGcSummary = (lines: ReadonlyArray<string>): GcResult | undefined => {
  for (const line of [...lines].reverse()) {
    const m = /(\d+) store paths? deleted, ([\d.]+) (B|KiB|MiB|GiB|TiB) freed/.exec(line)
    if (m !== null) return { deletedPaths: Number(m[1]), freedBytes: Math.round(Number(m[2]) * UNITS[m[3]!]!), unit: m[3]! }
  }
  return undefined
}

/** Nix prints "0.00 MiB freed" for a few KiB: that is less than 0.01 MiB, not nothing. */
const freedText = (r: GcResult): string =>
  r.freedBytes === 0 && r.deletedPaths > 0 && r.unit !== "B" ? `less than 0.01 ${r.unit}` : formatBytes(r.freedBytes)

export const gcSummaryLine = (r: GcResult): string =>
  `Freed ${freedText(r)} (${r.deletedPaths} store path${r.deletedPaths === 1 ? "" : "s"} deleted). ${collectsEverything}`
