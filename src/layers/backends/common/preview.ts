/**
 * The dry-run preview of a plan: ask Nix what it would build and fetch (read-only). A missing package
 * is a real answer and fails the plan; any other trouble only drops the preview, with a note.
 */
import { Effect } from "effect"
import type { Plan } from "../../../domain/Plan.js"
import { describeDryRun, parseDryRun } from "../../../domain/nixlog/dryRunReport.js"
import type { NixShape } from "../../../services/Nix.js"

export const withBuildPreview = (nix: NixShape, argv: ReadonlyArray<string>) => (plan: Plan) =>
  plan.steps.length === 0
    ? Effect.succeed(plan)
    : nix.run({ argv, mutating: false }).pipe(
      Effect.map((r) => {
        const report = parseDryRun(r.stderr)
        return { ...plan, notes: [...plan.notes, ...describeDryRun(report)], preview: { ...plan.preview, ...report } }
      }),
      Effect.catchIf(
        (e) => e._tag !== "PackageNotFound" && e._tag !== "InvalidPackageName" && e._tag !== "ExperimentalFeatureDisabled",
        () => Effect.succeed({ ...plan, notes: [...plan.notes, "(Nix could not tell in advance what would be built.)"] })
      )
    )
