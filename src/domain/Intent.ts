/**
 * Intents: what the user asked for. Each kind is specified once, in ./intents/KIND.ts (its schema,
 * whether it mutates, how it reads, its typed subcommand, its help examples); `specs` below lists
 * them, and everything else is derived from that list: the Intent union, isMutating, describeIntent,
 * intentProblem, intentToJson, the typed subcommands, the help groups and the system forms.
 * The `_tag` values are a contract (scripts and tests use them).
 *
 * Adding a kind: write ./intents/KIND.ts (see ./intents/IntentSpec.ts), add it to `specs`, and give
 * the backends that serve it a handler (src/layers/backends/*: their `handlers` tables).
 */
import { Schema } from "effect"
import { clean } from "./intents/Clean.js"
import { configure } from "./intents/Configure.js"
import { explain } from "./intents/Explain.js"
import { flakeUpdate } from "./intents/FlakeUpdate.js"
import { generations } from "./intents/Generations.js"
import { help } from "./intents/Help.js"
import { info } from "./intents/Info.js"
import { install } from "./intents/Install.js"
import type { HelpGroup, IntentBehaviour, IntentJson, SpecPhrase, TypedCommand } from "./intents/IntentSpec.js"
import { list } from "./intents/List.js"
import { option } from "./intents/OptionQuery.js"
import { plugin } from "./intents/PluginIntent.js"
import { provides } from "./intents/Provides.js"
import { rebuild } from "./intents/Rebuild.js"
import { remove } from "./intents/Remove.js"
import { rollback } from "./intents/Rollback.js"
import { search } from "./intents/Search.js"
import { tryIntent } from "./intents/Try.js"
import { unknown } from "./intents/Unknown.js"
import { update } from "./intents/Update.js"

export { Clean } from "./intents/Clean.js"
export { Configure } from "./intents/Configure.js"
export { Explain } from "./intents/Explain.js"
export { FlakeUpdate } from "./intents/FlakeUpdate.js"
export { Generations } from "./intents/Generations.js"
export { Help } from "./intents/Help.js"
export { Info } from "./intents/Info.js"
export { Install } from "./intents/Install.js"
export { List } from "./intents/List.js"
export { OptionQuery } from "./intents/OptionQuery.js"
export { PluginIntent } from "./intents/PluginIntent.js"
export { Provides } from "./intents/Provides.js"
export { Rebuild, RebuildMode } from "./intents/Rebuild.js"
export { Remove } from "./intents/Remove.js"
export { generationsBackOf, Rollback } from "./intents/Rollback.js"
export { Search } from "./intents/Search.js"
export { Try } from "./intents/Try.js"
export { Unknown } from "./intents/Unknown.js"
export { Update } from "./intents/Update.js"

/** Every kind, keyed by its tag, in the order `ask-nix help` and `--help` show them. */
const specs = {
  install, remove, update, search, list, info, try: tryIntent, provides, generations, rollback, clean,
  rebuild, configure, option, "flake-update": flakeUpdate, explain, help, unknown, plugin
}

const all = Object.values(specs)

export const Intent = Schema.Union(...all.map((s) => s.schema))
export type Intent = typeof Intent.Type
export type IntentKind = Intent["_tag"]
export type IntentOf<K extends IntentKind> = Extract<Intent, { readonly _tag: K }>

/** The specs again, checked: each key is its own kind, and each spec handles its own intent. */
const behaviour: { readonly [K in IntentKind]: IntentBehaviour<IntentOf<K>> & { readonly kind: K } } = specs

const mutatingOne = <K extends IntentKind>(kind: K, intent: IntentOf<K>): boolean => {
  const m = behaviour[kind].mutating
  return typeof m === "function" ? m(intent) : m
}
const describeOne = <K extends IntentKind>(kind: K, intent: IntentOf<K>): string => behaviour[kind].describe(intent)
const imperativeOne = <K extends IntentKind>(kind: K, intent: IntentOf<K>): ReadonlyArray<string> | undefined => behaviour[kind].imperative?.(intent)
const problemOne = <K extends IntentKind>(kind: K, intent: IntentOf<K>): string | undefined => behaviour[kind].problem?.(intent)
const jsonOne = <K extends IntentKind>(kind: K, intent: IntentOf<K>): IntentJson => behaviour[kind].json?.(intent) ?? {}

/** Changes the system: only carried out with --execute. */
export const isMutating = (intent: Intent): boolean => mutatingOne(intent._tag, intent)

const alwaysMutating: ReadonlySet<string> = new Set(all.filter((s) => s.mutating === true).map((s) => s.kind))

/** Kinds that always change the system (a plugin kind decides per intent). */
export const kindMutates = (kind: string): boolean => alwaysMutating.has(kind)

/** One line for humans: "install firefox", "search pdf viewer". */
export const describeIntent = (intent: Intent): string => describeOne(intent._tag, intent)

/** The words after `ask-nix --execute` that carry the intent out (IntentSpec.imperative, else its describe line). */
export const imperativeWords = (intent: Intent): ReadonlyArray<string> => imperativeOne(intent._tag, intent) ?? [describeOne(intent._tag, intent)]

/** One line on what carrying the intent out does (IntentSpec.does). */
export const whatItDoes = (intent: Intent): string | undefined => behaviour[intent._tag].does

/** Why an intent's numbers make no sense ("keep -3 generations"), or undefined. */
export const intentProblem = (intent: Intent): string | undefined => problemOne(intent._tag, intent)

/** Where a request applies: the user's profile, the NixOS system (issue 8) or home-manager (issue 14). */
export const Scope = Schema.Literal("user", "system", "home")
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
  /**
   * Not understood, but a second opinion (a classifier) proposes a reading: shown as "Did you mean ...?",
   * never acted on without the person's yes.
   */
  readonly suggestion?: { readonly intent: Intent; readonly confidence: number } | undefined
}

/** Whether --execute carries it out: a change that is not a question about making it ("how do i install x?"). */
export const isCarriedOut = (u: Understood): boolean => isMutating(u.intent) && u.question !== true

const fieldsOf = (i: Intent): Readonly<Record<string, unknown>> => {
  const { _tag, ...fields } = { ...i }
  return fields
}
const stringOrNull = (v: unknown) => (typeof v === "string" ? v : null)
const numberOrNull = (v: unknown) => (typeof v === "number" ? v : null)

/** The flat JSON shape printed by `parse --json` and in `--show-intent` events. */
export const intentToJson = (u: Understood): Record<string, unknown> => {
  const fields: Readonly<Record<string, unknown>> = { ...u.intent }
  return {
    intent: u.intent._tag,
    packages: Array.isArray(fields["packages"]) ? fields["packages"] : [],
    query: stringOrNull(fields["query"]),
    generation: numberOrNull(fields["generation"]),
    keep: numberOrNull(fields["keep"]),
    steps: numberOrNull(fields["steps"]),
    command: stringOrNull(fields["command"]),
    text: stringOrNull(fields["text"]),
    mode: stringOrNull(fields["mode"]),
    plugin: null,
    ...jsonOne(u.intent._tag, u.intent),
    // whether --execute changes anything: a question is answered with the plan, never carried out
    mutating: isCarriedOut(u),
    confidence: Math.round(u.confidence * 100) / 100,
    scope: u.scope ?? null,
    category: u.category ?? null,
    question: u.question === true,
    suggestion: u.suggestion === undefined ? null : {
      ...fieldsOf(u.suggestion.intent), intent: u.suggestion.intent._tag, describe: describeIntent(u.suggestion.intent), confidence: u.suggestion.confidence
    },
    corrections: u.corrections,
    notes: u.notes
  }
}

/** The typed subcommands (`ask-nix install ...`), in help order. */
export const intentCommands: ReadonlyArray<TypedCommand<Intent>> = all.flatMap((s) => (s.command === undefined ? [] : [s.command]))

/** Example groups for `ask-nix help`, each with the kind its examples parse to. */
export const intentHelp: ReadonlyArray<HelpGroup & { readonly kind: IntentKind }> =
  all.flatMap((s) => (s.help ?? []).map((g) => ({ ...g, kind: s.kind })))

/** Every kind there is (plugin rules may not reuse them as commands). */
export const intentKinds: ReadonlyArray<IntentKind> = all.map((s) => s.kind)

/** The NixOS system form of a kind, if it has one (see IntentSpec.system). */
export const systemFormOf = (kind: IntentKind) => specs[kind].system

/** The kind has a home-manager form (IntentSpec.home). */
export const hasHomeForm = (kind: IntentKind): boolean => specs[kind].home === true

/** What the parser reads after the kind's verb, if anything. */
export const readsOf = (kind: string): "packages" | "query" | undefined => all.find((s) => s.kind === kind)?.reads

/** Phrases that kinds outside the built-in grammar bring with them. */
export const intentPhrases: ReadonlyArray<SpecPhrase & { readonly kind: IntentKind }> =
  all.flatMap((s) => (s.phrases ?? []).map((p) => ({ ...p, kind: s.kind })))

const fromSlotsOne = <K extends IntentKind>(kind: K, slots: Readonly<Record<string, string>>, raw: string): Intent | undefined =>
  behaviour[kind].fromSlots?.(slots, raw)

/** The intent of a kind's own phrase (IntentSpec.fromSlots); undefined = not understood. */
export const intentFromSlots = (kind: IntentKind, slots: Readonly<Record<string, string>>, raw: string): Intent | undefined =>
  fromSlotsOne(kind, slots, raw)
