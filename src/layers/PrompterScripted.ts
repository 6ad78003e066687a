/** Scripted answers for tests: confirm answers `yes`, choose picks index `pick` (or declines). */
import { Effect, Layer } from "effect"
import { Prompter } from "../services/Prompter.js"

export const PrompterScripted = (answers: { readonly yes: boolean; readonly pick?: number }) =>
  Layer.succeed(Prompter, {
    confirm: () => Effect.succeed(answers.yes),
    choose: (_m, choices) => Effect.succeed(answers.pick === undefined ? undefined : choices[answers.pick]?.value)
  })
