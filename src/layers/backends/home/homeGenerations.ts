/**
 * home-manager's generations, read through the one reader of generation links
 * (src/layers/profile/ProfileFiles.ts): `home-manager-N-link` beside the profile, the link's date,
 * its store path (home-manager's own `generations` command prints the same), and what a generation
 * holds: the packages behind the programs in its `home-path/bin`.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect } from "effect"
import * as path from "node:path"
import { FileError } from "../../../domain/errors.js"
import type { HomeGeneration } from "../../../domain/home/homePlans.js"
import { generationOf } from "../../../domain/profile/GenerationLink.js"
import { type GenerationContents, packagesOf } from "../../../domain/system/generationDiff.js"
import { listGenerationLinks } from "../../profile/ProfileFiles.js"
import { readLink, readLinksIn } from "../../system/files.js"

/** The generation the profile points at now, if any. */
export const currentHomeGeneration = (profile: string): Effect.Effect<number | undefined, never, FileSystem.FileSystem> =>
  Effect.map(readLink(profile), (t) => (t === undefined ? undefined : generationOf(profile, t)))

export const readHomeGenerations = (profile: string): Effect.Effect<ReadonlyArray<HomeGeneration>, FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const current = yield* currentHomeGeneration(profile)
    const links = yield* listGenerationLinks(profile, current).pipe(
      Effect.mapError((e) => new FileError({ path: path.dirname(profile), detail: e.detail }))
    )
    return links.map((g) => ({ number: g.number, date: new Date(g.mtime * 1000).toISOString(), current: g.current, storePath: g.target }))
  })

/** The packages of a generation, from its programs (`home-path/bin/*` link into their packages). */
export const homeGenerationContents = (g: HomeGeneration): Effect.Effect<GenerationContents, FileError, FileSystem.FileSystem> =>
  Effect.map(readLinksIn(path.join(g.storePath, "home-path", "bin")), (targets) => ({
    number: g.number, nixosVersion: undefined, kernel: undefined, packages: packagesOf(targets)
  }))
