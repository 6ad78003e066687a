/** Plans of the nix-env backend, from the installed list (pure). */
import { Either } from "effect"
import * as E from "../../argv/nixEnvArgv.js"
import { NotInstalled, NoSuchGeneration, NothingToRollBack, type ServeError } from "../../errors.js"
import type { Intent, Rollback } from "../../Intent.js"
import type { Generation, InstalledPackage, Plan, Step } from "../../Plan.js"
import { explicitRollbackTarget, generationsDeletedBy, previousGeneration } from "../../profile/generationMath.js"

export const backendName = "nix-env"

export interface EnvState {
  readonly path: string
  readonly installed: ReadonlyArray<InstalledPackage>
  readonly generations: ReadonlyArray<Generation>
  readonly current: number | undefined
}

const plan = (intent: Intent, steps: ReadonlyArray<Step>, notes: ReadonlyArray<string> = [], preview?: Record<string, unknown>): Plan => ({
  backend: backendName, intent, steps, notes, ...(preview ? { preview } : {})
})

const find = (s: EnvState, word: string) =>
  s.installed.find((p) => p.name === word) ?? s.installed.find((p) => p.attrPath === word)

const installedNames = (s: EnvState, words: ReadonlyArray<string>): Either.Either<ReadonlyArray<string>, NotInstalled> => {
  const out: Array<string> = []
  for (const w of words) {
    const p = find(s, w)
    if (p === undefined) return Either.left(new NotInstalled({ name: w, installed: s.installed.map((i) => i.name) }))
    out.push(p.name)
  }
  return Either.right(out)
}

export const installPlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Intent, attrs: ReadonlyArray<string>): Plan => {
  const already = attrs.filter((a) => find(s, a) !== undefined)
  const todo = attrs.filter((a) => !already.includes(a))
  const notes = already.map((a) => `${a} is already installed (use "update ${a}" for a newer version)`)
  if (todo.length === 0) return plan(intent, [], notes)
  return plan(intent, [{
    argv: E.envInstall(ctx, todo),
    mutating: true,
    description: `install ${todo.join(", ")} from ${ctx.file ?? `the ${ctx.channel} channel`} into ${s.path}`
  }], notes)
}

export const removePlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Intent, words: ReadonlyArray<string>): Either.Either<Plan, ServeError> =>
  Either.map(installedNames(s, words), (names) =>
    plan(intent, [{ argv: E.envRemove(ctx, names), mutating: true, description: `remove ${names.join(", ")} from ${s.path}` }]))

export const updatePlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Intent, words: ReadonlyArray<string>): Either.Either<Plan, ServeError> =>
  Either.map(words.length === 0 ? Either.right([]) : installedNames(s, words), (names) =>
    s.installed.length === 0
      ? plan(intent, [], ["The profile is empty: nothing to update."])
      : plan(intent, [{
        argv: E.envUpgrade(ctx, names),
        mutating: true,
        description: names.length === 0 ? `upgrade everything in ${s.path}` : `upgrade ${names.join(", ")}`
      }]))

export const rollbackPlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Rollback): Either.Either<Plan, ServeError> => {
  const explicit = explicitRollbackTarget(s.generations.map((g) => g.number), s.current, s.path, intent)
  if (Either.isLeft(explicit)) return Either.left(explicit.left)
  const to = explicit.right
  const available = s.generations.map((g) => g.number)
  if (to !== undefined && !available.includes(to)) return Either.left(new NoSuchGeneration({ generation: to, available }))
  const target = to ?? previousGeneration(s.generations, s.current)
  if (target === undefined) return Either.left(new NothingToRollBack({ profile: s.path }))
  return Either.right(plan(intent, [{
    argv: to === undefined ? E.envRollback(ctx) : E.envSwitchGeneration(ctx, to),
    mutating: true,
    description: `switch ${s.path} from generation ${s.current} to ${target}`
  }], [], { from: s.current, to: target }))
}

export const cleanPlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Intent, keep: number | undefined, dead: ReadonlyArray<string>): Plan => {
  const doomed = generationsDeletedBy(s.generations, s.current, keep)
  return plan(intent, [
    { argv: E.envDeleteGenerations(ctx, keep), mutating: true, description: keep === undefined ? "delete every old generation" : `delete old generations, keeping ${keep}` },
    { argv: E.collectGarbage, mutating: true, description: "collect garbage" }
  ], [
    doomed.length === 0 ? "No generation would be deleted." : `Would delete generation${doomed.length === 1 ? "" : "s"} ${doomed.join(", ")} of ${s.path}.`,
    `${dead.length} store path${dead.length === 1 ? " is" : "s are"} already garbage; the paths only those generations used would go too.`
  ], { deletedGenerations: doomed, deadPaths: dead.length })
}

export const tryPlan = (ctx: E.NixEnvArgvContext, intent: Intent, attrs: ReadonlyArray<string>, command: string | undefined): Plan =>
  plan(intent, [{
    argv: E.envShell(ctx, attrs, command),
    mutating: true,
    interactive: true,
    description: `run ${command ?? "a shell"} with ${attrs.join(", ")}, without installing`
  }], ["Nothing is installed: the packages are only built or downloaded into the store."])
