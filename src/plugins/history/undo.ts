/**
 * "undo that": a plan that switches the profile of the last recorded operation back to the generation
 * it had before. A mutating plugin intent: shown in dry-run, carried out only with --execute.
 */
import { Effect } from "effect"
import type { PluginIntent } from "../../domain/Intent.js"
import { answer, planned, type Outcome, type Step } from "../../domain/Plan.js"
import { NoSuchGeneration } from "../../domain/errors.js"
import { PLUGIN_BACKEND } from "../../plugin-api/PluginBackend.js"
import { generations, kindOf, resolveProfile, type ProfileKind } from "../../plugin-api/profileFacts.js"
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
  kind === "nix-profile"
    ? ["nix", "profile", "rollback", "--profile", path, "--to", String(n)]
    : ["nix-env", "--profile", path, "--switch-generation", String(n)]

const nothing = (text: string): Outcome =>
  answer({ _tag: "custom", kind: "undo", data: { undone: false, reason: text }, lines: [text] })

/** Pure: what undoing `last` means for a profile in `state`. */
export const planUndo = (intent: PluginIntent, last: HistoryEntry | undefined, state: ProfileState | undefined): Outcome | NoSuchGeneration => {
  if (last === undefined || state === undefined) return nothing("There is nothing to undo: ask-nix has not changed anything yet.")
  if (last.scope === "system")
    return nothing(`The last change ("${last.summary}") was to the NixOS system. Undo it with: sudo nixos-rebuild switch --rollback`)
  const target = last.generationBefore
  if (target === undefined)
    return nothing(`The last change ("${last.summary}") did not record the generation before it, so it cannot be undone automatically. See: ask-nix generations`)
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

export const readProfileState = (profile: string): ProfileState => {
  const { path, generation } = resolveProfile(profile)
  return { path, kind: kindOf(path), current: generation, available: generations(path) }
}

export const undoLast = (intent: PluginIntent) =>
  Effect.gen(function*() {
    const settings = yield* Settings
    const entries = yield* readEntries(settings.stateDir)
    const last = entries.at(-1)
    const decision = planUndo(intent, last, last === undefined ? undefined : readProfileState(last.profile))
    return decision instanceof NoSuchGeneration ? yield* Effect.fail(decision) : decision
  })
