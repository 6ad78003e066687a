/** Chooses how progress is shown: JSON events are written by the pipeline; here, people's view. */
import { Effect } from "effect"
import type { ProgressEvent } from "../domain/ProgressEvent.js"
import type { SettingsShape } from "../services/Settings.js"

export const progressRenderer = (settings: SettingsShape) => (event: ProgressEvent): Effect.Effect<void> => {
  if (settings.json) return Effect.void
  switch (event._tag) {
    case "StepStarted": return Effect.sync(() => process.stderr.write(`[${event.index}/${event.total}] ${event.description ?? event.argv.join(" ")}\n`))
    case "ActivityStarted": return event.text ? Effect.sync(() => process.stderr.write(`  ${event.text}\n`)) : Effect.void
    default: return Effect.void
  }
}
