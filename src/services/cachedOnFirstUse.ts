/**
 * `Effect.cached`, made when first run instead of when the service holding it is made. Every call
 * makes its services (src/layers/MainLayer.ts), and most hold a cached probe or detection they will
 * not run in this call (list and search never detect nix-env's channel or the NixOS system). Making
 * one with `Effect.cached` is a Deferred and a once-flag: about 0.1 ms of every call from the startup
 * snapshot, where Effect's code runs in V8's interpreter. The result is the same: `self` runs at most
 * once, with the first caller's context, and later callers get its result (or failure).
 */
import { Effect } from "effect"

export const cachedOnFirstUse = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
  let made: Effect.Effect<A, E, R> | undefined
  // Two fibers that both find nothing made yet both make one; the first to store it is the one both run.
  return Effect.suspend(() => made ?? Effect.flatMap(Effect.cached(self), (memo) => (made ??= memo)))
}
