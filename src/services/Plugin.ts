/**
 * The plugin contract. A plugin is one file (src/plugins/NAME.ts) or folder (src/plugins/NAME/index.ts)
 * whose default export is `definePlugin({...})`. `npm run build` regenerates the registry; nothing
 * else is edited by hand. See src/plugins/README.md for a complete example.
 */
import type { Effect } from "effect"
import type { PluginIntent } from "../domain/Intent.js"
import type { Outcome } from "../domain/Plan.js"
import type { ServeError } from "../domain/errors.js"
import type { PhraseRule } from "../domain/parse/PhraseRule.js"
import type { Backend } from "./Backend.js"
import type { DryRunPolicy } from "./DryRunPolicy.js"
import type { Nix } from "./Nix.js"
import type { ProfileInspector } from "./ProfileInspector.js"
import type { Settings } from "./Settings.js"
import type { ExecutedRecord } from "../domain/ExecutedRecord.js"

/** The backend name of plugin plans (`planned({ backend: PLUGIN_BACKEND, ... })`). */
export const PLUGIN_BACKEND = "plugins"

/** What a plugin may use. Output goes through `Console` (from "effect"), which needs no service. */
export type PluginServices = Nix | Settings | DryRunPolicy | ProfileInspector

/**
 * Serves one intent kind. Questions answer `{_tag: "Answer", answer: {_tag: "custom", kind, data, lines}}`;
 * a mutating kind (its rule says `mutating: true`) returns a Plan whose steps run only with --execute.
 */
export type PluginHandler = (intent: PluginIntent) => Effect.Effect<Outcome, ServeError, PluginServices>

/** Where a plugin backend goes in the chain (native -> profile -> nix-env -> instructions). */
export type BackendPosition = "first" | "last" | { readonly before: string } | { readonly after: string }

export interface PluginBackend {
  readonly position: BackendPosition
  readonly make: Effect.Effect<Backend, never, PluginServices>
}

/** A typed subcommand: `ask-nix NAME words...`. */
export interface PluginCommand {
  readonly name: string
  readonly description: string
  /** Full command lines for --help, e.g. "ask-nix doctor". */
  readonly examples: ReadonlyArray<string>
  readonly run: (words: ReadonlyArray<string>) => Effect.Effect<Outcome, ServeError, PluginServices>
}

export interface PluginDefinition {
  /** Lower-case letters, digits and dashes; unique across plugins. */
  readonly id: string
  readonly description: string
  /** The phrases this plugin adds. `plugin` may be left out: the loader sets it to `id`. */
  readonly rules?: ReadonlyArray<PhraseRule> | undefined
  /** One handler per kind named in `rules`. */
  readonly handlers?: Readonly<Record<string, PluginHandler>> | undefined
  readonly backends?: ReadonlyArray<PluginBackend> | undefined
  readonly commands?: ReadonlyArray<PluginCommand> | undefined
  /** Called after every operation ask-nix carried out (with --execute). Failures are reported, never fatal. */
  readonly onExecuted?: ((record: ExecutedRecord) => Effect.Effect<void, unknown, PluginServices>) | undefined
}

/** Identity, for type inference and a recognisable default export. */
export const definePlugin = (definition: PluginDefinition): PluginDefinition => definition
