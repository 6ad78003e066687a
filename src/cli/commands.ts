/**
 * The command tree: global options, the typed subcommands of the intent kinds (each spec brings its
 * own: src/domain/intents), the CLI's own commands (parse, index) and the hidden sentence route `ask`.
 */
import { Args, Command } from "@effect/cli"
import { Array as Arr, Console, Effect, Ref } from "effect"
import { Help, intentCommands, intentToJson, type Intent } from "../domain/Intent.js"
import type { TypedRequest } from "../domain/intents/IntentSpec.js"
import { IntentParser } from "../services/IntentParser.js"
import type { SettingsShape } from "../services/Settings.js"
import { userMessage, exitCode } from "../domain/errors.js"
import type { AppEnv, AppServices, CommandInfo } from "./AppEnv.js"
import { cliExamples, examplesText } from "./examples.js"
import { globalOptions } from "./globalOptions.js"
import { toSettings } from "./settings.js"
import { indexCommand } from "./indexCommand.js"
import { runRequest, type Request } from "./pipeline.js"

const words = (name: string) => Args.text({ name }).pipe(Args.repeated)
const someWords = (name: string) => Args.text({ name }).pipe(Args.atLeast(1))

export const root = Command.make("ask-nix", globalOptions).pipe(
  Command.withDescription(`Manage Nix software by saying what you want. Shows the plan; --execute carries it out.${examplesText(cliExamples["ask-nix"] ?? [])}`)
)

/** What a subcommand's handler needs: the root command's options (and nothing else: the call's services are provided inside). */
export type CommandContext = Command.Command.Context<"ask-nix">

/** Runs `f` with the services of this call (built from the root options), and records its exit code. */
export type WithApp = (f: (s: SettingsShape) => Effect.Effect<number, never, AppServices>) => Effect.Effect<void, never, CommandContext>

export const makeCommand = (env: AppEnv, exit: Ref.Ref<number>, pluginCommands: ReadonlyArray<CommandInfo> = []) => {
  const withApp: WithApp = (f) =>
    Effect.gen(function*() {
      const settings = toSettings(yield* root, env.environment)
      const code = yield* Effect.provide(f(settings), env.layer(settings))
      yield* Ref.set(exit, code)
    })

  const request = (req: Request) => withApp(() => runRequest(req))

  const typed = intentCommands.map((c) =>
    Command.fromDescriptor(c.descriptor(), (t: TypedRequest<Intent>) =>
      request({ text: [t.name, ...t.words].join(" "), typed: { intent: t.intent, parse: t.reparse } })).pipe(
      Command.withDescription(`${c.description}${examplesText(c.examples)}`)
    ))

  const emptyRequest = withApp(() => runRequest({ text: "help", typed: { intent: new Help({}), parse: false } }).pipe(Effect.as(2)))
  const ask = Command.make("ask", { words: words("words") }, ({ words: ws }) => ws.length === 0 ? emptyRequest : request({ text: ws.join(" ") })).pipe(
    Command.withDescription(`A request in your own words (the default when the first word is not a command).${examplesText(cliExamples["ask"] ?? [])}`)
  )
  const parse = Command.make("parse", { words: someWords("words") }, ({ words: ws }) =>
    Effect.gen(function*() {
      const settings = toSettings(yield* root, env.environment)
      yield* Ref.set(exit, yield* Effect.provide(printParse(ws.join(" "), settings.json), env.parseLayer(settings)))
    })).pipe(
    Command.withDescription(`Print the understood intent and do nothing else.${examplesText(cliExamples["parse"] ?? [])}`)
  )

  const fromPlugins = pluginCommands.map((c) =>
    Command.make(c.name, { words: words("words") }, ({ words: ws }) =>
      request({ text: [c.name, ...ws].join(" "), command: { name: c.name, words: ws } })).pipe(
      Command.withDescription(`${c.description} (plugin)${examplesText(c.examples)}`)
    ))

  const own = Arr.appendAll(Arr.make(parse, ask, indexCommand(withApp)), fromPlugins)
  return root.pipe(Command.withSubcommands(Arr.prependAll(own, typed)))
}

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
