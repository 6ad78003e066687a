/** What the command tree needs from outside: the services for a call, built from its Settings. */
import type * as FileSystem from "@effect/platform/FileSystem"
import type { NixOptions } from "../services/NixOptions.js"
import type { Context, Effect, Scope } from "effect"
import type { Wiring } from "../services/Wiring.js"
import type { BackendChain } from "../services/BackendChain.js"
import type { DryRunPolicy } from "../services/DryRunPolicy.js"
import type { IntentParser } from "../services/IntentParser.js"
import type { Output, OutputShape } from "../services/Output.js"
import type { PackageIndex } from "../services/PackageIndex.js"
import type { Prompter } from "../services/Prompter.js"
import type { Settings, SettingsShape } from "../services/Settings.js"
import type { Environment } from "../domain/Environment.js"
import type { CleanPreview } from "../services/CleanPreview.js"
import type { IndexBuilder } from "../services/IndexBuilder.js"
import type { History } from "../services/History.js"
import type { ProfileInspector } from "../services/ProfileInspector.js"
import type { ProfileLock } from "../services/ProfileLock.js"

export type AppServices =
  | Settings | Output | DryRunPolicy | IntentParser | BackendChain | Wiring | Prompter | PackageIndex | IndexBuilder | CleanPreview
  | History | ProfileInspector | ProfileLock | NixOptions | FileSystem.FileSystem

export interface CommandInfo {
  readonly name: string
  readonly description: string
  readonly examples: ReadonlyArray<string>
}

export interface AppEnv {
  readonly environment: Environment
  /** The services of a call, made in its scope. */
  readonly services: (settings: SettingsShape) => Effect.Effect<Context.Context<AppServices>, never, Scope.Scope>
  /** Just enough for `parse`: no Nix, no backends (start-up matters for scripts that call parse). */
  readonly parseServices: (settings: SettingsShape) => Effect.Effect<Context.Context<Settings | Output | IntentParser>, never, Scope.Scope>
  /** Output before any call's services exist (usage errors, help, `config`): stdout, or JSON lines. */
  readonly output: (json: boolean) => OutputShape
  /** Typed subcommands contributed by plugins (served through Wiring.pluginCommand). */
  readonly pluginCommands: Effect.Effect<ReadonlyArray<CommandInfo>>
}
