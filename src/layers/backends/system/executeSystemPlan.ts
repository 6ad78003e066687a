/**
 * Carries out a system plan: checks rights first (no hanging prompt without a terminal), then runs
 * each step through the Nix choke point, streaming typed progress with the rebuild's phases, and
 * maps a failure to what happened to the system. In dry-run only read-only steps run.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Stream } from "effect"
import type { ServeError } from "../../../domain/errors.js"
import type { Plan, Step } from "../../../domain/Plan.js"
import { StepStarted, type ProgressEvent } from "../../../domain/ProgressEvent.js"
import type { DryRunPolicyShape } from "../../../services/DryRunPolicy.js"
import type { NixCommand, NixShape } from "../../../services/Nix.js"
import { elevate } from "../../../domain/system/Elevation.js"
import { logFlags } from "../../../domain/system/rebuildArgv.js"
import { makePhaseTracker } from "../../../domain/system/rebuildPhases.js"
import { currentGeneration } from "../../system/readGenerations.js"
import type { SystemInfo } from "../../../domain/system/SystemInfo.js"
import { checkAccess, type Access } from "./privilege.js"
import { mapStepFailure } from "../../../domain/backends/system/systemFailure.js"
import { targetOf } from "../../../domain/backends/system/systemPlans.js"

export interface ExecuteDeps {
  readonly nix: NixShape
  readonly policy: DryRunPolicyShape
  readonly info: SystemInfo
  /** stdin and stdout are terminals. */
  readonly terminal: boolean
  /** Remember the generation before the run (for the result). */
  readonly recordBefore: (plan: Plan, generation: number | undefined) => Effect.Effect<void>
}

const keep = 200

/** With the terminal attached Nix writes to it directly: readable output, not internal-json. */
export const withoutLogFlags = (argv: ReadonlyArray<string>): ReadonlyArray<string> => {
  const i = argv.findIndex((a, j) => a === logFlags[0] && argv[j + 1] === logFlags[1] && argv[j + 2] === logFlags[2])
  return i < 0 ? argv : [...argv.slice(0, i), ...argv.slice(i + logFlags.length)]
}

export const commandFor = (step: Step, access: Access): NixCommand =>
  step.interactive === true && access === "interactive"
    ? { argv: withoutLogFlags(step.argv), mutating: step.mutating, cwd: step.cwd, env: step.env, interactive: true }
    : { argv: step.argv, mutating: step.mutating, cwd: step.cwd, env: step.env }

const runStep = (deps: ExecuteDeps, step: Step, access: Access, before: number | undefined) =>
  Stream.suspend(() => {
    const errors: Array<string> = []
    const lines: Array<string> = []
    let activating = false
    const track = makePhaseTracker(undefined)
    const remember = (e: ProgressEvent) => {
      if (e._tag === "NixError") errors.push(e.text)
      if (e._tag === "RawLine") {
        lines.push(e.line)
        if (/^error:/.test(e.line)) errors.push(e.line)
      }
      if (e._tag === "BuildLogLine") lines.push(e.line)
      if (e._tag === "PhaseChanged" && e.id === 0 && e.phase === "activating") activating = true
      if (lines.length > keep) lines.splice(0, lines.length - keep)
    }
    const t = targetOf(deps.info)
    const profile = deps.info.paths.systemProfile
    return deps.nix.stream(commandFor(step, access)).pipe(
      Stream.mapConcat(track),
      Stream.tap((e) => Effect.sync(() => remember(e))),
      Stream.catchAll((error: ServeError) =>
        Stream.fromEffect(Effect.flatMap(currentGeneration(deps.info.paths), (after) =>
          Effect.fail(mapStepFailure({
            argv: step.argv, error, errors, lines, activating,
            generationBefore: before, generationAfter: after,
            rollbackCommand: elevate(t.elevation, [t.tool, "switch", "--rollback"]).join(" "),
            reactivateCommand: elevate(t.elevation, [`${profile}/bin/switch-to-configuration`, "switch"]).join(" ")
          }))))
      )
    )
  })

export const executeSystemPlan = (deps: ExecuteDeps, plan: Plan): Stream.Stream<ProgressEvent, ServeError, FileSystem.FileSystem> =>
  Stream.unwrap(Effect.gen(function*() {
    const steps = deps.policy.dryRun ? plan.steps.filter((s) => !s.mutating) : plan.steps
    const needsRoot = plan.preview?.["needsRoot"] === true && steps.some((s) => s.mutating)
    const access = yield* checkAccess(deps.nix, deps.info.elevation, needsRoot, deps.terminal)
    const before = yield* currentGeneration(deps.info.paths)
    yield* deps.recordBefore(plan, before)
    return Stream.fromIterable(steps.map((s, i) => [s, i] as const)).pipe(
      Stream.flatMap(([s, i]) => Stream.concat(
        Stream.succeed<ProgressEvent>(new StepStarted({ index: i + 1, total: steps.length, argv: [...s.argv], description: s.description })),
        runStep(deps, s, access, before)
      ))
    )
  }))
