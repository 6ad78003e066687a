/** Route the words, run the command tree, and return the exit code (0 done, 1 failed, 2 not understood/usage). */
import { type CliApp, Command, ValidationError } from "@effect/cli"
import { Console, Effect, Ref } from "effect"
import { fixBashCompletions } from "./completions.js"
import type { AppEnv } from "./AppEnv.js"
import { makeCommand } from "./commands.js"
import { SUBCOMMANDS } from "./subcommands.js"
import { routeArgs } from "./route.js"

export const VERSION = "0.1.0"

/** `argv` as process.argv: the first two entries (node, script) are dropped. */
export const runCli = (argv: ReadonlyArray<string>, env: AppEnv): Effect.Effect<number, never, CliApp.CliApp.Environment> => Effect.gen(function*() {
  const exit = yield* Ref.make(0)
  const plugins = (yield* env.pluginCommands).filter((c) => !SUBCOMMANDS.has(c.name))
  const routed = routeArgs(argv.slice(2), new Set([...SUBCOMMANDS, ...plugins.map((c) => c.name)]))
  const command = makeCommand(env, exit, plugins)
  const cli = Command.run(command, { name: "ask-nix", version: VERSION })
  if (routed.args[0] === "--completions" && routed.args[1] === "bash") {
    // The script @effect/cli prints, with its root-command name fixed (completions.ts).
    const lines = yield* Command.getBashCompletions(command, "ask-nix")
    yield* Console.log(fixBashCompletions(lines.join("\n")))
    return 0
  }
  const failed = yield* cli(["node", "ask-nix", ...routed.args]).pipe(
    Effect.as(false),
    // @effect/cli has already printed the usage error; a usage error is exit code 2.
    Effect.catchIf(ValidationError.isValidationError, () => Effect.succeed(true))
  )
  return failed ? 2 : yield* Ref.get(exit)
})
