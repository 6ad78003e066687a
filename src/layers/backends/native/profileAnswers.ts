/** `list` and `generations`, read from the profile's own files. */
import { Effect } from "effect"
import type { CannotServe } from "../../../domain/errors.js"
import type { Answer, GenerationDiff } from "../../../domain/Plan.js"
import { diffGenerations } from "../../../domain/profile/GenerationDiff.js"
import { readGenerationLinks, resolveProfile } from "../../profile/GenerationLinks.js"
import { readProfileContents } from "../../profile/ProfileManifest.js"

export const listAnswer = (profile: string): Effect.Effect<Answer, CannotServe> =>
  Effect.gen(function*() {
    const resolved = yield* resolveProfile(profile)
    const contents = yield* readProfileContents(resolved.profile)
    return { _tag: "list", profile, packages: contents.packages }
  })

/**
 * Every generation (number, date, current), and what changed between each readable generation and the
 * one before it. A generation whose store path is gone (a dangling link) is listed, as Nix lists it,
 * but has no diff.
 */
export const generationsAnswer = (profile: string): Effect.Effect<Answer, CannotServe> =>
  Effect.gen(function*() {
    const links = yield* readGenerationLinks(profile)
    const contents = yield* Effect.forEach(
      links.generations,
      (g) => readProfileContents(g.target).pipe(Effect.option),
      { concurrency: "unbounded" }
    )
    const diffs: Array<GenerationDiff> = []
    for (let i = 1; i < links.generations.length; i++) {
      const before = contents[i - 1]!
      const after = contents[i]!
      if (before._tag === "Some" && after._tag === "Some") {
        diffs.push(diffGenerations(
          links.generations[i - 1]!.number, before.value.packages,
          links.generations[i]!.number, after.value.packages
        ))
      }
    }
    return {
      _tag: "generations",
      profile,
      generations: links.generations.map((g) => ({
        number: g.number,
        date: new Date(g.mtime * 1000).toISOString(),
        current: g.current
      })),
      diffs
    }
  })
