/**
 * The words that make the first word of a command line a typed command: each intent kind's typed
 * subcommand (src/domain/intents) and the CLI's own commands. Plugins may not take any of these, nor
 * an intent kind's name.
 */
import { intentCommands, intentKinds } from "./Intent.js"

/** Commands of the CLI itself: `parse`, the sentence route `ask`, and `index build|status`. */
export const cliCommands: ReadonlyArray<string> = ["parse", "ask", "index"]

/** Every typed subcommand name. */
export const commandNames: ReadonlyArray<string> = [...intentCommands.map((c) => c.name), ...cliCommands]

/** What a plugin command may not be called: the commands, every kind, and `completions`. */
export const reservedCommands: ReadonlyArray<string> = [
  ...new Set([...commandNames, ...intentKinds.filter((k) => k !== "unknown" && k !== "plugin"), "completions"])
]
