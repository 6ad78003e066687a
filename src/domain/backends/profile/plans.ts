/**
 * Plans of the `nix profile` backend, from the profile's manifest (pure). Element selectors are names
 * on Nix 2.20+ (manifest v3) and indices on older Nix; packages not installed from a flake cannot be
 * upgraded by `nix profile upgrade`, so they are removed and installed again from the current source.
 */
import { Either } from "effect"
import * as A from "../../argv/profileArgv.js"
import { profileHasNames } from "../../argv/NixVersion.js"
import { describeSource } from "../../argv/PackageSource.js"
import { NotInstalled, type ServeError } from "../../errors.js"
import type { Clean, Intent, Rollback, Try } from "../../Intent.js"
import type { Plan, Step } from "../../Plan.js"
import { cleanNotes, cleanStepDescription, type DeadPaths, notYetInstalled, planOf, type ProfileGenerations, rollbackStep, rollbackTarget, tryPlanWith } from "../planParts.js"
import type { Manifest, ManifestElement } from "../../profile/Profile.js"
import { envDeleteGenerations } from "../../argv/nixEnvArgv.js"

export const backendName = "profile"

export interface ProfileState extends ProfileGenerations {
  readonly manifest: Manifest
}

const plan = planOf(backendName)

/** An installed element by the word the user used: its name, attribute or package name. */
export const findElement = (m: Manifest, word: string): ManifestElement | undefined =>
  m.elements.find((e) => e.name === word) ??
    m.elements.find((e) => e.attrPath?.split(".").pop() === word) ??
    m.elements.find((e) => e.pname === word)

const selector = (ctx: A.ProfileArgvContext, e: ManifestElement): string =>
  profileHasNames(ctx.version) ? e.name : String(e.index)

const names = (m: Manifest) => m.elements.map((e) => e.name)

export const installPlan = (ctx: A.ProfileArgvContext, s: ProfileState, intent: Intent, attrs: ReadonlyArray<string>): Plan => {
  const { todo, notes } = notYetInstalled(attrs, (a) => findElement(s.manifest, a) !== undefined)
  if (todo.length === 0) return plan(intent, [], notes)
  return plan(intent, [{
    argv: A.profileInstall(ctx, todo),
    mutating: true,
    description: `install ${todo.join(", ")} from ${describeSource(ctx.source)} into ${s.path}`
  }], notes)
}

const installedElements = (s: ProfileState, words: ReadonlyArray<string>): Either.Either<ReadonlyArray<ManifestElement>, NotInstalled> => {
  const found: Array<ManifestElement> = []
  for (const w of words) {
    const e = findElement(s.manifest, w)
    if (e === undefined) return Either.left(new NotInstalled({ name: w, installed: names(s.manifest) }))
    found.push(e)
  }
  return Either.right(found)
}

export const removePlan = (ctx: A.ProfileArgvContext, s: ProfileState, intent: Intent, words: ReadonlyArray<string>): Either.Either<Plan, ServeError> =>
  Either.map(installedElements(s, words), (els) =>
    plan(intent, [{
      argv: A.profileRemove(ctx, els.map((e) => selector(ctx, e))),
      mutating: true,
      description: `remove ${els.map((e) => e.name).join(", ")} from ${s.path}`
    }]))

/** The attribute to reinstall an element by (from the current source). */
const reinstallAttr = (e: ManifestElement): string => e.attrPath?.replace(/^(legacyPackages|packages)\.[^.]+\./, "") ?? e.name

export const updatePlan = (ctx: A.ProfileArgvContext, s: ProfileState, intent: Intent, words: ReadonlyArray<string>): Either.Either<Plan, ServeError> =>
  Either.map(words.length === 0 ? Either.right(s.manifest.elements) : installedElements(s, words), (els) => {
    if (els.length === 0) return plan(intent, [], ["The profile is empty: nothing to update."])
    const fromFlake = els.filter((e) => e.originalUrl !== undefined)
    const others = els.filter((e) => e.originalUrl === undefined)
    const steps: Array<Step> = []
    const notes: Array<string> = []
    if (fromFlake.length > 0) {
      const all = words.length === 0 && others.length === 0
      steps.push({
        argv: A.profileUpgrade(ctx, all ? "all" : fromFlake.map((e) => selector(ctx, e)), profileHasNames(ctx.version)),
        mutating: true,
        description: all ? `upgrade everything in ${s.path}` : `upgrade ${fromFlake.map((e) => e.name).join(", ")}`
      })
    }
    if (others.length > 0) {
      notes.push(`${others.map((e) => e.name).join(", ")} ${others.length === 1 ? "was" : "were"} not installed from a flake; ` +
        `${others.length === 1 ? "it is" : "they are"} removed and installed again from ${describeSource(ctx.source)}.`)
      steps.push({ argv: A.profileRemove(ctx, others.map((e) => selector(ctx, e))), mutating: true, description: `remove ${others.map((e) => e.name).join(", ")}` })
      steps.push({ argv: A.profileInstall(ctx, others.map(reinstallAttr)), mutating: true, description: `install ${others.map(reinstallAttr).join(", ")} again` })
    }
    return plan(intent, steps, notes)
  })

export const rollbackPlan = (ctx: A.ProfileArgvContext, s: ProfileState, intent: Rollback): Either.Either<Plan, ServeError> =>
  Either.map(rollbackTarget(s, intent), ({ to, target }) =>
    plan(intent, [rollbackStep(s, target, A.profileRollback(ctx, to))], [], { from: s.current, to: target }))

export const cleanPlan = (ctx: A.ProfileArgvContext, s: ProfileState, intent: Clean, dead: DeadPaths): Plan => {
  const { notes, preview } = cleanNotes(s, intent.keep, dead)
  return plan(intent, [
    { argv: envDeleteGenerations({ profile: ctx.profile, file: undefined, channel: "nixpkgs" }, intent.keep), mutating: true, description: cleanStepDescription(intent.keep) },
    { argv: A.storeGc(ctx), mutating: true, description: "collect garbage" }
  ], notes, preview)
}

export const tryPlan = (ctx: A.ProfileArgvContext, intent: Try, attrs: ReadonlyArray<string>, command: string | undefined): Plan =>
  tryPlanWith(backendName)(intent, A.nixShell(ctx, attrs, command), attrs, command)
