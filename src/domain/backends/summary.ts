/** What an executed plan achieved, in a line or two. */
import type { ExecutionResult, Plan } from "../Plan.js"
import { describeIntent } from "../Intent.js"

export const summarize = (plan: Plan, before: number | undefined, after: number | undefined): ExecutionResult => ({
  plan,
  generationBefore: before,
  generationAfter: after,
  summary: [
    plan.steps.length === 0
      ? `Nothing to do for: ${describeIntent(plan.intent)}.`
      : `Done: ${describeIntent(plan.intent)}.`,
    ...(before !== after ? [`The profile went from generation ${before ?? "none"} to ${after ?? "none"}.`] : [])
  ]
})
