/** The names that make the first word a typed subcommand (plugins may add more at start). */
import { commandNames } from "../domain/commandNames.js"

export const SUBCOMMANDS: ReadonlySet<string> = new Set(commandNames)
