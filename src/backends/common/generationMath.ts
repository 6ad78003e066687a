/** Generation arithmetic shared by the backends; mirrors what Nix itself does. */
import type { Generation } from "../../domain/Plan.js"

/** The newest generation older than the current one (what a plain rollback switches to). */
export const previousGeneration = (gens: ReadonlyArray<Generation>, current: number | undefined): number | undefined =>
  current === undefined ? undefined : [...gens].map((g) => g.number).filter((n) => n < current).sort((a, b) => b - a)[0]

/**
 * Which generations `--delete-generations +keep` (keep given) or `old` (keep undefined) deletes: Nix keeps
 * every generation newer than the current one, then the current and keep-1 older ones.
 */
export const generationsDeletedBy = (
  gens: ReadonlyArray<Generation>, current: number | undefined, keep: number | undefined
): ReadonlyArray<number> => {
  const numbers = [...gens].map((g) => g.number).sort((a, b) => b - a)
  if (current === undefined) return []
  if (keep === undefined) return numbers.filter((n) => n !== current).sort((a, b) => a - b)
  const older = numbers.filter((n) => n <= current)
  return older.slice(Math.max(keep, 1)).sort((a, b) => a - b)
}
