/**
 * The dry-run preview of a rebuild: `nixos-rebuild dry-build` (read-only, so it runs in dry-run)
 * tells what would be built or downloaded; a configuration error shows up here, before --execute.
 */
import { Effect } from "effect"
import { NixFailed, type ServeError } from "../../domain/errors.js"
import type { Plan } from "../../domain/Plan.js"
import type { NixShape } from "../../services/Nix.js"
import { describeDryBuild, parseDryBuild } from "../../system/dryBuildOutput.js"
import { parseLog } from "../../domain/nixlog/LogParser.js"
import { rebuildArgv } from "../../system/rebuildArgv.js"
import type { SystemInfo } from "../../system/SystemInfo.js"
import { mapStepFailure } from "./systemFailure.js"
import { targetOf } from "./systemPlans.js"

/** Modes worth previewing: those that build something new. */
const previewed = new Set(["switch", "boot", "test", "build"])

export const dryBuildPreview = (
  nix: NixShape,
  info: SystemInfo,
  plan: Plan,
  current: number | undefined
): Effect.Effect<Plan, ServeError> => {
  const mode = plan.intent._tag === "rebuild" ? plan.intent.mode : undefined
  if (mode === undefined || !previewed.has(mode) || info.rebuildTool === undefined) return Effect.succeed(plan)
  const argv = rebuildArgv(targetOf(info), "dry-build")
  // exec, not run: a failure's whole stderr is ours to read (the configuration error, with its position).
  return nix.exec({ argv, mutating: false }).pipe(
    Effect.flatMap((r): Effect.Effect<Plan, ServeError> => {
      if (r.exitCode !== 0) {
        const events = parseLog(r.stderr.split("\n"))
        const errors = events.flatMap((e) => (e._tag === "NixError" ? [e.text] : e._tag === "RawLine" && /^error:/.test(e.line) ? [e.line] : []))
        const lines = events.flatMap((e) => (e._tag === "RawLine" ? [e.line] : e._tag === "BuildLogLine" ? [e.line] : []))
        return Effect.fail(mapStepFailure({
          argv,
          error: new NixFailed({ argv: [...argv], exitCode: r.exitCode, message: `${argv[0]} dry-build failed`, stderrTail: lines.slice(-8) }),
          errors, lines, activating: false, generationBefore: current, generationAfter: current,
          rollbackCommand: "", reactivateCommand: ""
        }))
      }
      const summary = parseDryBuild(r.stderr)
      return Effect.succeed({
        ...plan,
        notes: [...plan.notes, ...describeDryBuild(summary).map((l) => `Preview (${argv.slice(0, 2).join(" ")}): ${l}`)],
        preview: { ...plan.preview, dryBuild: { argv, ...summary } }
      })
    })
  )
}
