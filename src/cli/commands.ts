/** The command tree: global options, typed subcommands, and the hidden sentence route `ask`. */
import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option, Ref } from "effect"
import * as I from "../domain/Intent.js"
import { intentToJson } from "../domain/Intent.js"
import { runRequest, type Request } from "./pipeline.js"
import { IntentParser } from "../services/IntentParser.js"
import type { SettingsShape } from "../services/Settings.js"
import { userMessage, exitCode } from "../domain/errors.js"
import type { AppEnv, AppServices, CommandInfo } from "./AppEnv.js"
import { examplesText } from "./examples.js"
import { globalOptions } from "./globalOptions.js"
import { toSettings } from "./settings.js"
import { indexCommand } from "./indexCommand.js"

const words = (name: string) => Args.text({ name }).pipe(Args.repeated)
const someWords = (name: string) => Args.text({ name }).pipe(Args.atLeast(1))

export const makeCommand = (env: AppEnv, exit: Ref.Ref<number>, pluginCommands: ReadonlyArray<CommandInfo> = []) => {
  const root = Command.make("ask-nix", globalOptions).pipe(
    Command.withDescription(`Manage Nix software by saying what you want. Shows the plan; --execute carries it out.${examplesText("ask-nix")}`)
  )

  /** Run `f` with the services of this call, and record its exit code. */
  const withApp = (f: (s: SettingsShape) => Effect.Effect<number, never, AppServices>) =>
    Effect.gen(function*() {
      const g = yield* root
      const settings = toSettings(g, env.environment)
      const code = yield* Effect.provide(f(settings), env.layer(settings))
      yield* setExit(exit, code)
    })

  const request = (req: Request) => withApp(() => runRequest(req))

  const typed = (kind: string, intent: I.Intent, ws: ReadonlyArray<string>, parse = true) =>
    request({ text: [kind, ...ws].join(" "), typed: { intent, parse } })

  const sub = <N extends string, C extends Record<string, any>>(
    name: N, description: string, config: C,
    handler: (c: Command.Command.ParseConfig<C>) => Effect.Effect<void, never, any>
  ) => Command.make(name, config, handler as never).pipe(Command.withDescription(`${description}${examplesText(name)}`))

  const install = sub("install", "Install packages into your profile.", { packages: someWords("package") },
    ({ packages }) => typed("install", new I.Install({ packages }), packages))
  const remove = sub("remove", "Remove packages from your profile.", { packages: someWords("package") },
    ({ packages }) => typed("remove", new I.Remove({ packages }), packages))
  const update = sub("update", "Update packages (all of them when none is named).", { packages: words("package") },
    ({ packages }) => typed("update", new I.Update({ packages }), packages, packages.length > 0))
  const search = sub("search", "Search the package index.", { query: someWords("query") },
    ({ query }) => typed("search", new I.Search({ query: query.join(" ") }), query, false))
  const list = sub("list", "List installed packages.", {}, () => typed("list", new I.List({}), [], false))
  const rollback = sub("rollback", "Go back to the previous generation, to generation N, or N generations back.",
    {
      to: Options.integer("to").pipe(Options.optional, Options.withDescription("The generation to go back to.")),
      back: Options.integer("back").pipe(Options.optional, Options.withDescription("How many generations to go back (default 1)."))
    },
    ({ to, back }) => typed("rollback", new I.Rollback({ generation: Option.getOrUndefined(to), steps: Option.getOrUndefined(back) }), [], false))
  const generations = sub("generations", "List the generations of your profile.", {},
    () => typed("generations", new I.Generations({}), [], false))
  const clean = sub("clean", "Delete old generations and collect garbage.",
    { keep: Options.integer("keep").pipe(Options.optional, Options.withDescription("How many recent generations to keep.")) },
    ({ keep }) => typed("clean", new I.Clean({ keep: Option.getOrUndefined(keep) }), [], false))
  const info = sub("info", "Show what a package is.", { packages: someWords("package") },
    ({ packages }) => typed("info", new I.Info({ packages }), packages))
  const tryCmd = sub("try", "Use a package without installing it.",
    { packages: someWords("package"), command: Options.text("command").pipe(Options.optional, Options.withDescription("The command to run.")) },
    ({ packages, command }) => typed("try", new I.Try({ packages, command: Option.getOrUndefined(command) }), packages, false))
  const provides = sub("provides", "Which package provides a command.", { command: Args.text({ name: "command" }) },
    ({ command }) => typed("provides", new I.Provides({ query: command }), [command], false))
  const explain = sub("explain", "Short explanations of Nix words for newcomers.", { topic: words("topic") },
    ({ topic }) => typed("explain", new I.Explain({ query: topic.join(" ") || "nix" }), topic, false))
  const help = sub("help", "What ask-nix understands, with examples.", { topic: words("topic") },
    () => typed("help", new I.Help({}), [], false))
  const ask = sub("ask", "A request in your own words (the default when the first word is not a command).",
    { words: words("words") },
    ({ words: ws }) => ws.length === 0 ? emptyRequest : request({ text: ws.join(" ") }))
  const parse = sub("parse", "Print the understood intent and do nothing else.", { words: someWords("words") },
    ({ words: ws }) => Effect.gen(function*() {
      const settings = toSettings(yield* root, env.environment)
      yield* setExit(exit, yield* Effect.provide(printParse(ws.join(" "), settings.json), env.parseLayer(settings)))
    }))

  const emptyRequest = withApp(() => runRequest({ text: "help", typed: { intent: new I.Help({}), parse: false } }).pipe(Effect.as(2)))

  const fromPlugins = pluginCommands.map((c) =>
    Command.make(c.name, { words: words("words") }, ({ words: ws }) =>
      request({ text: [c.name, ...ws].join(" "), command: { name: c.name, words: ws } })).pipe(
      Command.withDescription(`${c.description} (plugin)${c.examples.length > 0 ? `\n\nExamples:\n${c.examples.map((e) => `  ${e}`).join("\n")}` : ""}`)
    ))

  return root.pipe(Command.withSubcommands([
    install, remove, update, search, list, rollback, generations, clean, info, tryCmd, provides, explain,
    help, parse, ask, indexCommand(withApp), ...fromPlugins
  ]))
}

export const setExit = (exit: Ref.Ref<number>, code: number) => Ref.set(exit, code)

const printParse = (text: string, json: boolean) => Effect.gen(function*() {
  const parser = yield* IntentParser
  const understood = yield* parser.parse(text)
  if (json) {
    yield* Console.log(JSON.stringify(intentToJson(understood)))
  } else {
    const j = intentToJson(understood)
    yield* Console.log(`intent: ${j["intent"]}`)
    for (const [k, v] of Object.entries(j)) {
      if (k === "intent" || v === null || (Array.isArray(v) && v.length === 0)) continue
      yield* Console.log(`${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    }
  }
  return understood.intent._tag === "unknown" ? 2 : 0
}).pipe(Effect.catchAll((e) => Effect.as(Console.error(userMessage(e)), exitCode(e))))
