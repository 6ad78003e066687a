/**
 * What the profile and nix-env backends plan alike: which packages are already there, where a
 * rollback lands, what a clean would delete, how `try` runs. They differ only in the argv.
 */
import { Either } from "effect"
import { NoSuchGeneration, NothingToRollBack } from "../errors.js"
import type { Intent, Rollback } from "../Intent.js"
import type { Generation, Plan, Step } from "../Plan.js"
import { explicitRollbackTarget, generationsDeletedBy, previousGeneration } from "../profile/generationMath.js"

/** The profile a plan is made for. */
export interface ProfileGenerations {
  readonly path: string
  readonly generations: ReadonlyArray<Generation>
  readonly current: number | undefined
}

/** A plan of `backend`. */
export const planOf = (backend: string) =>
  (intent: Intent, steps: ReadonlyArray<Step>, notes: ReadonlyArray<string> = [], preview?: Record<string, unknown>): Plan => ({
    backend, intent, steps, notes, ...(preview ? { preview } : {})
  })

/** The attributes still to install, and a note for each one that already is. */
export const notYetInstalled = (attrs: ReadonlyArray<string>, installed: (attr: string) => boolean) => {
  const already = attrs.filter(installed)
  return {
    todo: attrs.filter((a) => !already.includes(a)),
    notes: already.map((a) => `${a} is already installed (use "update ${a}" for a newer version)`)
  }
}

/**
 * Where a rollback goes: `to` is the generation named (or counted back), undefined for a plain "the
 * previous one"; `target` is where it lands either way.
 */
export const rollbackTarget = (
  s: ProfileGenerations,
  intent: Rollback
): Either.Either<{ readonly to: number | undefined; readonly target: number }, NoSuchGeneration | NothingToRollBack> =>
  Either.flatMap(explicitRollbackTarget(s.generations.map((g) => g.number), s.current, s.path, intent), (to): Either.Either<{ readonly to: number | undefined; readonly target: number }, NoSuchGeneration | NothingToRollBack> => {
    const available = s.generations.map((g) => g.number)
    if (to !== undefined && !available.includes(to)) return Either.left(new NoSuchGeneration({ generation: to, available }))
    const target = to ?? previousGeneration(s.generations, s.current)
    return target === undefined ? Either.left(new NothingToRollBack({ profile: s.path })) : Either.right({ to, target })
  })

/** The rollback step, once its argv is known. */
export const rollbackStep = (s: ProfileGenerations, target: number, argv: ReadonlyArray<string>): Step => ({
  argv, mutating: true, description: `switch ${s.path} from generation ${s.current} to ${target}`
})

/** Store paths that are already garbage, or why Nix could not tell. */
export type DeadPaths =
  | { readonly _tag: "Known"; readonly paths: ReadonlyArray<string> }
  | { readonly _tag: "Unknown"; readonly reason: string }

/** What a clean deletes (the generations, and the store paths already garbage), for its notes and preview. */
export const cleanNotes = (s: ProfileGenerations, keep: number | undefined, dead: DeadPaths) => {
  const doomed = generationsDeletedBy(s.generations, s.current, keep)
  const n = dead._tag === "Known" ? dead.paths.length : 0
  return {
    notes: [
      doomed.length === 0 ? "No generation would be deleted." : `Would delete generation${doomed.length === 1 ? "" : "s"} ${doomed.join(", ")} of ${s.path}.`,
      dead._tag === "Known"
        ? `${n} store path${n === 1 ? " is" : "s are"} already garbage; the paths only those generations used would go too.`
        : `Nix could not tell which store paths are already garbage (${dead.reason}); the paths only those generations used would go too.`
    ],
    preview: { deletedGenerations: doomed, deadPaths: dead._tag === "Known" ? n : null }
  }
}

export const cleanStepDescription = (keep: number | undefined) =>
  keep === undefined ? "delete every old generation" : `delete old generations, keeping ${keep}`

/** `try`: one interactive step (a shell, or the command), nothing installed. */
export const tryPlanWith = (backend: string) => (intent: Intent, argv: ReadonlyArray<string>, attrs: ReadonlyArray<string>, command: string | undefined): Plan =>
  planOf(backend)(intent, [{
    argv,
    mutating: true,
    interactive: true,
    description: `run ${command ?? "a shell"} with ${attrs.join(", ")}, without installing`
  }], ["Nothing is installed: the packages are only built or downloaded into the store."])
