/**
 * The one way a question from whyAsk is put: --yes answers it; a terminal is asked; without one,
 * NeedsConfirmation (exit 2) says what was not done and how to go ahead.
 */
import { Effect } from "effect"
import type { Question } from "../domain/confirmation/whyAsk.js"
import { NeedsConfirmation } from "../domain/errors.js"
import { Prompter } from "../services/Prompter.js"
import { Settings } from "../services/Settings.js"

/** true: go ahead (no question, --yes, or a yes on the terminal); false: the person said no. */
export const confirm = (question: Question | undefined) => Effect.gen(function*() {
  const settings = yield* Settings
  if (question === undefined || settings.yes) return true
  if (!settings.interactive) return yield* new NeedsConfirmation({ reason: question.refusal, choices: [] })
  return yield* (yield* Prompter).confirm(question.ask)
})
