/** Prompts on the terminal through @effect/cli's Prompt. Ctrl-C or Esc at a prompt means "no". */
import { Prompt } from "@effect/cli"
import type { FileSystem, Path, Terminal } from "@effect/platform"
import { Effect } from "effect"

export const makePrompter = Effect.map(
  Effect.context<Terminal.Terminal | FileSystem.FileSystem | Path.Path>(),
  (context) => ({
    confirm: (message: string) =>
      Prompt.run(Prompt.confirm({ message, initial: false })).pipe(
        Effect.provide(context),
        Effect.orElseSucceed(() => false)
      ),
    choose: (message: string, choices: ReadonlyArray<{ readonly title: string; readonly value: string }>) =>
      Prompt.run(Prompt.select<string | undefined>({
        message,
        choices: [...choices.map((c) => ({ title: c.title, value: c.value as string | undefined })), { title: "none of these", value: undefined }]
      })).pipe(
        Effect.provide(context),
        Effect.orElseSucceed(() => undefined)
      )
  })
)
