/** What a system plan achieved, in words, from the generations before and after. */
import type { ExecutionResult, Plan } from "../../Plan.js"
import type { SystemInfo } from "../../system/SystemInfo.js"

export const resultFor = (
  info: SystemInfo,
  plan: Plan,
  before: number | undefined,
  after: number | undefined,
  dryRun: boolean
): ExecutionResult => {
  const mode = plan.intent._tag === "rebuild" ? plan.intent.mode : plan.intent._tag === "update" || plan.intent._tag === "rollback" ? "switch" : undefined
  const changed = before !== after
  const summary = plan.intent._tag === "flake-update"
    ? ["flake.lock is updated; the system is not rebuilt yet. Apply it: ask-nix --system apply my config"]
    : dryRun || mode === "dry-build"
    ? ["Nothing was changed (preview only)."]
    : mode === "build"
      ? ["The system configuration is built; it is not active (see ./result)."]
      : mode === "test"
        ? [`The new configuration is active until the next reboot; the boot default is still generation ${before ?? "?"}.`]
        : mode === "boot"
          ? [changed ? `Generation ${after} will be used from the next boot.` : `The boot default is generation ${after ?? "?"}; nothing changed now.`]
          : [changed ? `The system is now on generation ${after} (was ${before ?? "none"}).` : `The system stays on generation ${after ?? "?"}: nothing changed.`]
  return {
    plan, generationBefore: before, generationAfter: after, summary,
    data: { scope: "system", profile: info.paths.systemProfile }
  }
}
