/** `list` and `generations`, read from the profile's own files. */
import { Effect } from "effect"
import { CannotServe, type ProfileUnreadable } from "../../../domain/errors.js"
import type { Answer, GenerationDiff } from "../../../domain/Plan.js"
import { diffGenerations } from "../../../domain/profile/GenerationDiff.js"
import { installedOf } from "../../../domain/profile/Profile.js"
import { readContents, readGenerationLinks, resolveProfile } from "../../profile/ProfileFiles.js"

/** A profile the native backend cannot read is one it cannot serve: the chain moves on to Nix's commands. */
export const declineUnreadable = (e: ProfileUnreadable) => new CannotServe({ backend: "native", reason: e.detail })

export const listAnswer = (profile: string): Effect.Effect<Answer, CannotServe> =>
  Effect.gen(function*(): Effect.fn.Return<Answer, ProfileUnreadable> {
    const resolved = yield* resolveProfile(profile)
    const contents = yield* readContents(resolved.profile)
    return { _tag: "list", profile, packages: installedOf(contents.manifest) }
  }).pipe(Effect.mapError(declineUnreadable))

/**
 * Every generation (number, date, current), and what changed between each readable generation and the
 * one before it. A generation whose store path is gone (a dangling link) is listed, as Nix lists it,
 * but has no diff.
 */
export const generationsAnswer = (profile: string): Effect.Effect<Answer, CannotServe> =>
  Effect.gen(function*(): Effect.fn.Return<Answer, ProfileUnreadable> {
    const links = yield* readGenerationLinks(profile)
    const contents = yield* Effect.forEach(
      links.generations,
      (g) => readContents(g.target).pipe(Effect.option),
      { concurrency: "unbounded" }
    )
    const diffs: Array<GenerationDiff> = []
    for (let i = 1; i < links.generations.length; i++) {
      const before = contents[i - 1]!
      const after = contents[i]!
      if (before._tag === "Some" && after._tag === "Some") {
        diffs.push(diffGenerations(
          links.generations[i - 1]!.number, installedOf(before.value.manifest),
          links.generations[i]!.number, installedOf(after.value.manifest)
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
  }).pipe(Effect.mapError(declineUnreadable))
