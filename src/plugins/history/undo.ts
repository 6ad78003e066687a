/**
 * "undo that": a plan that switches the profile of the last recorded operation back to the generation
 * it had before. A mutating plugin intent: shown in dry-run, carried out only with --execute.
 */
import { Effect } from "effect"
import type { PluginIntent } from "../../domain/Intent.js"
import { answer, planned, type Outcome, type Step } from "../../domain/Plan.js"
import { NoSuchGeneration } from "../../domain/errors.js"
import { PLUGIN_BACKEND } from "../../services/Plugin.js"
import type { ProfileUnreadable } from "../../domain/errors.js"
import type { ProfileKind } from "../../domain/profile/Profile.js"
import { ProfileInspector } from "../../services/ProfileInspector.js"
import { Settings } from "../../services/Settings.js"
import type { HistoryEntry } from "./entry.js"
import { readEntries } from "./store.js"

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

/** Pure: what undoing `last` means for a profile in `state`. */
export const planUndo = (intent: PluginIntent, last: HistoryEntry | undefined, state: ProfileState | undefined): Outcome | NoSuchGeneration => {
  if (last === undefined || state === undefined) return nothing("ask-nix has no record of a change to undo. To go back to the previous generation anyway: ask-nix rollback")
  if (last.intent["_tag"] === "flake-update")
    return nothing(`The last change ("${last.summary}") rewrote a flake's flake.lock; ask-nix keeps no copy of the old one. In a git repository, get it back with: git checkout flake.lock`)
  if (last.scope === "home")
    return nothing(`The last change ("${last.summary}") was to home-manager. Undo it with: ask-nix --home rollback`)
  if (last.scope === "system")
    return nothing(`The last change ("${last.summary}") was to the NixOS system. Undo it with: sudo nixos-rebuild switch --rollback`)
  const target = last.generationBefore
  if (target === undefined)
    return nothing(`The last change ("${last.summary}") did not record the generation before it, so it cannot be undone automatically. See the generations with "ask-nix generations", then: ask-nix rollback --to N`)
  if (!state.available.includes(target)) return new NoSuchGeneration({ generation: target, available: [...state.available] })
  if (state.current === target)
    return nothing(`${state.path} is already at generation ${target}, from before "${last.summary}": nothing to undo.`)
  const step: Step = {
    argv: switchArgv(state.kind, state.path, target),
    mutating: true,
    description: `switch ${state.path} back to generation ${target}`
  }
  return planned({
    backend: PLUGIN_BACKEND,
    intent,
    steps: [step],
    notes: [`Undoes "${last.summary}" from ${last.at}: generation ${state.current ?? "?"} -> ${target}.`],
    preview: {
      generationBefore: state.current ?? null,
      generationAfter: target,
      undoes: { at: last.at, summary: last.summary, request: last.request }
    }
  })
}

/**
 * Through the ProfileInspector (the mock's in tests). It follows a link to the profile (~/.nix-profile)
 * first: generation links live next to the profile itself.
 */
export const readProfileState = (profile: string): Effect.Effect<ProfileState, ProfileUnreadable, ProfileInspector> =>
  Effect.flatMap(ProfileInspector, (i) => i.inspect(profile)).pipe(Effect.map((p) => ({
    path: p.path, kind: p.kind, current: p.current, available: p.generations.map((g) => g.number)
  })))

export const undoLast = (intent: PluginIntent) =>
  Effect.gen(function*() {
    const settings = yield* Settings
    const entries = yield* readEntries(settings.stateDir)
    const last = entries.at(-1)
    const state = last === undefined ? undefined : yield* readProfileState(last.profile)
    const decision = planUndo(intent, last, state)
    return decision instanceof NoSuchGeneration ? yield* Effect.fail(decision) : decision
  })
