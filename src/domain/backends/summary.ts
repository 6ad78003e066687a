/** What an executed plan achieved, in a line or two. */
import type { ExecutionResult, GenerationDiff, Plan } from "../Plan.js"
import { describeIntent } from "../Intent.js"
import { gcSummaryLine, type GcResult } from "../store/garbage.js"

const updated = (diff: GenerationDiff | undefined): ReadonlyArray<string> =>
  diff === undefined ? [] : [
    ...diff.changed.map((c) => `  ${c.name}: ${c.from || "?"} -> ${c.to || "?"}`),
    ...diff.added.map((a) => `  ${a.name}: new, ${a.version || "?"}`),
    ...diff.removed.map((r) => `  ${r.name}: no longer installed (was ${r.version || "?"})`)
  ]

export interface Observed {
  /** What changed between the generation before and after (when both exist). */
  readonly diff?: GenerationDiff | undefined
  /** What a garbage collection among the plan's steps reported. */
  readonly gc?: GcResult | undefined
}

/** An update that made no generation, or that the plan already knew had nothing newer, is "already up to date". */
export const summarize = (plan: Plan, before: number | undefined, after: number | undefined, observed: Observed = {}): ExecutionResult => {
  const { diff, gc } = observed
  const upToDate = plan.intent._tag === "update" &&
    (plan.preview?.["upToDate"] === true || (plan.steps.length > 0 && before === after))
  const what = plan.intent._tag === "update" && plan.intent.packages.length === 0 ? "anything in the profile" : plan.intent._tag === "update" ? plan.intent.packages.join(", ") : ""
  return {
    plan,
    generationBefore: before,
    generationAfter: after,
    summary: upToDate
      ? [`Already up to date: nothing newer for ${what}. No new generation was made.`]
      : [
        plan.steps.length === 0
          ? `Nothing to do for: ${describeIntent(plan.intent)}.`
          : `Done: ${describeIntent(plan.intent)}.`,
        ...(plan.intent._tag === "update" ? updated(diff) : []),
        ...(before !== after ? [`The profile went from generation ${before ?? "none"} to ${after ?? "none"}.`] : []),
        ...(gc !== undefined ? [gcSummaryLine(gc)] : [])
      ],
    ...(diff !== undefined && plan.intent._tag === "update" ? { data: { changed: diff.changed, upToDate } }
      : upToDate ? { data: { changed: [], upToDate } }
      : gc !== undefined ? { data: { freedBytes: gc.freedBytes, deletedPaths: gc.deletedPaths } }
      : {})
  }
}
