/**
 * A backend serves intents: answers questions, plans changes, and carries plans out with progress.
 * A backend that cannot serve an intent fails with CannotServe, and the chain moves on.
 */
import type { Effect, Stream } from "effect"
import type { Intent } from "../domain/Intent.js"
import type { Outcome, Plan, ExecutionResult } from "../domain/Plan.js"
import type { ProgressEvent } from "../domain/ProgressEvent.js"
import type { ServeError } from "../domain/errors.js"

export interface Backend {
  readonly name: string
  /** One line for `--help` and the chain report. */
  readonly description: string
  /** Answer a question, or plan a change. Must not mutate anything. */
  readonly serve: (intent: Intent) => Effect.Effect<Outcome, ServeError>
  /**
   * Carry out a plan this backend made. Progress events stream while it runs; the stream's end is
   * the end of the work. The result comes from `result` after the stream completes.
   */
  readonly execute: (plan: Plan) => Stream.Stream<ProgressEvent, ServeError>
  /** What the execution achieved (generation numbers, summary), read after `execute` completes. */
  readonly result?: ((plan: Plan) => Effect.Effect<ExecutionResult, ServeError>) | undefined
}
