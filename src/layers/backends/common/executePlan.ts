/**
 * Carries out a plan's steps through the Nix choke point, as one Stream of progress events: a
 * StepStarted marker per step, then the step's own events. Steps whose argv asks for internal-json
 * logs stream them; interactive steps get the terminal. When a later step fails after an earlier one
 * made a new generation (or the run is interrupted between steps), the profile is switched back, so a
 * failed operation leaves it on the generation it was on.
 */
import { Cause, Console, Effect, Exit, Stream } from "effect"
import * as fs from "node:fs"
import type { ExecutionResult, GenerationDiff, Plan, Step } from "../../../domain/Plan.js"
import { summarize } from "../../../domain/backends/summary.js"
import { parseGcSummary, type GcResult } from "../../../domain/store/garbage.js"
import { Message, StepStarted, type ProgressEvent } from "../../../domain/ProgressEvent.js"
import { FileError, SwitchBackFailed, type ServeError, userMessage } from "../../../domain/errors.js"
import type { NixShape } from "../../../services/Nix.js"

export interface ExecuteOptions {
  readonly nix: NixShape
  /** The generation before the plan ran (read when the stream starts). */
  readonly currentGeneration: Effect.Effect<number | undefined, ServeError>
  /** argv that switches the profile back to generation n. */
  readonly switchBack: (n: number) => ReadonlyArray<string>
  /**
   * Do the two profiles hold the same packages? (Decides whether a `commit` step runs; a backend whose
   * plans stage nothing need not say, and a commit step then always runs.)
   */
  readonly samePackages?: ((staging: string, profile: string) => Effect.Effect<boolean, ServeError>) | undefined
}

const runStep = (nix: NixShape, step: Step): Stream.Stream<ProgressEvent, ServeError> => {
  const cmd = { argv: step.argv, mutating: step.mutating, env: step.env, interactive: step.interactive }
  if (step.interactive) return Stream.drain(Stream.fromEffect(nix.run(cmd)))
  if (step.argv.includes("internal-json")) return nix.stream(cmd)
  // Both streams: Nix prints some results on stdout ("14 store paths deleted, 1.20 MiB freed").
  return Stream.fromEffect(nix.run(cmd)).pipe(
    Stream.mapConcat((r) =>
      [...r.stderr.split("\n"), ...r.stdout.split("\n")].filter((l) => l.trim() !== "" && !l.startsWith("@nix")).map((text) => new Message({ level: 3, text }))
    )
  )
}

/** The switch of a staged change: skipped when nothing changed, never interrupted once started. */
const commitStep = (options: ExecuteOptions, step: Step, commit: NonNullable<Step["commit"]>): Stream.Stream<ProgressEvent, ServeError> =>
  Stream.unwrap(Effect.map(options.samePackages?.(commit.staging, commit.profile) ?? Effect.succeed(false), (same) =>
    same
      ? Stream.make(new Message({ level: 1, text: "Nothing is newer: the profile was not switched." }))
      : Stream.fromEffect(Effect.uninterruptible(options.nix.run({ argv: step.argv, mutating: step.mutating, env: step.env }))).pipe(
        Stream.mapConcat((r) => r.stderr.split("\n").filter((l) => l.trim() !== "").map((text) => new Message({ level: 3, text })))
      )))

/** The staging folder of a plan, there while its steps run and removed after them, whatever happened. */
const withStaging = <E>(dir: string | undefined, steps: Stream.Stream<ProgressEvent, E>): Stream.Stream<ProgressEvent, E | FileError> =>
  dir === undefined ? steps : Stream.unwrapScoped(Effect.acquireRelease(
    Effect.try({
      try: () => fs.mkdirSync(dir, { recursive: true, mode: 0o700 }),
      catch: (e) => new FileError({ path: dir, detail: `cannot create the staging folder for the update (${(e as Error).message}); nothing was changed` })
    }),
    () => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
  ).pipe(Effect.as(steps)))

export const executePlan = (plan: Plan, options: ExecuteOptions): Stream.Stream<ProgressEvent, ServeError> =>
  Stream.unwrap(Effect.map(options.currentGeneration, (before) => {
    const total = plan.steps.length
    const steps = withStaging(plan.staging, Stream.fromIterable(plan.steps.map((step, index) => ({ step, index }))).pipe(
      Stream.flatMap(({ step, index }) =>
        Stream.concat(
          Stream.make(new StepStarted({ index: index + 1, total, argv: [...step.argv], ...(step.description ? { description: step.description } : {}) })),
          step.commit !== undefined ? commitStep(options, step, step.commit) : runStep(options.nix, step)
        )
      )
    ))
    if (total < 2 || before === undefined) return steps
    // A failed or interrupted multi-step plan (e.g. remove then install again) goes back where it was.
    // When going back fails as well, the person must hear it: the profile is not as it was.
    const switchBack = (failure: string): Effect.Effect<void, SwitchBackFailed> =>
      Effect.gen(function*() {
        const now = yield* options.currentGeneration.pipe(
          Effect.mapError((e) => new SwitchBackFailed({ failure, before, detail: `its current generation could not be read: ${userMessage(e)}` }))
        )
        if (now === undefined || now === before) return
        yield* options.nix.run({ argv: options.switchBack(before), mutating: true }).pipe(
          Effect.mapError((e) => new SwitchBackFailed({ failure, before, now, detail: firstLine(userMessage(e)) }))
        )
      })
    return steps.pipe(
      Stream.catchAll((e) => Stream.fromEffect(Effect.zipRight(switchBack(whatFailed(e)), Effect.fail(e)))),
      Stream.ensuringWith((exit) =>
        Exit.isFailure(exit) && Cause.isInterrupted(exit.cause)
          ? switchBack("Interrupted").pipe(Effect.catchAll((e) => Console.error(userMessage(e))))
          : Effect.void)
    )
  }))

const firstLine = (text: string) => text.split("\n")[0] ?? text

/** The first failure, in a few words: its message's first line, without the "nothing was changed" that no longer holds. */
const whatFailed = (e: ServeError): string => firstLine(userMessage(e)).replace(/[;,.]?\s*nothing (was|has been) changed\.?/i, "").replace(/\.$/, "")

/**
 * `execute` and `result` of a subprocess backend: run the plan (switching back on a failure between
 * steps), and report the generation before and after.
 */
export const planExecution = <C>(options: {
  readonly nix: NixShape
  readonly currentGeneration: Effect.Effect<number | undefined, ServeError>
  /** The backend's argv context (Nix version, profile, source), needed to build the switch-back argv. */
  readonly context: Effect.Effect<C, ServeError>
  readonly switchBack: (ctx: C, n: number) => ReadonlyArray<string>
  readonly samePackages: ExecuteOptions["samePackages"]
  /** What changed between two generations (old -> new versions in the result). */
  readonly diff: (before: number, after: number) => Effect.Effect<GenerationDiff | undefined>
}) => {
  const before = new WeakMap<Plan, number | undefined>()
  const collected = new WeakMap<Plan, GcResult>()
  const execute = (plan: Plan): Stream.Stream<ProgressEvent, ServeError> =>
    Stream.unwrap(Effect.gen(function*() {
      const ctx = yield* options.context
      before.set(plan, yield* options.currentGeneration)
      // What a garbage collection among the steps reports (Nix's summary line), for the result.
      return executePlan(plan, {
        nix: options.nix, currentGeneration: options.currentGeneration, switchBack: (n) => options.switchBack(ctx, n),
        samePackages: options.samePackages
      }).pipe(
        Stream.tap((e) => Effect.sync(() => {
          const gc = e._tag === "Message" ? parseGcSummary([e.text]) : undefined
          if (gc !== undefined) collected.set(plan, gc)
        }))
      )
    }))
  const result = (plan: Plan): Effect.Effect<ExecutionResult, ServeError> =>
    Effect.gen(function*() {
      const from = before.get(plan)
      const after = yield* options.currentGeneration
      const diff = from !== undefined && after !== undefined && from !== after ? yield* options.diff(from, after) : undefined
      return summarize(plan, from, after, { diff, gc: collected.get(plan) })
    })
  return { execute, result }
}
