/**
 * Runs `effect` with the services that `make` makes, in a scope of its own that ends with it. How a
 * call gets its services (the platform's in bin.ts, the call's in the command tree): providing a
 * context directly, where a layer would be one more build step (a memo map, a scope, fibers: about
 * 0.25 ms each, on every call from the startup snapshot).
 */
import { type Context, Effect, type Scope } from "effect"

export const withContext = <S, E2, R2, A, E, R>(make: Effect.Effect<Context.Context<S>, E2, R2 | Scope.Scope>, effect: Effect.Effect<A, E, R>) =>
  Effect.scoped(Effect.flatMap(make, (context) => Effect.provide(effect, context)))
