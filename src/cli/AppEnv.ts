/** What the command tree needs from outside: the services for a call, built from its Settings. */
import type { Effect, Layer } from "effect"
import type { Wiring } from "../services/Wiring.js"
import type { BackendChain } from "../services/BackendChain.js"
import type { DryRunPolicy } from "../services/DryRunPolicy.js"
import type { IntentParser } from "../services/IntentParser.js"
import type { Output } from "../services/Output.js"
import type { PackageIndex } from "../services/PackageIndex.js"
import type { Prompter } from "../services/Prompter.js"
import type { Settings, SettingsShape } from "../services/Settings.js"
import type { Environment } from "../domain/Environment.js"
import type { CleanPreview } from "../services/CleanPreview.js"
import type { IndexBuilder } from "../services/IndexBuilder.js"

export type AppServices =
  | Settings | Output | DryRunPolicy | IntentParser | BackendChain | Wiring | Prompter | PackageIndex | IndexBuilder | CleanPreview

export interface CommandInfo {
  readonly name: string
  readonly description: string
  readonly examples: ReadonlyArray<string>
}

export interface AppEnv {
  readonly environment: Environment
  readonly layer: (settings: SettingsShape) => Layer.Layer<AppServices>
  /** Just enough for `parse`: no Nix, no backends (start-up matters for scripts that call parse). */
  readonly parseLayer: (settings: SettingsShape) => Layer.Layer<Settings | Output | IntentParser>
  /** Typed subcommands contributed by plugins (served through Wiring.pluginCommand). */
  readonly pluginCommands: Effect.Effect<ReadonlyArray<CommandInfo>>
}
