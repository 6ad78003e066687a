/**
 * Composes backends so that the next one is tried only when the previous fails with CannotServe.
 * Any other failure stops the chain (a real failure must not be hidden by trying the next backend).
 * The chain keeps the reasons, so the user can see what was tried.
 */
import { Effect, Layer } from "effect"
import { BACKENDS } from "../domain/backendNames.js"
import { describeIntent, type Intent } from "../domain/Intent.js"
import { NoBackendCanServe, type CannotServe } from "../domain/errors.js"
import type { Backend } from "../services/Backend.js"
import { BackendChain, type BackendChainShape, type Tried } from "../services/BackendChain.js"

export const makeChain = (backends: ReadonlyArray<Backend>): BackendChainShape => {
  const attempt = (
    intent: Intent,
    index: number,
    tried: ReadonlyArray<Tried>,
    onDeclined: (t: Tried) => Effect.Effect<void>
  ): ReturnType<BackendChainShape["serve"]> => {
    const backend = backends[index]
    if (backend === undefined) {
      return Effect.fail(new NoBackendCanServe({ intent: describeIntent(intent), tried: [...tried] }))
    }
    const started = performance.now()
    return backend.serve(intent).pipe(
      Effect.map((outcome) => ({ backend, outcome, tried, backendMs: performance.now() - started })),
      Effect.catchTag("CannotServe", (e: CannotServe) => {
        const t = { backend: backend.name, reason: e.reason }
        return Effect.zipRight(onDeclined(t), attempt(intent, index + 1, [...tried, t], onDeclined))
      })
    )
  }
  return { backends, serve: (intent, onDeclined = () => Effect.void) => attempt(intent, 0, [], onDeclined) }
}

/**
 * Orders backends for a call: `forced` (--backend) keeps only that one; else `order` (`backends` in
 * the settings) keeps the ones it names in its order, and the backends it cannot name (plugins') after
 * them; else the chain's order. An unknown name is a usage error the CLI reports before this point.
 */
export const selectBackends = (all: ReadonlyArray<Backend>, forced: string | undefined, order?: ReadonlyArray<string>): ReadonlyArray<Backend> => {
  if (forced !== undefined) return all.filter((b) => b.name === forced)
  if (order === undefined) return all
  const named = order.flatMap((name) => all.filter((b) => b.name === name))
  return [...named, ...all.filter((b) => !(BACKENDS as ReadonlyArray<string>).includes(b.name))]
}

export const BackendChainFrom = (backends: ReadonlyArray<Backend>) => Layer.succeed(BackendChain, makeChain(backends))
