/**
 * "undo that": a plan that switches a profile back to the generation it had before the last change
 * ask-nix made in it. Per profile: the one given with --profile, else the user's own. When ask-nix's
 * last change was in another profile and no --profile was given, the plan needs a yes. A mutating
 * plugin intent: shown in dry-run, carried out only with --execute.
 */
import { Effect } from "effect"
import type { PluginIntent } from "../../domain/Intent.js"
import { answer, planned, type Outcome, type Step } from "../../domain/Plan.js"
import { NoSuchGeneration } from "../../domain/errors.js"
import { showArgv } from "../../domain/backends/instructions/commands.js"
import { lastChangeIn, type HistoryEntry } from "../../domain/history/HistoryEntry.js"
import { PLUGIN_BACKEND } from "../../services/Plugin.js"
import { History } from "../../services/History.js"
import type { ProfileUnreadable } from "../../domain/errors.js"
import type { ProfileKind } from "../../domain/profile/Profile.js"
import { ProfileInspector } from "../../services/ProfileInspector.js"
import { Settings } from "../../services/Settings.js"

export interface ProfileState {
  /** The profile symlink itself (generation links live next to it). */
  readonly path: string
  readonly kind: ProfileKind
  readonly current: number | undefined
  readonly available: ReadonlyArray<number>
}

/** The argv that switches profile `path` to generation `n`, by profile kind. */
export const switchArgv = (kind: ProfileKind, path: string, n: number): ReadonlyArray<string> =>
  kind === "profile"
    ? ["nix", "profile", "rollback", "--profile", path, "--to", String(n)]
    : ["nix-env", "--profile", path, "--switch-generation", String(n)]

const nothing = (text: string): Outcome =>
  answer({ _tag: "custom", kind: "undo", data: { undone: false, reason: text }, lines: [text] })

const when = (e: HistoryEntry) => e.at.slice(0, 16).replace("T", " ")

const undoIn = (profile: string) => showArgv(["ask-nix", "--profile", profile, "undo"])

/**
 * Pure: what undoing `last` (the last change in the profile in `state`) means. `elsewhere`: ask-nix's
 * last change overall, when it was in another profile and the user did not name one.
 */
export const planUndo = (
  intent: PluginIntent,
  last: HistoryEntry | undefined,
  state: ProfileState | undefined,
  elsewhere?: HistoryEntry | undefined
): Outcome | NoSuchGeneration => {
  if (last === undefined || state === undefined) {
    return nothing(elsewhere === undefined
      ? `ask-nix has no record of a change to ${state?.path ?? "this profile"} to undo. To go back to the previous generation anyway: ask-nix rollback`
      : `ask-nix has no record of a change to ${state?.path ?? "this profile"}. Its last change was in ${elsewhere.profile} ("${elsewhere.summary}", ${when(elsewhere)}); to undo that one: ${undoIn(elsewhere.profile)}`)
  }
  if (last.intent["_tag"] === "flake-update")
    return nothing(`The last change ("${last.summary}") rewrote a flake's flake.lock; ask-nix keeps no copy of the old one. In a git repository, get it back with: git checkout flake.lock`)
  if (last.scope === "home")
    return nothing(`The last change ("${last.summary}") was to home-manager. Undo it with: ask-nix --home rollback`)
  if (last.scope === "system")
    return nothing(`The last change ("${last.summary}") was to the NixOS system. Undo it with: sudo nixos-rebuild switch --rollback`)
  const target = last.generationBefore
  if (target === undefined && last.generationAfter !== undefined) {
    const packages = Array.isArray(last.intent["packages"]) ? last.intent["packages"].filter((p): p is string => typeof p === "string") : []
    return nothing(`The last change in ${state.path} ("${last.summary}") made its first generation: there is none before it to go back to.` +
      (last.intent["_tag"] === "install" && packages.length > 0 ? ` To undo it: ask-nix remove ${packages.join(" ")}` : ""))
  }
  if (target === undefined)
    return nothing(`The last change in ${state.path} ("${last.summary}") did not record the generation before it, so it cannot be undone automatically. See the generations with "ask-nix generations", then: ask-nix rollback --to N`)
  if (!state.available.includes(target)) return new NoSuchGeneration({ generation: target, available: [...state.available] })
  if (state.current === target)
    return nothing(`${state.path} is already at generation ${target}, from before "${last.summary}": nothing to undo.`)
  const step: Step = {
    argv: switchArgv(state.kind, state.path, target),
    mutating: true,
    description: `switch ${state.path} back to generation ${target}`
  }
  const confirm = elsewhere === undefined ? undefined
    : `ask-nix's last change was in another profile, ${elsewhere.profile} ("${elsewhere.summary}", ${when(elsewhere)}); ` +
      `this undoes the last change in ${state.path} instead. To undo the other one: ${undoIn(elsewhere.profile)}.`
  return planned({
    backend: PLUGIN_BACKEND,
    intent,
    steps: [step],
    notes: [`Undoes "${last.summary}" in ${state.path} from ${when(last)}: generation ${state.current ?? "?"} -> ${target}.`, ...(confirm ? [confirm] : [])],
    preview: {
      profile: state.path,
      generationBefore: state.current ?? null,
      generationAfter: target,
      undoes: { at: last.at, summary: last.summary, request: last.request }
    },
    ...(confirm ? { confirm } : {})
  })
}

/** Through the ProfileInspector (the mock's in tests). */
export const readProfileState = (profile: string): Effect.Effect<ProfileState, ProfileUnreadable, ProfileInspector> =>
  Effect.flatMap(ProfileInspector, (i) => i.inspect(profile)).pipe(Effect.map((p) => ({
    path: p.path, kind: p.kind, current: p.current, available: p.generations.map((g) => g.number)
  })))

export const undoLast = (intent: PluginIntent) =>
  Effect.gen(function*() {
    const settings = yield* Settings
    const history = yield* History
    const entries = yield* history.entries
    const profile = yield* history.profileKey(settings.profile)
    const last = lastChangeIn(entries, profile)
    const newest = entries.at(-1)
    // Named with --profile: that profile is meant. The user's own: say so when the last change was elsewhere.
    const elsewhere = settings.defaultProfile && newest !== undefined && newest.profile !== profile ? newest : undefined
    const state = { ...(yield* readProfileState(settings.profile)), path: profile }
    const decision = planUndo(intent, last, state, elsewhere)
    return decision instanceof NoSuchGeneration ? yield* Effect.fail(decision) : decision
  })
