/**
 * The NixOptions layers. The service's code (option search, the options file) is loaded on the first
 * question about options, so calls that never ask one do not pay for it.
 */
import { Effect, Layer } from "effect"
import type { OptionRecord, OptionScope } from "../domain/options/OptionRecord.js"
import { NixOptions, type NixOptionsShape } from "../services/NixOptions.js"
import { Settings } from "../services/Settings.js"
import { cachedOnFirstUse } from "../services/cachedOnFirstUse.js"

/** Every method waits for the implementation module, loaded once. */
const lazily = (make: Effect.Effect<NixOptionsShape>): Effect.Effect<NixOptionsShape> =>
  Effect.sync((): NixOptionsShape => {
    const impl = cachedOnFirstUse(make)
    return {
      search: (scope, query, limit) => Effect.flatMap(impl, (o) => o.search(scope, query, limit)),
      get: (scope, name) => Effect.flatMap(impl, (o) => o.get(scope, name)),
      suggest: (scope, name) => Effect.flatMap(impl, (o) => o.suggest(scope, name)),
      resolve: (scope, words, context) => Effect.flatMap(impl, (o) => o.resolve(scope, words, context)),
      status: (scope) => Effect.flatMap(impl, (o) => o.status(scope)),
      build: (scope, from) => Effect.flatMap(impl, (o) => o.build(scope, from))
    }
  })

const load = Effect.promise(() => import("./options/nixOptions.js"))

/** Options files next to the package index (Settings.index). */
export const makeNixOptions = Effect.flatMap(Settings, (settings) => lazily(Effect.map(load, (m) => m.liveNixOptions(settings.index))))
export const NixOptionsLive: Layer.Layer<NixOptions, never, Settings> = Layer.effect(NixOptions, makeNixOptions)

/** Options in memory (tests): a scope without records is "missing", as an unbuilt file would be. */
export const NixOptionsMock = (records: Partial<Record<OptionScope, ReadonlyArray<OptionRecord>>>): Layer.Layer<NixOptions> =>
  Layer.effect(NixOptions, lazily(Effect.map(load, (m) => m.memoryNixOptions(records))))
