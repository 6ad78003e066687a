/** What a home-manager plan achieved, in words, from its generations before and after. */
import type { ExecutionResult, Plan } from "../Plan.js"
import type { HomeInfo } from "./HomeInfo.js"

export const homeResult = (info: HomeInfo, plan: Plan, before: number | undefined, after: number | undefined): ExecutionResult => {
  const i = plan.intent
  const changed = before !== after
  const summary = i._tag === "flake-update"
    ? [`flake.lock is updated. Apply it: ${info.mode === "module" ? "ask-nix --system apply my config" : "ask-nix --home switch home-manager"}.`]
    : i._tag === "rebuild" && i.mode === "build"
    ? ["The home-manager configuration is built (./result); it is not active."]
    : i._tag === "rollback"
    ? [changed
      ? `home-manager is now on generation ${after} with generation ${String(plan.preview?.["to"] ?? "?")}'s configuration (was ${before ?? "none"}).`
      : `home-manager stays on generation ${after ?? "?"}: the activation made no new generation.`]
    : [changed ? `home-manager is now on generation ${after} (was ${before ?? "none"}).` : `home-manager stays on generation ${after ?? "?"}: nothing changed.`]
  return { plan, generationBefore: before, generationAfter: after, summary, data: { scope: "home", mode: info.mode, profile: info.profile } }
}
