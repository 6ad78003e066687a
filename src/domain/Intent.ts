/**
 * Intents: what the user asked for, as a Schema tagged union.
 * The `_tag` values are a contract (scripts and tests use them).
 */
import { Schema } from "effect"

const Packages = Schema.Array(Schema.String)

export class Install extends Schema.TaggedClass<Install>()("install", { packages: Packages }) {}
export class Remove extends Schema.TaggedClass<Remove>()("remove", { packages: Packages }) {}
/** `packages` empty = everything. */
export class Update extends Schema.TaggedClass<Update>()("update", { packages: Packages }) {}
export class Search extends Schema.TaggedClass<Search>()("search", { query: Schema.String }) {}
export class List extends Schema.TaggedClass<List>()("list", {}) {}
/**
 * `generation`: switch to that generation. Else `steps` generations back from the current one
 * ("go back two generations"; absent = 1, the previous one).
 */
export class Rollback extends Schema.TaggedClass<Rollback>()("rollback", {
  generation: Schema.optional(Schema.Int),
  steps: Schema.optional(Schema.Int)
}) {}
export class Generations extends Schema.TaggedClass<Generations>()("generations", {}) {}
export class Clean extends Schema.TaggedClass<Clean>()("clean", { keep: Schema.optional(Schema.Int) }) {}
export class Info extends Schema.TaggedClass<Info>()("info", { packages: Packages }) {}
export class Try extends Schema.TaggedClass<Try>()("try", {
  packages: Packages,
  command: Schema.optional(Schema.String)
}) {}
export class Provides extends Schema.TaggedClass<Provides>()("provides", { query: Schema.String }) {}
export class Explain extends Schema.TaggedClass<Explain>()("explain", { query: Schema.String }) {}
export class Help extends Schema.TaggedClass<Help>()("help", {}) {}
export class Unknown extends Schema.TaggedClass<Unknown>()("unknown", { text: Schema.String }) {}
/** NixOS system rebuild (issue 8): build | test | boot | switch | dry-build. */
export class Rebuild extends Schema.TaggedClass<Rebuild>()("rebuild", {
  mode: Schema.Literal("build", "test", "boot", "switch", "dry-build")
}) {}
/** An intent contributed by a plugin (src/plugins). */
export class PluginIntent extends Schema.TaggedClass<PluginIntent>()("plugin", {
  plugin: Schema.String,
  kind: Schema.String,
  text: Schema.String,
  args: Schema.Record({ key: Schema.String, value: Schema.Unknown })
}) {}

export const Intent = Schema.Union(
  Install, Remove, Update, Search, List, Rollback, Generations, Clean,
  Info, Try, Provides, Explain, Help, Unknown, Rebuild, PluginIntent
)
export type Intent = typeof Intent.Type
export type IntentKind = Intent["_tag"]

/** Kinds that change the system: only carried out with --execute. */
export const mutatingKinds: ReadonlySet<string> = new Set([
  "install", "remove", "update", "rollback", "clean", "try", "rebuild"
])

export const isMutating = (intent: Intent): boolean =>
  intent._tag === "plugin" ? intent.args["mutating"] === true : mutatingKinds.has(intent._tag)

/** Where a request applies: the user's profile or the NixOS system (issue 8). */
export const Scope = Schema.Literal("user", "system")
export type Scope = typeof Scope.Type

/** What the parser understood, with how sure it is and why. */
export interface Understood {
  readonly intent: Intent
  /** 0..1; mutating intents below the threshold are not carried out without confirmation. */
  readonly confidence: number
  /** Human-readable reasoning: corrections made, aliases resolved ("vs code" -> vscode). */
  readonly notes: ReadonlyArray<string>
  /** Spelling corrections applied: from -> to. */
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>
  /** Set when the request names a scope ("update my system", "system-wide"). */
  readonly scope?: Scope | undefined
  /** A category request ("install a pdf viewer"): search this, and let the user pick. */
  readonly category?: string | undefined
  /**
   * A question about doing it ("how do i install firefox?", "any way to roll back?"): the kind is the
   * thing asked about; the plan is shown as the answer and never carried out, even with --execute.
   */
  readonly question?: boolean | undefined
}

/** Whether --execute carries it out: a change that is not a question about making it ("how do i install x?"). */
export const isCarriedOut = (u: Understood): boolean => isMutating(u.intent) && u.question !== true

/** The flat JSON shape printed by `parse --json` and in `--show-intent` events. */
export const intentToJson = (u: Understood): Record<string, unknown> => {
  const i = u.intent as Record<string, unknown> & { _tag: string }
  return {
    intent: i._tag,
    packages: Array.isArray(i["packages"]) ? i["packages"] : [],
    query: typeof i["query"] === "string" ? i["query"] : null,
    generation: typeof i["generation"] === "number" ? i["generation"] : null,
    keep: typeof i["keep"] === "number" ? i["keep"] : null,
    steps: typeof i["steps"] === "number" ? i["steps"] : null,
    command: typeof i["command"] === "string" ? i["command"] : null,
    text: typeof i["text"] === "string" ? i["text"] : null,
    mode: typeof i["mode"] === "string" ? i["mode"] : null,
    plugin: i._tag === "plugin" ? { id: i["plugin"], kind: i["kind"], args: i["args"] } : null,
    mutating: isMutating(u.intent),
    confidence: Math.round(u.confidence * 100) / 100,
    scope: u.scope ?? null,
    category: u.category ?? null,
    question: u.question === true,
    corrections: u.corrections,
    notes: u.notes
  }
}

/** How many generations back a rollback goes when that is more than one and no generation is named. */
export const generationsBackOf = (intent: Rollback): number | undefined =>
  intent.generation === undefined && intent.steps !== undefined && intent.steps > 1 ? intent.steps : undefined

/** Why an intent's numbers make no sense ("keep -3 generations"), or undefined. */
export const intentProblem = (intent: Intent): string | undefined => {
  switch (intent._tag) {
    case "clean":
      return intent.keep !== undefined && intent.keep < 1
        ? `Keeping ${intent.keep} generations is not possible: the current one always stays. Say --keep 1 or more, or leave it out to delete every old generation.`
        : undefined
    case "rollback":
      if (intent.generation !== undefined && intent.steps !== undefined) return "Say either which generation to go back to (--to N) or how many generations back (--back N), not both."
      if (intent.steps !== undefined && intent.steps < 1) return `Going back ${intent.steps} generations is not possible: say --back 1 or more.`
      if (intent.generation !== undefined && intent.generation < 1) return `There is no generation ${intent.generation}: generations are numbered from 1. See them with: ask-nix generations`
      return undefined
    default:
      return undefined
  }
}

/** One line for humans: "install firefox", "search pdf viewer". */
export const describeIntent = (intent: Intent): string => {
  switch (intent._tag) {
    case "install": case "remove": case "info":
      return `${intent._tag} ${intent.packages.join(", ")}`
    case "update":
      return intent.packages.length === 0 ? "update everything" : `update ${intent.packages.join(", ")}`
    case "try":
      return `try ${intent.packages.join(", ")}${intent.command ? ` (run ${intent.command})` : ""} without installing`
    case "search": case "provides": case "explain":
      return `${intent._tag} ${intent.query}`
    case "rollback":
      return intent.generation !== undefined
        ? `roll back to generation ${intent.generation}`
        : generationsBackOf(intent) !== undefined
        ? `roll back ${intent.steps} generations`
        : "roll back to the previous generation"
    case "clean":
      return intent.keep === undefined ? "clean up old generations and collect garbage" : `clean up, keeping ${intent.keep} generations`
    case "list": return "list installed packages"
    case "generations": return "list generations"
    case "help": return "help"
    case "unknown": return `(not understood) ${intent.text}`
    case "rebuild": return `rebuild the system (${intent.mode})`
    case "plugin": return intent.text ? `${intent.kind}: ${intent.text}` : intent.kind
  }
}
