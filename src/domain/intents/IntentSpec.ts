/**
 * What one intent kind is, in one place: its schema, whether it changes the system, how it reads for
 * people and in `--json`, which numbers make no sense, its typed subcommand, its examples in
 * `ask-nix help`, and (for kinds the built-in grammar does not know) its phrases.
 * src/domain/Intent.ts lists the specs; everything else is derived from them.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Descriptor from "@effect/cli/CommandDescriptor"
import { Schema, type Types } from "effect"

/** The flat JSON of `parse --json` and `--show-intent` events; kinds add their own keys. */
export type IntentJson = Readonly<Record<string, unknown>>

/** A typed subcommand as the CLI runs it: the intent, and the words that also go through the parser. */
export interface TypedRequest<I> {
  /** The subcommand's name (`install`). */
  readonly name: string
  readonly intent: I
  /** The words after the name, as the user typed them. */
  readonly words: ReadonlyArray<string>
  /**
   * Read the words with the parser too (aliases, filler, lists: `install the firefox browser`);
   * when it reads another kind, `intent` stands.
   */
  readonly reparse: boolean
}

export interface TypedCommand<I> {
  readonly name: string
  /** One line for `--help`. */
  readonly description: string
  /** Full command lines for `--help`. */
  readonly examples: ReadonlyArray<string>
  /** How `ask-nix help` lists it: `rollback [--to N | --back N]`; default: the name. */
  readonly usage: string
  /** The @effect/cli descriptor, parsed straight into a TypedRequest (built when the CLI starts). */
  readonly descriptor: () => Descriptor.Command<TypedRequest<I>>
}

/** A typed subcommand from its @effect/cli config (`Args`/`Options`) and how its values become the intent. */
export const typedCommand = <I, const C extends Command.Command.Config>(command: {
  readonly name: string
  readonly description: string
  readonly examples: ReadonlyArray<string>
  readonly usage?: string
  readonly config: C
  readonly toIntent: (values: Types.Simplify<Command.Command.ParseConfig<C>>) => Omit<TypedRequest<I>, "name">
}): TypedCommand<I> => ({
  name: command.name,
  description: command.description,
  examples: command.examples,
  usage: command.usage ?? command.name,
  descriptor: () => Descriptor.map(Command.make(command.name, command.config).descriptor, (values) => ({ name: command.name, ...command.toIntent(values) }))
})

/** A group of examples in `ask-nix help`; each example is tested to parse as `parsesAs` (default: the kind). */
export interface HelpGroup {
  readonly title: string
  readonly examples: ReadonlyArray<string>
  readonly parsesAs?: string | undefined
}

/**
 * A phrase of a kind the built-in grammar (src/domain/parse/grammar) does not know. Same pattern
 * language; tried after the built-in phrases. `accept` may turn down a match (then the next phrase is tried).
 */
export interface SpecPhrase {
  readonly patterns: ReadonlyArray<string>
  readonly confidence?: number | undefined
  readonly accept?: ((slots: Readonly<Record<string, string>>) => boolean) | undefined
}

/** The parts of a spec that take the intent itself (a mapped table of these is checked in Intent.ts). */
export interface IntentBehaviour<I> {
  /** Changes the system: shown in dry-run, carried out only with --execute. */
  readonly mutating: boolean | ((intent: I) => boolean)
  /** One line for people: "install firefox". */
  readonly describe: (intent: I) => string
  /** Why the intent's numbers make no sense ("keep -3 generations"), or undefined. */
  readonly problem?: ((intent: I) => string | undefined) | undefined
  /** Keys of its own in the flat JSON (the shared ones are read from fields of the same name). */
  readonly json?: ((intent: I) => IntentJson) | undefined
  /** With phrases: the intent from the slots they captured (and the request as typed); undefined = not understood. */
  readonly fromSlots?: ((slots: Readonly<Record<string, string>>, raw: string) => I | undefined) | undefined
  /**
   * The words after `ask-nix --execute` that carry the intent out (its typed command), shown when the
   * request was a question about doing it; default: its describe line as a sentence.
   */
  readonly imperative?: ((intent: I) => ReadonlyArray<string>) | undefined
  /** One line on what carrying it out does, shown with that command. */
  readonly does?: string | undefined
}

export interface IntentSpec<K extends string, S extends Schema.Schema.AnyNoContext> extends IntentBehaviour<Schema.Schema.Type<S>> {
  readonly kind: K
  readonly schema: S
  /** Has a NixOS system form; `always`: only that one; `whenNamed`: "my system" / "nixos" in the request means it. */
  readonly system?: { readonly always?: boolean | undefined; readonly whenNamed?: boolean | undefined } | undefined
  /** Has a home-manager form (scope `home`: --home, or "home-manager" / "my home config" in the request). */
  readonly home?: boolean | undefined
  /** What the parser reads after its verb: package words or a query (plugin phrase rules use it too). */
  readonly reads?: "packages" | "query" | undefined
  readonly command?: TypedCommand<Schema.Schema.Type<S>> | undefined
  readonly help?: ReadonlyArray<HelpGroup> | undefined
  readonly phrases?: ReadonlyArray<SpecPhrase> | undefined
}

export const defineIntent = <const K extends string, S extends Schema.Schema.AnyNoContext>(
  kind: K,
  schema: S,
  spec: Omit<IntentSpec<K, S>, "kind" | "schema">
): IntentSpec<K, S> => ({ kind, schema, ...spec })

/** Field and argument shapes the specs share. */
export const Packages = Schema.Array(Schema.String)
/** Zero or more words (`ask-nix update`, `ask-nix update firefox`). */
export const words = (name: string) => Args.text({ name }).pipe(Args.repeated)
/** One or more words (`ask-nix install firefox git`). */
export const someWords = (name: string) => Args.text({ name }).pipe(Args.atLeast(1))

/** A word for a shell command line, quoted when it is not a plain name (for the imperative shown to people). */
export const shellWord = (w: string): string => (/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)
