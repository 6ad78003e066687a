/** Decides, once per call, whether mutating commands may run. Consulted at the Nix choke point. */
import { Context, Layer } from "effect"

export interface DryRunPolicyShape {
  readonly dryRun: boolean
  /** Recorded refusals: argv of mutating commands that dry-run stopped (tests assert it stays empty). */
  readonly allows: (argv: ReadonlyArray<string>, mutating: boolean) => boolean
}

export class DryRunPolicy extends Context.Tag("ask-nix/DryRunPolicy")<DryRunPolicy, DryRunPolicyShape>() {}

export const make = (dryRun: boolean): DryRunPolicyShape => ({
  dryRun,
  allows: (_argv, mutating) => !(dryRun && mutating)
})

export const DryRunPolicyDry = Layer.succeed(DryRunPolicy, make(true))
export const DryRunPolicyExecute = Layer.succeed(DryRunPolicy, make(false))
