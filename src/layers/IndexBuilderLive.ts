/**
 * The IndexBuilder service over this call's Nix. The builder's code (importers, serialisation, the
 * generated tables of importance, command guesses and related words) is loaded on the first build, so
 * calls that never build an index do not initialise it, and the startup snapshot does not carry it.
 */
import { Effect } from "effect"
import type { BuildOptions } from "../domain/index/IndexBuild.js"
import { NetworkProbe } from "../services/NetworkProbe.js"
import { Nix } from "../services/Nix.js"

const load = Effect.promise(() => import("./index/buildIndex.js"))

export const makeIndexBuilder = Effect.gen(function*() {
  const nix = yield* Nix
  const probe = yield* NetworkProbe
  return {
    build: (options: BuildOptions) =>
      Effect.flatMap(load, (m) => m.buildIndex(options)).pipe(Effect.provideService(Nix, nix), Effect.provideService(NetworkProbe, probe))
  }
})
