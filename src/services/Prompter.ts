/** Questions to the person at the terminal. Only used when Settings.interactive is true. */
import { Context, type Effect } from "effect"

export interface PrompterShape {
  readonly confirm: (message: string) => Effect.Effect<boolean>
  /** Returns the chosen value, or undefined when the person declines. */
  readonly choose: (message: string, choices: ReadonlyArray<{ readonly title: string; readonly value: string }>) => Effect.Effect<string | undefined>
}

export class Prompter extends Context.Tag("ask-nix/Prompter")<Prompter, PrompterShape>() {}
