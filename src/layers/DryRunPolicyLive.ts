/** The dry-run policy of one call: set once from --execute / --dry-run, asked at the Nix choke point. */
import { Layer } from "effect"
import { DryRunPolicy, type DryRunPolicyShape } from "../services/DryRunPolicy.js"

export const makeDryRunPolicy = (dryRun: boolean): DryRunPolicyShape => ({
  dryRun,
  allows: (_argv, mutating) => !(dryRun && mutating)
})

export const DryRunPolicyLive = (dryRun: boolean) => Layer.succeed(DryRunPolicy, makeDryRunPolicy(dryRun))
export const DryRunPolicyDry = DryRunPolicyLive(true)
export const DryRunPolicyExecute = DryRunPolicyLive(false)
