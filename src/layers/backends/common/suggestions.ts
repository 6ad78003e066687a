/** Adds did-you-mean suggestions from the package index (when there is one) to PackageNotFound. */
import { Effect, Option } from "effect"
import { PackageNotFound } from "../../../domain/errors.js"
import type { PackageIndexShape } from "../../../services/PackageIndex.js"

export const withSuggestions = (index: Option.Option<PackageIndexShape>) =>
  <A, E, R>(eff: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.catchIf(eff, (e): e is E & PackageNotFound => e instanceof PackageNotFound && e.suggestions.length === 0, (e) =>
      Option.match(index, {
        onNone: () => Effect.fail(e),
        onSome: (i) =>
          i.suggest(e.name, 5).pipe(
            Effect.orElseSucceed(() => [] as ReadonlyArray<string>),
            Effect.flatMap((s) => Effect.fail(new PackageNotFound({ name: e.name, suggestions: [...s], where: e.where }) as E))
          )
      }))
