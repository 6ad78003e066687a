/**
 * Answers the native backend gives from the index: search, info, provides. Effects over PackageIndex.
 */
import { Effect } from "effect"
import { PackageNotFound } from "../../domain/errors.js"
import { answer, type Outcome, type PackageDetails } from "../../domain/Plan.js"
import { type IndexError, PackageIndex } from "../../services/PackageIndex.js"
import { normalizeQuery } from "../../domain/index/text.js"

export const DEFAULT_SEARCH_LIMIT = 20

export const searchAnswer = (query: string, limit = DEFAULT_SEARCH_LIMIT): Effect.Effect<Outcome, IndexError, PackageIndex> =>
  Effect.gen(function*() {
    const index = yield* PackageIndex
    const results = normalizeQuery(query) === "" ? [] : yield* index.search(query, limit)
    return answer({
      _tag: "search",
      query,
      results: results.map(({ score: _score, ...summary }) => summary)
    })
  })

/** Info on each name; the first unknown name fails PackageNotFound with did-you-mean suggestions. */
export const infoAnswer = (
  names: ReadonlyArray<string>
): Effect.Effect<Outcome, IndexError | PackageNotFound, PackageIndex> =>
  Effect.gen(function*() {
    const index = yield* PackageIndex
    const packages: Array<PackageDetails> = []
    for (const name of names) {
      const found = yield* index.lookup(name)
      if (found === undefined) {
        return yield* Effect.fail(new PackageNotFound({ name, suggestions: yield* index.suggest(name, 5), where: "the package index" }))
      }
      packages.push(found)
    }
    return answer({ _tag: "info", packages })
  })

export const PROVIDES_NOTE =
  "This index has no file lists (and this nixpkgs has no meta.mainProgram), so these are guesses from package names and well-known commands. To be sure, run the command with: nix shell nixpkgs#PACKAGE -c COMMAND, or use nix-locate from nix-index."

export const providesAnswer = (command: string): Effect.Effect<Outcome, IndexError, PackageIndex> =>
  Effect.gen(function*() {
    const index = yield* PackageIndex
    const hits = yield* index.provides(command)
    const candidates = hits.map(({ score: _score, ...c }) => c)
    const certain = candidates.some((c) => c.certain)
    return answer({
      _tag: "provides",
      query: command,
      candidates,
      ...(certain ? {} : {
        note: candidates.length === 0
          ? `No package in the index is known to provide "${command}". ${PROVIDES_NOTE}`
          : PROVIDES_NOTE
      })
    })
  })
