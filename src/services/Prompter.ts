/** Questions to the person at the terminal. Only used when Settings.interactive is true. */
import { Context, Effect, Layer } from "effect"

export interface PrompterShape {
  readonly confirm: (message: string) => Effect.Effect<boolean>
  /** Returns the chosen value, or undefined when the person declines. */
  readonly choose: (message: string, choices: ReadonlyArray<{ readonly title: string; readonly value: string }>) => Effect.Effect<string | undefined>
}

export class Prompter extends Context.Tag("ask-nix/Prompter")<Prompter, PrompterShape>() {}

/** Scripted answers for tests: confirm answers `yes`, choose picks index `pick` (or declines). */
export const PrompterScripted = (answers: { readonly yes: boolean; readonly pick?: number }) =>
  Layer.succeed(Prompter, {
    confirm: () => Effect.succeed(answers.yes),
    choose: (_m, choices) => Effect.succeed(answers.pick === undefined ? undefined : choices[answers.pick]?.value)
  })
