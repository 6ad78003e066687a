/**
 * Checking a configuration with the real Nix evaluator, without building: Nix's syntax check, the
 * values of the options an edit touches, and the packages the system (or home-manager generation)
 * would gain or lose. All through the Nix choke point; nothing here changes the system.
 */
import { Context, type Effect } from "effect"
import type { ConfigEvalFailed, ConfigSyntaxError } from "../domain/configErrors.js"
import type { ClosureDiff } from "../domain/configEval/closureDiff.js"
import type { EvalEnv, EvalTarget } from "../domain/configEval/evalArgv.js"
import type { RunError } from "./Nix.js"

export interface EvaluatedValues {
  /** One JSON value per option asked (derivations as `{ "__drv": name }`). */
  readonly options: ReadonlyArray<unknown>
  /** The derivation name of each package asked (`firefox-72.0.2`). */
  readonly packages: ReadonlyArray<string>
}

/** One configuration to instantiate; `contentKey` (a hash of its files' texts) lets its result be reused. */
export interface EvalSide {
  readonly modules: ReadonlyArray<string>
  readonly contentKey?: string | undefined
}

export interface ConfigEvaluatorShape {
  /** `nix-instantiate --parse`: fails with Nix's file, line and message. */
  readonly parseCheck: (file: string) => Effect.Effect<void, ConfigSyntaxError | RunError>
  readonly values: (
    target: EvalTarget,
    options: ReadonlyArray<ReadonlyArray<string>>,
    packages?: ReadonlyArray<ReadonlyArray<string>>
  ) => Effect.Effect<EvaluatedValues, ConfigEvalFailed | RunError>
  /**
   * Instantiates both configurations (in one evaluation) and compares their .drv closures. A side whose
   * content key was seen before (with the same Nix and the same nixpkgs) is not evaluated again.
   */
  readonly packageChanges: (env: EvalEnv, before: EvalSide, after: EvalSide) => Effect.Effect<ClosureDiff, ConfigEvalFailed | RunError>
  /**
   * Fails unless the whole configuration evaluates (its system or home-manager generation derivation
   * instantiates): what --execute checks before writing when no package preview was computed. A side
   * whose package set is cached (a dry run saw it) evaluated before and is not evaluated again.
   */
  readonly evaluates: (env: EvalEnv, side: EvalSide) => Effect.Effect<void, ConfigEvalFailed | RunError>
}

export class ConfigEvaluator extends Context.Tag("ask-nix/ConfigEvaluator")<ConfigEvaluator, ConfigEvaluatorShape>() {}
