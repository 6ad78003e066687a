/**
 * Carries out a plan's steps through the Nix choke point, as one Stream of progress events: a
 * StepStarted marker per step, then the step's own events. Steps whose argv asks for internal-json
 * logs stream them; interactive steps get the terminal. When a later step fails after an earlier one
 * made a new generation (or the run is interrupted between steps), the profile is switched back, so a
 * failed operation leaves it on the generation it was on.
 */
import { Cause, Console, Effect, Exit, Stream } from "effect"
import type { ExecutionResult, Plan, Step } from "../../../domain/Plan.js"
import { summarize } from "../../../domain/backends/summary.js"
import { Message, StepStarted, type ProgressEvent } from "../../../domain/ProgressEvent.js"
import { SwitchBackFailed, type ServeError, userMessage } from "../../../domain/errors.js"
import type { NixShape } from "../../../services/Nix.js"

export interface ExecuteOptions {
  readonly nix: NixShape
  /** The generation before the plan ran (read when the stream starts). */
  readonly currentGeneration: Effect.Effect<number | undefined, ServeError>
  /** argv that switches the profile back to generation n. */
  readonly switchBack: (n: number) => ReadonlyArray<string>
}

const runStep = (nix: NixShape, step: Step): Stream.Stream<ProgressEvent, ServeError> => {
  const cmd = { argv: step.argv, mutating: step.mutating, env: step.env, interactive: step.interactive }
  if (step.interactive) return Stream.drain(Stream.fromEffect(nix.run(cmd)))
  if (step.argv.includes("internal-json")) return nix.stream(cmd)
  return Stream.fromEffect(nix.run(cmd)).pipe(
    Stream.mapConcat((r) =>
      r.stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("@nix")).map((text) => new Message({ level: 3, text }))
    )
  )
}

export const executePlan = (plan: Plan, options: ExecuteOptions): Stream.Stream<ProgressEvent, ServeError> =>
  Stream.unwrap(Effect.map(options.currentGeneration, (before) => {
    const total = plan.steps.length
    const steps = Stream.fromIterable(plan.steps.map((step, index) => ({ step, index }))).pipe(
      Stream.flatMap(({ step, index }) =>
        Stream.concat(
          Stream.make(new StepStarted({ index: index + 1, total, argv: [...step.argv], ...(step.description ? { description: step.description } : {}) })),
          runStep(options.nix, step)
        )
      )
    )
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
}) => {
  const before = new WeakMap<Plan, number | undefined>()
  const execute = (plan: Plan): Stream.Stream<ProgressEvent, ServeError> =>
    Stream.unwrap(Effect.gen(function*() {
      const ctx = yield* options.context
      before.set(plan, yield* options.currentGeneration)
      return executePlan(plan, { nix: options.nix, currentGeneration: options.currentGeneration, switchBack: (n) => options.switchBack(ctx, n) })
    }))
  const result = (plan: Plan): Effect.Effect<ExecutionResult, ServeError> =>
    Effect.map(options.currentGeneration, (after) => summarize(plan, before.get(plan), after))
  return { execute, result }
}
