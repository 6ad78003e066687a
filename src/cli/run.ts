/**
 * One call of the CLI: read the settings, check and route the words (route.ts), answer help, version
 * and completions, or parse the options with @effect/cli and run the command. Returns the exit code
 * (0 done, 1 failed, 2 not understood or wrong usage).
 *
 * Not `Command.run`: @effect/cli prints its own errors and help (coloured, to stderr, with its own
 * wording) before the program can say anything. Here every usage error is a UsageError, said once,
 * and under `--json` every outcome, a usage error or a crash too, ends with a JSON result line.
 */
import type { CliApp } from "@effect/cli"
import * as Descriptor from "@effect/cli/CommandDescriptor"
import type * as HelpDoc from "@effect/cli/HelpDoc"
import * as ValidationError from "@effect/cli/ValidationError"
import { Cause, Effect, Either, Ref } from "effect"
import type { LoadedConfig } from "../domain/config/UserConfig.js"
import { type AppError, exitCode, UsageError, userMessage } from "../domain/errors.js"
import { errorJson } from "../domain/resultJson.js"
import type { OutputShape } from "../services/Output.js"
import type { AppEnv } from "./AppEnv.js"
import { useColor } from "./color.js"
import { cliConfig, makeCommand } from "./commands.js"
import { completionScript } from "./completions.js"
import { exclusiveOptions } from "./globalOptions.js"
import { commandAt, type Grammar, spanText } from "./grammar.js"
import { helpPage } from "./helpPage.js"
import { type Route, routeArgs } from "./route.js"
import { SUBCOMMANDS } from "./subcommands.js"
import { configPath, loadUserConfig } from "./userConfig.js"
import { mark } from "./timing.js"

export const VERSION = "0.1.0"

/** The plain text of a HelpDoc (how @effect/cli words its errors). */
const plain = (doc: HelpDoc.HelpDoc): string => {
  const walk = (d: HelpDoc.HelpDoc): ReadonlyArray<string> => {
    switch (d._tag) {
      case "Empty": return []
      case "Header": case "Paragraph": return [spanText(d.value)]
      case "DescriptionList": return d.definitions.flatMap(([s, b]) => [spanText(s), ...walk(b)])
      case "Enumeration": return d.elements.flatMap(walk)
      case "Sequence": return [...walk(d.left), ...walk(d.right)]
    }
  }
  return walk(doc).join(" ").replace(/\s+/g, " ").trim().replace(/[.:]$/, "")
}

/** Says what went wrong (stderr, or the JSON result line) and gives the exit code. */
const report = (out: OutputShape, e: AppError) =>
  Effect.as(out.json ? out.result({ ok: false, error: errorJson(e) }) : out.note(userMessage(e)), exitCode(e))

/** A usage error from what @effect/cli found wrong, with the command's example. */
const usageFrom = (e: ValidationError.ValidationError, path: ReadonlyArray<string>, g: Grammar): UsageError => {
  const spec = path.length > 0 ? commandAt(g, path) : undefined
  const name = path.join(" ")
  const example = spec?.examples[0]
  const hint = example !== undefined ? `For example: ${example}` : `See: ask-nix ${name} --help`
  const text = plain(e.error)
  if (spec !== undefined && /^Missing argument/.test(text)) return new UsageError({ problem: `${name} needs ${spec.args} (none given)`, hint })
  return new UsageError({ problem: text === "" ? `${name} cannot read these words` : text, hint })
}

const settingsNote = (c: LoadedConfig | undefined, e: AppEnv) =>
  `Settings: ${c?.path ?? configPath(e.environment)}${c?.found === true ? "" : " (not there: defaults)"}; ASK_NIX_* variables override it. ask-nix config shows each.`

/** `argv` as process.argv: the first two entries (node, script) are dropped. */
export const runCli = (argv: ReadonlyArray<string>, env: AppEnv): Effect.Effect<number, never, CliApp.CliApp.Environment> => Effect.gen(function*() {
  mark("cli started")
  const exit = yield* Ref.make(0)
  const plugins = (yield* env.pluginCommands).filter((c) => !SUBCOMMANDS.has(c.name))
  const loaded = yield* Effect.either(loadUserConfig(env.environment))
  mark("settings read")
  const config = Either.getOrUndefined(loaded)
  const tree = makeCommand(env, exit, plugins, config)
  const grammar = tree.grammar
  const routed = routeArgs(argv.slice(2), grammar, exclusiveOptions)
  const out = env.output(routed.json)
  const route: Route = routed.route
  const color = useColor(config?.values.color ?? "auto", env.environment) && !routed.json

  /** Help, the version or a script: the text itself, or under --json a result line carrying it. */
  const show = (text: string, fields: Record<string, unknown>) =>
    Effect.gen(function*() {
      yield* out.text(text)
      yield* out.result({ ok: true, ...fields, text })
      return 0
    })
  const help = (path: ReadonlyArray<string>) => {
    const page = helpPage(grammar, path, settingsNote(config, env), { color })
    return page === undefined
      ? report(out, new UsageError({ problem: `there is no command "${path.join(" ")}"`, hint: "See: ask-nix --help" }))
      : show(page, { intent: "help", command: path.join(" ") })
  }

  switch (route._tag) {
    case "usage": return yield* report(out, new UsageError({ problem: route.message, hint: route.hint }))
    case "help": return yield* help(route.path)
    case "version": return yield* show(VERSION, { intent: "version", version: VERSION })
    case "completions": return yield* show(completionScript(grammar, route.shell), { intent: "completions", shell: route.shell })
    case "run": break
  }
  if (Either.isLeft(loaded)) return yield* report(out, loaded.left)

  mark("words routed")
  const command = yield* tree.command(route.path[0] ?? "ask", routed.given)
  mark("command tree built")
  const parsed = yield* Effect.either(Descriptor.parse(command.descriptor, ["ask-nix", ...route.args], cliConfig))
  if (Either.isLeft(parsed)) return yield* report(out, usageFrom(parsed.left, route.path, grammar))
  const directive = parsed.right
  if (directive._tag === "BuiltIn") return yield* help(route.path)
  const [extra] = directive.leftover
  if (extra !== undefined) {
    return yield* report(out, new UsageError({ problem: `${route.path.join(" ") || "ask-nix"} takes no more words (got "${extra}")`, hint: `See: ask-nix ${route.path.join(" ")} --help` }))
  }
  mark("options parsed")
  const ran = yield* Effect.either(command.transform(command.handler(directive.value), directive.value))
  if (Either.isLeft(ran)) {
    // A command of commands given none of them (`ask-nix index`): its page.
    if (ValidationError.isHelpRequested(ran.left)) return yield* help(route.path)
    return yield* report(out, usageFrom(ran.left, route.path, grammar))
  }
  return yield* Ref.get(exit)
}).pipe(
  // A crash still ends with a result line under --json (and the exit code 1): nothing is left unsaid.
  Effect.catchAllCause((cause) =>
    Cause.isInterruptedOnly(cause) ? Effect.failCause(cause) : Effect.gen(function*() {
      const json = argv.slice(2).includes("--json")
      const message = Cause.pretty(cause)
      const out = env.output(json)
      yield* out.note(`ask-nix failed unexpectedly (a bug: please report it):\n${message}`)
      yield* out.result({ ok: false, error: { type: "Defect", message: message.split("\n")[0] ?? "" } })
      return 1
    })),
  Effect.onInterrupt(() => argv.slice(2).includes("--json")
    ? env.output(true).result({ ok: false, error: { type: "Interrupted", message: "Interrupted: stopped before it finished." } })
    : Effect.void),
  Effect.orDie
)
