/**
 * What a clean would free ("would free 1.2 GiB"), worked out in-process from the Nix daemon's view of
 * the store, added to the clean plan of whichever backend planned it.
 */
import { Context, type Effect } from "effect"
import type { Plan } from "../domain/Plan.js"

export interface CleanPreviewShape {
  /** The clean plan with the preview in its notes; without a daemon (single-user installs) the plan as it was. */
  readonly enrich: (plan: Plan) => Effect.Effect<Plan>
}

export class CleanPreview extends Context.Tag("ask-nix/CleanPreview")<CleanPreview, CleanPreviewShape>() {}
