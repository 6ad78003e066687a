/**
 * Knowledge of NixOS and home-manager options: search ("which option enables bluetooth"), lookup with
 * did-you-mean, and words -> settings ("enable ssh" -> services.openssh.enable = true) with the value
 * checked against the option's type. Backed by the options files `ask-nix index build` writes next to
 * the package index; opened on first use.
 */
import { Context, type Effect } from "effect"
import type { OptionsError } from "../domain/configErrors.js"
import type { FileError, ImportFailed } from "../domain/errors.js"
import type { OptionRecord, OptionScope } from "../domain/options/OptionRecord.js"
import type { Resolution } from "../domain/options/resolveSetting.js"

export interface OptionMatch {
  readonly record: OptionRecord
  readonly score: number
}

export interface OptionsStatus {
  readonly scope: OptionScope
  readonly path: string
  readonly source: string
  readonly count: number
  readonly builtAt: string
}

export interface NixOptionsShape {
  readonly search: (scope: OptionScope, query: string, limit?: number) => Effect.Effect<ReadonlyArray<OptionMatch>, OptionsError>
  /** The option of this name (`users.users.alice.packages` finds `users.users.<name?>.packages`). */
  readonly get: (scope: OptionScope, name: string) => Effect.Effect<OptionRecord | undefined, OptionsError>
  /** Close names for one that does not exist. */
  readonly suggest: (scope: OptionScope, name: string) => Effect.Effect<ReadonlyArray<string>, OptionsError>
  /** Words -> settings; `context` names options the configuration already sets (to prefer their modules). */
  readonly resolve: (scope: OptionScope, words: string, context?: ReadonlyArray<string>) => Effect.Effect<Resolution, OptionsError>
  readonly status: (scope: OptionScope) => Effect.Effect<OptionsStatus, OptionsError>
  /**
   * Builds the scope's options file from options data (../shared/data's JSON, or NixOS's own
   * options.json), atomically; the old file stays if the import fails.
   */
  readonly build: (scope: OptionScope, from: string) => Effect.Effect<OptionsStatus, ImportFailed | FileError>
}

export class NixOptions extends Context.Tag("ask-nix/NixOptions")<NixOptions, NixOptionsShape>() {}
