/**
 * The dry-run preview of a rebuild: `nixos-rebuild dry-build` (read-only, so it runs in dry-run)
 * tells what would be built or downloaded; a configuration error shows up here, before --execute.
 */
import { Effect } from "effect"
import { NixFailed, type ServeError } from "../../../domain/errors.js"
import { answer, type Outcome, type Plan } from "../../../domain/Plan.js"
import type { NixShape } from "../../../services/Nix.js"
import { describeDryBuild, parseDryBuild, type DryBuildSummary } from "../../../domain/system/dryBuildOutput.js"
import { parseLog } from "../../../domain/nixlog/LogParser.js"
import { rebuildArgv } from "../../../domain/system/rebuildArgv.js"
import type { SystemInfo } from "../../../domain/system/SystemInfo.js"
import { mapStepFailure } from "../../../domain/backends/system/systemFailure.js"
import { targetOf } from "../../../domain/backends/system/systemPlans.js"

/** Modes worth previewing: those that build something new. */
const previewed = new Set(["switch", "boot", "test", "build"])

/**
 * The read-only command that shows what the plan would build or download. A flake update is previewed
 * with a fresh lock file that is not written; a channel update cannot be (its channels change first).
 */
export const previewArgv = (info: SystemInfo, plan: Plan): ReadonlyArray<string> | undefined => {
  const i = plan.intent
  if (i._tag === "rebuild" && previewed.has(i.mode)) return rebuildArgv(targetOf(info), "dry-build")
  if (i._tag === "update" && info.config._tag === "flake") {
    return rebuildArgv(targetOf(info), "dry-build", ["--recreate-lock-file", "--no-write-lock-file"])
  }
  return undefined
}

/** Run a dry-build (read-only) and read what it would build or download; a failure says why. */
export const runDryBuild = (
  nix: NixShape,
  argv: ReadonlyArray<string>,
  current: number | undefined
): Effect.Effect<DryBuildSummary, ServeError> =>
  // exec, not run: a failure's whole stderr is ours to read (the configuration error, with its position).
  nix.exec({ argv, mutating: false }).pipe(
    Effect.flatMap((r): Effect.Effect<DryBuildSummary, ServeError> => {
      if (r.exitCode === 0) return Effect.succeed(parseDryBuild(r.stderr))
      const events = parseLog(r.stderr.split("\n"))
      const errors = events.flatMap((e) => (e._tag === "NixError" ? [e.text] : e._tag === "RawLine" && /^error:/.test(e.line) ? [e.line] : []))
      const lines = events.flatMap((e) => (e._tag === "RawLine" ? [e.line] : e._tag === "BuildLogLine" ? [e.line] : []))
      return Effect.fail(mapStepFailure({
        argv,
        error: new NixFailed({ argv: [...argv], exitCode: r.exitCode, message: `${argv[0]} dry-build failed`, stderrTail: lines.slice(-8) }),
        errors, lines, activating: false, generationBefore: current, generationAfter: current,
        rollbackCommand: "", reactivateCommand: ""
      }))
    })
  )

export const dryBuildPreview = (
  nix: NixShape,
  info: SystemInfo,
  plan: Plan,
  current: number | undefined
): Effect.Effect<Plan, ServeError> => {
  const argv = info.rebuildTool === undefined ? undefined : previewArgv(info, plan)
  if (argv === undefined) {
    return Effect.succeed(plan.intent._tag === "update"
      ? { ...plan, notes: [...plan.notes, "No preview: the channels are updated first, so what would be downloaded is known only then."] }
      : plan)
  }
  return Effect.map(runDryBuild(nix, argv, current), (summary) => ({
    ...plan,
    notes: [...plan.notes, ...describeDryBuild(summary).map((l) => `Preview (${argv.slice(0, 2).join(" ")}): ${l}`)],
    preview: { ...plan.preview, dryBuild: { argv, ...summary } }
  }))
}

const listed = 20

/** "dry build the system" is a question: answer it (read-only, in dry-run and under --execute alike). */
export const dryBuildAnswer = (nix: NixShape, info: SystemInfo, current: number | undefined): Effect.Effect<Outcome, ServeError> => {
  const argv = rebuildArgv(targetOf(info), "dry-build")
  const list = (title: string, paths: ReadonlyArray<string>) =>
    paths.length === 0 ? [] : [title, ...paths.slice(0, listed).map((p) => `  ${p}`), ...(paths.length > listed ? [`  ... and ${paths.length - listed} more`] : [])]
  return Effect.map(runDryBuild(nix, argv, current), (s) => answer({
    _tag: "custom",
    kind: "dry-build",
    data: { argv, ...s },
    lines: [...describeDryBuild(s), ...list("Would build:", s.willBuild), ...list("Would download:", s.willFetch)]
  }))
}
