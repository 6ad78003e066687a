/**
 * Cleaning the system profile: delete old system generations, collect garbage, and rewrite the boot
 * menu so it no longer lists the deleted generations (their entries would point at nothing).
 */
import type { Clean } from "../../Intent.js"
import type { Plan } from "../../Plan.js"
import { elevate } from "../../system/Elevation.js"
import type { SystemInfo } from "../../system/SystemInfo.js"
import { backendName, commonNotes, type GenerationState } from "./systemPlans.js"

/** The generations `nix-env --delete-generations` removes: `old` = all but the current, `+N` keeps the last N. */
export const generationsToDelete = (gens: GenerationState, keep: number | undefined): ReadonlyArray<number> => {
  const kept = new Set(keep === undefined ? [] : gens.numbers.slice(-keep))
  return gens.numbers.filter((n) => n !== gens.current && !kept.has(n))
}

export const cleanPlan = (info: SystemInfo, intent: Clean, gens: GenerationState): Plan => {
  const profile = info.paths.systemProfile
  const e = info.elevation
  const interactive = e.kind === "tool" ? true : undefined
  const deleted = generationsToDelete(gens, intent.keep)
  return {
    backend: backendName,
    intent,
    steps: [
      {
        argv: elevate(e, ["nix-env", "--profile", profile, "--delete-generations", intent.keep === undefined ? "old" : `+${intent.keep}`]),
        mutating: true, interactive, description: "delete old system generations"
      },
      { argv: elevate(e, ["nix-store", "--gc"]), mutating: true, interactive, description: "delete store paths nothing uses any more" },
      {
        argv: elevate(e, [`${profile}/bin/switch-to-configuration`, "boot"]), mutating: true, interactive,
        description: "rewrite the boot menu without the deleted generations"
      }
    ],
    notes: [
      deleted.length === 0
        ? "No system generation would be deleted; garbage collection still frees unused store paths."
        : `System generations to delete: ${deleted.join(", ")} (keeping ${gens.numbers.filter((n) => !deleted.includes(n)).join(", ")}).`,
      "You cannot roll back to a deleted generation.",
      ...commonNotes(info, true)
    ],
    preview: { scope: "system", needsRoot: true, deleteGenerations: deleted, elevation: { kind: e.kind, tool: e.tool ?? null, reason: e.reason } }
  }
}
