/** What an executed plan achieved, in a line or two. */
import type { ExecutionResult, Plan } from "../Plan.js"
import { describeIntent } from "../Intent.js"
import { gcSummaryLine, type GcResult } from "../store/garbage.js"

/** `gc`: what a garbage collection among the plan's steps reported. */
export const summarize = (plan: Plan, before: number | undefined, after: number | undefined, gc?: GcResult | undefined): ExecutionResult => ({
  plan,
  generationBefore: before,
  generationAfter: after,
  summary: [
    plan.steps.length === 0
      ? `Nothing to do for: ${describeIntent(plan.intent)}.`
      : `Done: ${describeIntent(plan.intent)}.`,
    ...(before !== after ? [`The profile went from generation ${before ?? "none"} to ${after ?? "none"}.`] : []),
    ...(gc !== undefined ? [gcSummaryLine(gc)] : [])
  ],
  ...(gc !== undefined ? { data: { freedBytes: gc.freedBytes, deletedPaths: gc.deletedPaths } } : {})
})
