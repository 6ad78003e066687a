/**
 * How system commands gain root: sudo, doas or run0, shown explicitly in every plan.
 * Pure: the caller supplies the uid, the preference (env ASK_NIX_ELEVATE) and which tools are on PATH.
 */
export const elevationTools = ["sudo", "doas", "run0"] as const
export type ElevationTool = (typeof elevationTools)[number]

export interface Elevation {
  /** The prefix tool; undefined: commands run as they are. */
  readonly tool: ElevationTool | undefined
  /** root: already root; tool: prefix with `tool`; none: the user asked for no elevation; unavailable: nothing to elevate with. */
  readonly kind: "root" | "tool" | "none" | "unavailable"
  readonly reason: string
}

export interface ElevationInput {
  readonly uid: number
  /** ASK_NIX_ELEVATE: "sudo" | "doas" | "run0" | "none"; anything else is ignored (with a reason). */
  readonly preference: string | undefined
  readonly available: ReadonlyArray<ElevationTool>
}

const isTool = (s: string): s is ElevationTool => (elevationTools as ReadonlyArray<string>).includes(s)

export const chooseElevation = (input: ElevationInput): Elevation => {
  if (input.uid === 0) return { tool: undefined, kind: "root", reason: "running as root: no elevation needed" }
  const pref = input.preference?.trim().toLowerCase()
  if (pref === "none") return { tool: undefined, kind: "none", reason: "ASK_NIX_ELEVATE=none: commands run without elevation" }
  if (pref !== undefined && pref !== "" && isTool(pref)) {
    return {
      tool: pref,
      kind: "tool",
      reason: input.available.includes(pref)
        ? `ASK_NIX_ELEVATE=${pref}`
        : `ASK_NIX_ELEVATE=${pref} (note: ${pref} is not on PATH)`
    }
  }
  const found = elevationTools.find((t) => input.available.includes(t))
  const ignored = pref ? ` (ignored ASK_NIX_ELEVATE=${pref}: use sudo, doas, run0 or none)` : ""
  return found
    ? { tool: found, kind: "tool", reason: `${found} found on PATH${ignored}` }
    : { tool: undefined, kind: "unavailable", reason: `no sudo, doas or run0 on PATH${ignored}` }
}

/** Prefix argv with the elevation tool. */
export const elevate = (e: Elevation, argv: ReadonlyArray<string>): ReadonlyArray<string> =>
  e.tool === undefined ? argv : [e.tool, ...argv]

/** A probe that succeeds only when root is available without a password prompt (never hangs). */
export const nonInteractiveProbe = (tool: ElevationTool): ReadonlyArray<string> => {
  switch (tool) {
    case "sudo": return ["sudo", "-n", "true"]
    case "doas": return ["doas", "-n", "true"]
    case "run0": return ["run0", "--no-ask-password", "true"]
  }
}

