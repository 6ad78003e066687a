/** Decides, once per call, whether mutating commands may run. Consulted at the Nix choke point. */
import { Context } from "effect"

export interface DryRunPolicyShape {
  readonly dryRun: boolean
  /** Recorded refusals: argv of mutating commands that dry-run stopped (tests assert it stays empty). */
  readonly allows: (argv: ReadonlyArray<string>, mutating: boolean) => boolean
}

export class DryRunPolicy extends Context.Tag("ask-nix/DryRunPolicy")<DryRunPolicy, DryRunPolicyShape>() {}
