/**
 * `--help` pages, from the grammar of the command tree (grammar.ts): the usage line says `ask-nix`,
 * a command's own options come first, then the global options every command takes, then where the
 * settings are read from. Plain text unless colour is on (a terminal, no NO_COLOR, or `color` set).
 */
import { type CommandSpec, commandAt, type Grammar, type OptionSpec, optionUsage } from "./grammar.js"
import { builtinOptions } from "./route.js"

export interface HelpStyle {
  readonly color: boolean
}

const bold = (style: HelpStyle, s: string) => (style.color ? `\x1b[1m${s}\x1b[0m` : s)

const WIDTH = 30

/** Two columns: what to type, what it does (a long left side gets a line of its own). */
const table = (rows: ReadonlyArray<readonly [string, string]>): ReadonlyArray<string> =>
  rows.flatMap(([left, right]) =>
    right === "" ? [`  ${left}`]
      : left.length + 2 > WIDTH - 2 ? [`  ${left}`, `${" ".repeat(WIDTH)}${right}`]
      : [`  ${left.padEnd(WIDTH - 2)}${right}`])

const optionRows = (options: ReadonlyArray<OptionSpec>) => options.map((o) => [optionUsage(o), o.description] as const)

const commandUsage = (path: ReadonlyArray<string>, c: CommandSpec): string =>
  ["ask-nix [OPTIONS]", ...path, ...c.options.map((o) => `[${optionUsage(o)}]`), ...(c.subcommands.length > 0 ? ["COMMAND"] : []), c.args]
    .filter((x) => x !== "").join(" ")

const examples = (style: HelpStyle, list: ReadonlyArray<string>) =>
  list.length === 0 ? [] : ["", bold(style, "Examples:"), ...list.map((e) => `  ${e}`)]

const globalSection = (style: HelpStyle, g: Grammar) => [
  "",
  bold(style, "Global options (anywhere before --):"),
  ...table(optionRows([...g.globals, ...builtinOptions]))
]

/** The help page of the root (`path` empty) or of a command; undefined when there is no such command. */
export const helpPage = (g: Grammar, path: ReadonlyArray<string>, settingsNote: string, style: HelpStyle): string | undefined => {
  if (path.length === 0) {
    return [
      g.description,
      "",
      bold(style, "Usage:"),
      '  ask-nix [OPTIONS] "WHAT YOU WANT, IN YOUR WORDS"',
      "  ask-nix [OPTIONS] COMMAND [WORDS...]",
      ...examples(style, g.examples),
      "",
      bold(style, "Commands:"),
      ...table(g.commands.filter((c) => !g.hidden.has(c.name)).map((c) =>
        [[c.name, c.subcommands.length > 0 ? c.subcommands.map((s) => s.name).join("|") : c.args].filter((x) => x !== "").join(" "), c.description.split("\n")[0] ?? ""] as const)),
      "  (ask-nix COMMAND --help, or ask-nix help COMMAND, for each; ask-nix help: everything it understands)",
      ...globalSection(style, g),
      "",
      settingsNote
    ].join("\n")
  }
  const c = commandAt(g, path)
  if (c === undefined) return undefined
  return [
    `${bold(style, "Usage:")} ${commandUsage(path, c)}`,
    "",
    c.description,
    ...examples(style, c.examples),
    ...(c.subcommands.length > 0
      ? ["", bold(style, "Commands:"), ...table(c.subcommands.map((s) => [[s.name, ...s.options.map((o) => `[${optionUsage(o)}]`), s.args].filter((x) => x !== "").join(" "), s.description.split("\n")[0] ?? ""] as const))]
      : []),
    ...(c.options.length > 0 ? ["", bold(style, `Options of ${path.join(" ")}:`), ...table(optionRows(c.options))] : []),
    ...globalSection(style, g),
    "",
    settingsNote
  ].join("\n")
}
