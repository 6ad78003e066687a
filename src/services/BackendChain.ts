/** The ordered backends: the next is tried only when the previous fails with CannotServe. */
import { Context, type Effect } from "effect"
import type { Intent } from "../domain/Intent.js"
import type { Outcome } from "../domain/Plan.js"
import type { NoBackendCanServe, ServeError } from "../domain/errors.js"
import type { Backend } from "./Backend.js"

export interface Tried {
  readonly backend: string
  readonly reason: string
}

export interface Served {
  readonly backend: Backend
  readonly outcome: Outcome
  /** Backends that declined before this one, and why. */
  readonly tried: ReadonlyArray<Tried>
  readonly backendMs: number
}

export interface BackendChainShape {
  readonly backends: ReadonlyArray<Backend>
  /** `onDeclined` hears each backend that passed, as it passes (so a later failure can say what was tried). */
  readonly serve: (
    intent: Intent,
    onDeclined?: (t: Tried) => Effect.Effect<void>
  ) => Effect.Effect<Served, Exclude<ServeError, { _tag: "CannotServe" }> | NoBackendCanServe>
}

export class BackendChain extends Context.Tag("ask-nix/BackendChain")<BackendChain, BackendChainShape>() {}
