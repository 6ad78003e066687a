/**
 * Where "go back" leads, decided from the history before the request is served (src/domain/history
 * has the rule; this reads the history and the profile).
 */
import { Effect } from "effect"
import { Rollback, type Intent, type Scope } from "../domain/Intent.js"
import { goBackTarget, lastChangeIn } from "../domain/history/HistoryEntry.js"
import { previousGeneration } from "../domain/profile/generationMath.js"
import { History } from "../services/History.js"
import { ProfileInspector } from "../services/ProfileInspector.js"
import { Settings } from "../services/Settings.js"
import type { Served } from "./pipeline.js"

/**
 * "go back", "undo my last update": to the generation before the last change ask-nix made in this
 * profile, when that change made the current generation, however many generations it took (an update
 * that went 3 -> 5 goes back to 3, not to 4). Otherwise the previous generation, as Nix does.
 */
export const goBack = (intent: Intent, scope: Scope) => Effect.gen(function*() {
  const unchanged = { intent, note: undefined }
  if (scope !== "user" || intent._tag !== "rollback" || intent.generation !== undefined || intent.steps !== undefined) return unchanged
  const settings = yield* Settings
  const history = yield* History
  const key = yield* history.profileKey(settings.profile)
  const profile = yield* (yield* ProfileInspector).inspect(settings.profile)
  const last = lastChangeIn(yield* history.entries, key)
  const target = goBackTarget(last, profile.current)
  if (last === undefined || target === undefined || !profile.generations.some((g) => g.number === target) ||
    target === previousGeneration(profile.generations, profile.current)) return unchanged
  return {
    intent: new Rollback({ generation: target }),
    note: `Back to generation ${target}, from before "${last.summary}" (${last.at.slice(0, 16).replace("T", " ")}), which went from generation ${target} to ${profile.current}.`
  }
})

export const withNote = (served: Served, note: string | undefined): Served =>
  note === undefined || served.outcome._tag !== "Plan"
    ? served
    : { ...served, outcome: { ...served.outcome, plan: { ...served.outcome.plan, notes: [...served.outcome.plan.notes, note] } } }

