/**
 * The command tree: global options, the typed subcommands of the intent kinds (each spec brings its
 * own: src/domain/intents), the CLI's own commands (parse, index) and the hidden sentence route `ask`.
 */
import { Args, Command } from "@effect/cli"
import * as CliConfig from "@effect/cli/CliConfig"
import * as Descriptor from "@effect/cli/CommandDescriptor"
import { Array as Arr, Effect, Ref } from "effect"
import { Help, intentCommands, intentToJson, type Intent } from "../domain/Intent.js"
import type { TypedRequest } from "../domain/intents/IntentSpec.js"
import { IntentParser } from "../services/IntentParser.js"
import type { SettingsShape } from "../services/Settings.js"
import { exitCode, NotUnderstood, UsageError, userMessage } from "../domain/errors.js"
import { errorJson } from "../domain/resultJson.js"
import { Output } from "../services/Output.js"
import { withContext } from "../services/withContext.js"
import type { AppEnv, AppServices, CommandInfo } from "./AppEnv.js"
import { cliExamples, examplesText } from "./examples.js"
import { defaultUserConfig, type LoadedConfig } from "../domain/config/UserConfig.js"
import { showConfig } from "./configCommand.js"
import { type GlobalConfig, globalOptions } from "./globalOptions.js"
import { type Grammar, grammarOf } from "./grammar.js"
import { toSettings } from "./settings.js"
import { configPath } from "./userConfig.js"
import { indexCommand } from "./indexCommand.js"
import { runRequest, type Request } from "./pipeline.js"
import { mark } from "./timing.js"

const words = (name: string) => Args.text({ name }).pipe(Args.repeated)
const someWords = (name: string) => Args.text({ name }).pipe(Args.atLeast(1))

export const root = Command.make("ask-nix", globalOptions).pipe(
  Command.withDescription(`Manage Nix software by saying what you want. Shows the plan; --execute carries it out.${examplesText(cliExamples["ask-nix"] ?? [])}`)
)

/** What a subcommand's handler needs: the root command's options (and nothing else: the call's services are provided inside). */
export type CommandContext = Command.Command.Context<"ask-nix">

/** Runs `f` with the services of this call (built from the root options), and records its exit code. */
export type WithApp = (f: (s: SettingsShape) => Effect.Effect<number, never, AppServices>) => Effect.Effect<void, never, CommandContext>

export const makeCommand = (env: AppEnv, exit: Ref.Ref<number>, pluginCommands: ReadonlyArray<CommandInfo> = [], config: LoadedConfig = noConfig(env)) => {
  const settingsOf = (g: GlobalConfig) => toSettings(g, env.environment, config.values)
  const withApp: WithApp = (f) =>
    Effect.gen(function*() {
      const settings = settingsOf(yield* root)
      mark("services building")
      const code = yield* withContext(env.services(settings), Effect.suspend(() => (mark("services built"), f(settings))))
      mark("work done")
      yield* Ref.set(exit, code)
    })

  const request = (req: Request) => withApp(() => runRequest(req))

  const typed = intentCommands.map((c) => named(c.name, () =>
    Command.fromDescriptor(c.descriptor(), (t: TypedRequest<Intent>) =>
      request({ text: [t.name, ...t.words].join(" "), typed: { intent: t.intent, parse: t.reparse } })).pipe(
      Command.withDescription(`${c.description}${examplesText(c.examples)}`)
    )))

  // Nothing asked: what can be asked, and exit 2 (under --json: a usage error that carries the help).
  const emptyRequest = withApp((s) => s.json
    ? Effect.as(env.output(true).result({ ok: false, error: errorJson(new UsageError({ problem: "nothing was asked", hint: 'Say what you want, e.g. ask-nix "install firefox"; ask-nix help lists what I understand.' })) }), 2)
    : runRequest({ text: "help", typed: { intent: new Help({}), parse: false } }).pipe(Effect.as(2)))
  const ask = Command.make("ask", { words: words("words") }, ({ words: ws }) => ws.length === 0 ? emptyRequest : request({ text: ws.join(" ") })).pipe(
    Command.withDescription(`A request in your own words (the default when the first word is not a command).${examplesText(cliExamples["ask"] ?? [])}`)
  )
  const parse = Command.make("parse", { words: someWords("words") }, ({ words: ws }) =>
    Effect.gen(function*() {
      const settings = settingsOf(yield* root)
      mark("services building")
      yield* Ref.set(exit, yield* withContext(env.parseServices(settings), Effect.suspend(() => (mark("services built"), printParse(ws.join(" "))))))
      mark("work done")
    })).pipe(
    Command.withDescription(`Print the understood intent and do nothing else.${examplesText(cliExamples["parse"] ?? [])}`)
  )

  const fromPlugins = pluginCommands.map((c) => named(c.name, () =>
    Command.make(c.name, { words: words("words") }, ({ words: ws }) =>
      request({ text: [c.name, ...ws].join(" "), command: { name: c.name, words: ws } })).pipe(
      Command.withDescription(`${c.description} (plugin)${examplesText(c.examples)}`)
    )))

  const settingsCommand = Command.make("config", {}, () =>
    Effect.gen(function*() {
      const settings = settingsOf(yield* root)
      yield* Ref.set(exit, yield* showConfig(config, settings, env.output(settings.json)))
    })).pipe(
    Command.withDescription(`Show ask-nix's own settings: where they are read from, each value and where it came from.${examplesText(cliExamples["config"] ?? [])}`)
  )

  const own = Arr.appendAll(Arr.make(named("parse", () => parse), named("ask", () => ask), named("index", () => indexCommand(withApp)), named("config", () => settingsCommand)), fromPlugins)
  const all = Arr.prependAll(own, typed)
  return {
    /**
     * The tree @effect/cli parses the words with. `only` (the subcommand route.ts chose: the first
     * word, or "ask" for a sentence) keeps just that one under the root: @effect/cli tries the
     * subcommands one after the other until a name matches, each try a run of Effect steps (about
     * 0.5 ms of a call from the snapshot with all of them there), and the words are for that one.
     */
    command: (only?: string, given: ReadonlySet<string> = allGlobals) => Effect.map(rootGiven(given), (top) => {
      const chosen = all.filter((c) => c.name === only)
      return top.pipe(Command.withSubcommands(Arr.map(Arr.isNonEmptyReadonlyArray(chosen) ? chosen : all, (c) => c.make())))
    }),
    /** What the words are checked against, and help and completions are made from (the whole tree). */
    grammar: grammarFor(pluginCommands, () => grammarOf(root.descriptor, all.map((c) => c.make()).map((c) => ({ name: commandName(c.descriptor), descriptor: c.descriptor })), ["ask"]))
  }
}

/** How @effect/cli reads the words (as it does by default, but case-sensitive). */
export const cliConfig = CliConfig.make({ isCaseSensitive: true, showBuiltIns: false })

/** The global options' values when none is given, as @effect/cli reads them: read once per process (in the startup snapshot, by its warm-up). */
let defaults: GlobalConfig | undefined
const globalDefaults = Effect.suspend(() => defaults !== undefined
  ? Effect.succeed(defaults)
  : Descriptor.parse(root.descriptor, ["ask-nix"], cliConfig).pipe(
    Effect.flatMap((d) => d._tag === "UserDefined" ? Effect.succeed(d.value) : Effect.dieMessage("the root command without words asked for a built-in")),
    Effect.orDie,
    Effect.tap((d) => Effect.sync(() => { defaults = d }))
  ))

/** `dryRun` -> `dry-run`: a global option's name from its key in globalOptions (a test holds them to the grammar's names). */
export const optionName = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/**
 * The root command with only the global options given (long names without dashes, as route.ts found
 * them), the others at their defaults: @effect/cli reads each declared option of a command in turn,
 * a run of Effect steps each, whether or not it was given (all 17: about 3 ms of every call from the
 * snapshot). Its tag is the root's own (@effect/cli keys it by the name), so the subcommands read the
 * whole GlobalConfig from it as from `root`.
 */
const rootGiven = (given: ReadonlySet<string>) => Effect.map(globalDefaults, (values) => {
  const options = Object.fromEntries(Object.entries(globalOptions).filter(([key]) => given.has(optionName(key))))
  // @effect/cli names a command made from a descriptor after the value's `name` (in its types only).
  return Command.fromDescriptor(Descriptor.map(Command.make("ask-nix", options).descriptor, (read): GlobalConfig & { readonly name: "ask-nix" } => ({ ...values, ...read, name: "ask-nix" })))
})

const allGlobals: ReadonlySet<string> = new Set(Object.keys(globalOptions).map(optionName))

/** A subcommand by its name, made only when the tree needs it. */
const named = <C>(name: string, make: () => C) => ({ name, make })

/**
 * Grammars made so far, by the plugin commands in the tree: everything else in it is fixed when this
 * module loads, so the same plugins give the same grammar. Reading it from the tree walks @effect/cli's
 * help and usage of every command (about a third of the JavaScript of a call); kept here, it is made
 * once per process, and a call from the startup snapshot finds it made by the warm-up.
 */
const grammars = new Map<string, Grammar>()
const grammarFor = (pluginCommands: ReadonlyArray<CommandInfo>, make: () => Grammar): Grammar => {
  const key = JSON.stringify(pluginCommands.map((c) => [c.name, c.description, c.examples]))
  const known = grammars.get(key)
  if (known !== undefined) return known
  const made = make()
  grammars.set(key, made)
  return made
}

/** A command's name, from its descriptor (its usage starts with it). */
const commandName = (d: Descriptor.Command<unknown>): string => [...Descriptor.getNames(d)][0] ?? ""

const noConfig = (env: AppEnv): LoadedConfig => ({
  path: configPath(env.environment), found: false, values: defaultUserConfig,
  sources: { backends: "default", index: "default", profile: "default", elevate: "default", color: "default", confirm: "default" }
})

const printParse = (text: string) => Effect.gen(function*() {
  const parser = yield* IntentParser
  const out = yield* Output
  const understood = yield* parser.parse(text)
  const j = intentToJson(understood)
  const ok = understood.intent._tag !== "unknown"
  yield* out.text(`intent: ${j["intent"]}`)
  for (const [k, v] of Object.entries(j)) {
    if (k === "intent" || v === null || (Array.isArray(v) && v.length === 0)) continue
    yield* out.text(`${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
  }
  // The intent's flat JSON is the result line itself (with `ok`), as scripts read it.
  const notUnderstood = ok ? {} : { error: errorJson(new NotUnderstood({ text: text.slice(0, 200), hint: understood.notes[0] })) }
  yield* out.result({ ok, ...j, ...notUnderstood })
  return ok ? 0 : 2
}).pipe(Effect.catchAll((e) => Effect.gen(function*() {
  const out = yield* Output
  yield* out.json ? out.result({ ok: false, error: errorJson(e) }) : out.note(userMessage(e))
  return exitCode(e)
})))
