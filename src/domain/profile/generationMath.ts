/** Generation arithmetic shared by the backends; mirrors what Nix itself does. */
import { Either } from "effect"
import { NothingToRollBack } from "../errors.js"
import { generationsBackOf, type Rollback } from "../Intent.js"
import type { Generation } from "../Plan.js"
import { generationsToDelete } from "./generationsToDelete.js"

/** The newest generation older than the current one (what a plain rollback switches to). */
export const previousGeneration = (gens: ReadonlyArray<Generation>, current: number | undefined): number | undefined =>
  current === undefined ? undefined : [...gens].map((g) => g.number).filter((n) => n < current).sort((a, b) => b - a)[0]

/**
 * Where "go back `steps` generations" lands: the steps-th newest generation older than the current one
 * (gaps left by deleted generations are skipped, as `nix-env --rollback` skips them), with how many
 * older ones exist; `target` undefined when there are fewer than `steps`.
 */
const generationsBack = (
  numbers: ReadonlyArray<number>, current: number | undefined, steps: number
): { readonly target: number | undefined; readonly older: number } => {
  if (current === undefined) return { target: undefined, older: 0 }
  const older = numbers.filter((n) => n < current).sort((a, b) => b - a)
  return { target: older[steps - 1], older: older.length }
}

/**
 * The generation a rollback names explicitly: its `generation` when given; for "go back N" (2 or more)
 * the generation that lands on; undefined for a plain one-step rollback. Fails when there are too few.
 */
export const explicitRollbackTarget = (
  numbers: ReadonlyArray<number>, current: number | undefined, profile: string, intent: Rollback
): Either.Either<number | undefined, NothingToRollBack> => {
  const steps = generationsBackOf(intent)
  if (steps === undefined) return Either.right(intent.generation)
  const back = generationsBack(numbers, current, steps)
  return back.target === undefined
    ? Either.left(new NothingToRollBack({ profile, steps, older: back.older }))
    : Either.right(back.target)
}

/** generationsToDelete over a profile's generations (no current generation: nothing is deleted). */
export const generationsDeletedBy = (
  gens: ReadonlyArray<Generation>, current: number | undefined, keep: number | undefined
): ReadonlyArray<number> => (current === undefined ? [] : generationsToDelete(gens.map((g) => g.number), current, keep))
