/** Plans of the nix-env backend, from the installed list (pure). */
import { Either } from "effect"
import * as E from "../../argv/nixEnvArgv.js"
import { NotInstalled, type ServeError } from "../../errors.js"
import type { Clean, Intent, Rollback, Try } from "../../Intent.js"
import type { InstalledPackage, Plan } from "../../Plan.js"
import { cleanNotes, cleanStepDescription, type DeadPaths, notYetInstalled, planOf, type ProfileGenerations, rollbackStep, rollbackTarget, tryPlanWith } from "../planParts.js"

export const backendName = "nix-env"

export interface EnvState extends ProfileGenerations {
  readonly installed: ReadonlyArray<InstalledPackage>
}

const plan = planOf(backendName)

export const findInstalled = (s: EnvState, word: string) =>
  s.installed.find((p) => p.name === word) ?? s.installed.find((p) => p.attrPath === word)

const installedNames = (s: EnvState, words: ReadonlyArray<string>): Either.Either<ReadonlyArray<string>, NotInstalled> => {
  const out: Array<string> = []
  for (const w of words) {
    const p = findInstalled(s, w)
    if (p === undefined) return Either.left(new NotInstalled({ name: w, installed: s.installed.map((i) => i.name) }))
    out.push(p.name)
  }
  return Either.right(out)
}

export const installPlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Intent, attrs: ReadonlyArray<string>): Plan => {
  const { todo, notes } = notYetInstalled(attrs, (a) => findInstalled(s, a) !== undefined)
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

export const rollbackPlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Rollback): Either.Either<Plan, ServeError> =>
  Either.map(rollbackTarget(s, intent), ({ to, target }) =>
    plan(intent, [rollbackStep(s, target, to === undefined ? E.envRollback(ctx) : E.envSwitchGeneration(ctx, to))], [], { from: s.current, to: target }))

export const cleanPlan = (ctx: E.NixEnvArgvContext, s: EnvState, intent: Clean, dead: DeadPaths): Plan => {
  const { notes, preview } = cleanNotes(s, intent.keep, dead)
  return plan(intent, [
    { argv: E.envDeleteGenerations(ctx, intent.keep), mutating: true, description: cleanStepDescription(intent.keep) },
    { argv: E.collectGarbage, mutating: true, description: "collect garbage" }
  ], notes, preview)
}

export const tryPlan = (ctx: E.NixEnvArgvContext, intent: Try, attrs: ReadonlyArray<string>, command: string | undefined): Plan =>
  tryPlanWith(backendName)(intent, E.envShell(ctx, attrs, command), attrs, command)
