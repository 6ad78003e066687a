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

/**
 * The packages ask-nix installed into a profile from a file (`nix-env -f FILE -iA -- NAME...`), by
 * attribute name, with that file: from the profile's history, oldest change first (a later install
 * from the channel forgets the file). nix-env's manifest does not say where a package came from.
 */
export const installedFromFiles = (changes: ReadonlyArray<{ readonly argv: ReadonlyArray<ReadonlyArray<string>> }>): ReadonlyMap<string, string> => {
  const files = new Map<string, string>()
  for (const argv of changes.flatMap((c) => c.argv)) {
    if (argv[0] !== "nix-env" || !argv.some((a) => a === "-iA" || a === "-i")) continue
    const f = argv.indexOf("-f")
    const file = f >= 0 ? argv[f + 1] : undefined
    for (const attr of argv.slice(argv.indexOf("--") + 1)) {
      if (file === undefined) files.delete(attr)
      else files.set(attr, file)
    }
  }
  return files
}

/** The file an installed package (by nix-env's name) came from, when ask-nix installed it from one. */
const fileOf = (files: ReadonlyMap<string, string>, name: string): string | undefined =>
  [...files].find(([attr]) => attr === name || attr.split(".").pop() === name)?.[1]

/**
 * Without --file, packages installed from a file are left alone (nix-env -u would replace them with
 * the channel's package of the same name), and the plan says so.
 */
export const updatePlan = (
  ctx: E.NixEnvArgvContext, s: EnvState, intent: Intent, words: ReadonlyArray<string>, files: ReadonlyMap<string, string> = new Map()
): Either.Either<Plan, ServeError> =>
  Either.map(words.length === 0 ? Either.right([]) : installedNames(s, words), (names) => {
    if (s.installed.length === 0) return plan(intent, [], ["The profile is empty: nothing to update."])
    const chosen = names.length === 0 ? s.installed.map((p) => p.name) : names
    const fromFile = ctx.file === undefined ? chosen.filter((n) => fileOf(files, n) !== undefined) : []
    const upgrade = (which: ReadonlyArray<string>, notes: ReadonlyArray<string>) => plan(intent, [{
      argv: E.envUpgrade(ctx, which),
      mutating: true,
      description: which.length === 0 ? `upgrade everything in ${s.path}` : `upgrade ${which.join(", ")}`
    }], notes)
    if (fromFile.length === 0) return upgrade(names, [])
    const sources = [...new Set(fromFile.map((n) => fileOf(files, n)!))]
    const note = `${fromFile.join(", ")} ${fromFile.length === 1 ? "was" : "were"} installed from ${sources.join(", ")}, ` +
      `so ${fromFile.length === 1 ? "it is" : "they are"} not updated from the ${ctx.channel} channel. ` +
      `To update from the file: ask-nix --file ${sources.length === 1 ? sources[0] : "FILE"} update`
    const rest = chosen.filter((n) => !fromFile.includes(n))
    return rest.length === 0 ? plan(intent, [], [note]) : upgrade(rest, [note])
  })

/** An update with nothing newer: no step, said in the plan. */
export const upToDate = (p: Plan): Plan => ({
  ...p, steps: [], notes: [...p.notes.filter((n) => !n.startsWith("Everything needed")), "Already up to date: nothing newer."],
  preview: { ...p.preview, upToDate: true }
})

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
