/**
 * Reads the command line before @effect/cli sees it, from the grammar of the command tree (grammar.ts):
 *
 * - A typed command only when its name is the first word after the options; anything else is a
 *   sentence for the parser (the hidden `ask` command). Left alone, @effect/cli would route
 *   "do not install firefox" to `install firefox`. `--` ends the options and the choice of command.
 * - Global options are hoisted in front wherever they were typed (`ask-nix search vim --json`).
 * - An option nobody declares is a usage error that says so ("unknown option --bogus") with the
 *   nearest real one; a value that is not a number or not one of the choices, a missing value, and
 *   options that exclude each other are usage errors too.
 * - `--help`/`-h`, `--version`, `--completions SHELL` and `help COMMAND` are answered here.
 *
 * Pure: the words and the grammar in, what to do out.
 */
import { osaDistance } from "../domain/osa.js"
import { commandAt, findOption, type Grammar, longName, type OptionSpec, optionUsage } from "./grammar.js"

export const SHELLS = ["bash", "zsh", "fish"] as const
export type Shell = (typeof SHELLS)[number]

/** Options the CLI answers itself, before any command runs. */
const BUILTINS: ReadonlyArray<OptionSpec> = [
  { names: ["-h", "--help"], value: { _tag: "flag" }, description: "Show help (for a command: ask-nix COMMAND --help, or ask-nix help COMMAND)." },
  { names: ["--version"], value: { _tag: "flag" }, description: "Show the version." },
  { names: ["--completions"], value: { _tag: "choice", choices: SHELLS }, description: "Print a shell completion script (see the README)." }
]
export const builtinOptions = BUILTINS

export type Route =
  /** Run @effect/cli on `args`; `path` is the command (`[]` for a sentence). */
  | { readonly _tag: "run"; readonly args: ReadonlyArray<string>; readonly path: ReadonlyArray<string>; readonly sentence: boolean }
  | { readonly _tag: "help"; readonly path: ReadonlyArray<string> }
  | { readonly _tag: "version" }
  | { readonly _tag: "completions"; readonly shell: Shell }
  | { readonly _tag: "usage"; readonly message: string; readonly hint: string; readonly path: ReadonlyArray<string> }

export interface Routed {
  readonly route: Route
  /** `--json` was given: every outcome, a usage error too, ends with a JSON result line. */
  readonly json: boolean
  /** The global options given (long names), for checks made after parsing. */
  readonly given: ReadonlySet<string>
}

/** Options that exclude each other (long names, without dashes): each pair is a usage error. */
export type Exclusive = ReadonlyArray<readonly [string, string]>

/** The words of a command that, followed by other words, make a sentence instead (`config the firewall`). */
const ALONE_ONLY: ReadonlySet<string> = new Set(["config"])

const isOptionLike = (w: string) => w.startsWith("-") && w !== "-" && !/^-\d+$/.test(w)

const nearest = (word: string, candidates: ReadonlyArray<string>): string | undefined => {
  let best: string | undefined
  let bestD = 3
  for (const c of candidates) {
    const d = osaDistance(word, c, 2)
    if (d < bestD) { best = c; bestD = d }
  }
  // "--exec": a prefix of exactly one option is what was meant
  const prefixed = candidates.filter((c) => c.startsWith(word) && word.length >= 4)
  return best ?? (prefixed.length === 1 ? prefixed[0] : undefined)
}

/** A value given to an option, checked against what it accepts. */
const valueProblem = (o: OptionSpec, value: string): string | undefined => {
  const v = o.value
  if (v._tag === "integer" && !/^-?\d+$/.test(value)) return `${longName(o)} must be a number (got "${value}")`
  if (v._tag === "choice" && !v.choices.includes(value)) return `${longName(o)} must be one of ${v.choices.join(", ")} (got "${value}")`
  return undefined
}

export const routeArgs = (args: ReadonlyArray<string>, grammar: Grammar, exclusive: Exclusive = []): Routed => {
  const globals: Array<string> = []
  const given = new Set<string>()
  const path: Array<string> = []
  const words: Array<string> = []
  const afterDashes: Array<string> = []
  let sentence: boolean | undefined
  let help = false
  let version = false
  let shell: Shell | undefined
  const dashAt = args.indexOf("--")
  const json = (dashAt < 0 ? args : args.slice(0, dashAt)).includes("--json")
  const done = (route: Route): Routed => ({ route, json, given })
  const where = () => (path.length > 0 ? `ask-nix ${path.join(" ")} --help` : "ask-nix --help")
  const usage = (message: string, hint: string) => done({ _tag: "usage", message, hint, path })

  let i = 0
  while (i < args.length) {
    const a = args[i]!
    if (a === "--") { afterDashes.push(...args.slice(i + 1)); sentence ??= true; break }
    const command = path.length > 0 ? commandAt(grammar, path) : undefined
    if (!isOptionLike(a)) {
      if (sentence === undefined && grammar.commands.some((c) => c.name === a)) {
        path.push(a)
        sentence = false
      } else if (command !== undefined && words.length === 0 && command.subcommands.some((c) => c.name === a)) {
        path.push(a)
      } else {
        sentence ??= true
        words.push(a)
      }
      i++
      continue
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1
    const name = eq > 0 ? a.slice(0, eq) : a
    const inline = eq > 0 ? a.slice(eq + 1) : undefined
    const own = findOption(command?.options ?? [], name)
    const global = findOption(grammar.globals, name)
    const builtin = findOption(BUILTINS, name)
    const o = own ?? global ?? builtin
    if (o === undefined) {
      const known = [...(command?.options ?? []), ...grammar.globals, ...BUILTINS].flatMap((x) => x.names)
      const guess = nearest(name, known)
      const quote = sentence === true ? ` If "${name}" is part of your request, put the request in quotes: ask-nix "${[...words, a].join(" ")} ..."` : ""
      return usage(`unknown option ${name}`, `${guess !== undefined ? `Did you mean ${guess}? ` : ""}See the options: ${where()}.${quote}`)
    }
    let value: string | undefined
    if (o.value._tag === "flag") {
      if (inline !== undefined) return usage(`${name} takes no value (got "${a}")`, `Write just ${name}.`)
      i++
    } else {
      value = inline ?? args[i + 1]
      if (value === undefined || (inline === undefined && value === "--")) return usage(`${name} needs a value: ${optionUsage(o)}`, `See ${where()}`)
      const problem = valueProblem(o, value)
      if (problem !== undefined) return usage(problem, `See ${where()}`)
      i += inline !== undefined ? 1 : 2
    }
    const long = longName(o)
    if (o === builtin) {
      if (long === "--help") help = true
      else if (long === "--version") version = true
      else shell = SHELLS.find((s) => s === value)
    } else if (o === own) {
      words.push(long, ...(value === undefined ? [] : [value]))
    } else {
      globals.push(long, ...(value === undefined ? [] : [value]))
      given.add(long.slice(2))
    }
  }

  for (const [a, b] of exclusive) {
    if (given.has(a) && given.has(b)) return usage(`--${a} and --${b} cannot be used together`, "Give one of them.")
  }
  if (help) return done({ _tag: "help", path })
  if (shell !== undefined) return done({ _tag: "completions", shell })
  if (version) return done({ _tag: "version" })

  // `help install`, `help index build`: that command's page.
  if (path.length === 1 && path[0] === "help" && words.length > 0) {
    const topic = [words, words.slice(0, 1)].find((t) => commandAt(grammar, t) !== undefined && !grammar.hidden.has(t[0]!))
    if (topic !== undefined) return done({ _tag: "help", path: topic })
  }
  // `config the firewall` is a sentence; `config` alone is the command.
  if (path.length === 1 && ALONE_ONLY.has(path[0]!) && (words.some((w) => !isOptionLike(w)) || afterDashes.length > 0)) {
    return done({ _tag: "run", args: [...globals, "ask", "--", path[0]!, ...words, ...afterDashes], path: [], sentence: true })
  }
  if (path.length > 0) {
    const rest = afterDashes.length > 0 ? ["--", ...afterDashes] : []
    return done({ _tag: "run", args: [...globals, ...path, ...words, ...rest], path, sentence: false })
  }
  const all = [...words, ...afterDashes]
  return done({ _tag: "run", args: [...globals, "ask", ...(all.length > 0 ? ["--", ...all] : [])], path: [], sentence: true })
}
