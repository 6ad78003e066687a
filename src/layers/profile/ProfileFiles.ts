/**
 * The one reader of profiles on disk, used by the native backend directly and by everything else
 * through the ProfileInspector service (src/layers/ProfileInspectorLive.ts): a profile's links the way
 * Nix reads them (`<profile>` -> `<profile>-N-link` -> a store path; the number from the link's name,
 * the date from the link's own mtime, the current one from where `<profile>` points) and what a
 * generation holds (manifest.json or manifest.nix, decoded in src/domain/profile).
 *
 * node:fs/promises rather than @effect/platform's FileSystem: the dates are the links' own mtimes,
 * which need lstat, and FileSystem has no lstat (its stat follows the link into the store, where
 * every mtime is 1970).
 */
import { Effect, Either } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { ProfileUnreadable } from "../../domain/errors.js"
import { generationOf, linkPattern } from "../../domain/profile/GenerationLink.js"
import { decodeManifestText } from "../../domain/profile/ManifestJson.js"
import { decodeManifestNix } from "../../domain/profile/ManifestNix.js"
import type { Manifest, ProfileInfo, ProfileKind } from "../../domain/profile/Profile.js"

export interface GenerationLink {
  readonly number: number
  /** The `<profile>-N-link` path. */
  readonly link: string
  /** Where it points (a store path); may not exist (a dangling link). */
  readonly target: string
  /** Seconds since the epoch (lstat mtime, as Nix reports it). */
  readonly mtime: number
  readonly current: boolean
}

export interface ProfileLinks {
  /** The profile symlink itself, after following user-facing aliases like ~/.nix-profile. */
  readonly profile: string
  readonly current: number
  readonly generations: ReadonlyArray<GenerationLink>
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))
const isMissing = (e: unknown) => e instanceof Error && "code" in e && (e.code === "ENOENT" || e.code === "ENOTDIR")

const readlink = (start: string, p: string) =>
  Effect.tryPromise({
    try: () => fs.readlink(p),
    catch: (e) => new ProfileUnreadable({ profile: start, detail: `cannot read the profile link ${p}: ${message(e)}` })
  })

/** Follow symlinks from `start` until one points to `<name>-N-link`: that is the profile. */
export const resolveProfile = (start: string): Effect.Effect<{ readonly profile: string; readonly current: number }, ProfileUnreadable> =>
  Effect.gen(function*() {
    let p = path.resolve(start)
    for (let hops = 0; hops < 16; hops++) {
      const target = yield* readlink(start, p)
      const n = generationOf(p, target)
      if (n !== undefined) return { profile: p, current: n }
      p = path.resolve(path.dirname(p), target)
    }
    return yield* new ProfileUnreadable({ profile: start, detail: `${start} is not a profile (no <name>-N-link found)` })
  })

/**
 * The generation links beside `profile` (the profile symlink itself), sorted by number; `current` marks
 * one. No folder: none.
 */
export const listGenerationLinks = (profile: string, current: number | undefined): Effect.Effect<ReadonlyArray<GenerationLink>, ProfileUnreadable> =>
  Effect.gen(function*() {
    const dir = path.dirname(profile)
    const pattern = linkPattern(path.basename(profile))
    const unreadable = (detail: string) => new ProfileUnreadable({ profile, detail })
    const names = yield* Effect.tryPromise({
      try: () => fs.readdir(dir).catch((e: unknown) => (isMissing(e) ? [] : Promise.reject(e))),
      catch: (e) => unreadable(`cannot list ${dir}: ${message(e)}`)
    })
    const found = yield* Effect.forEach(
      names.flatMap((name) => {
        const m = pattern.exec(name)
        return m ? [{ name, number: Number(m[1]) }] : []
      }),
      ({ name, number }) =>
        Effect.tryPromise({
          try: async (): Promise<GenerationLink> => {
            const link = path.join(dir, name)
            const st = await fs.lstat(link)
            // A generation is a link into the store; a plain folder in its place (hand-made) is its own target.
            const target = st.isSymbolicLink() ? path.resolve(dir, await fs.readlink(link)) : link
            return { number, link, target, mtime: Math.floor(st.mtimeMs / 1000), current: number === current }
          },
          catch: (e) => unreadable(`cannot read generation link ${name}: ${message(e)}`)
        }),
      { concurrency: "unbounded" }
    )
    return [...found].sort((a, b) => a.number - b.number)
  })

/** All generation links of the profile at `start` (links to it followed), with the current one. */
export const readGenerationLinks = (start: string): Effect.Effect<ProfileLinks, ProfileUnreadable> =>
  Effect.gen(function*() {
    const { profile, current } = yield* resolveProfile(start)
    const generations = yield* listGenerationLinks(profile, current)
    if (!generations.some((g) => g.current)) {
      return yield* new ProfileUnreadable({ profile: start, detail: `the current generation ${current} of ${profile} has no link` })
    }
    return { profile, current, generations }
  })

export interface ManifestFile {
  readonly kind: Exclude<ProfileKind, "new">
  /** The manifest file's path. */
  readonly file: string
  /** The decoded manifest, or why it cannot be used. */
  readonly manifest: Either.Either<Manifest, string>
}

const readIfExists = (start: string, file: string): Effect.Effect<string | undefined, ProfileUnreadable> =>
  Effect.tryPromise({
    try: () => fs.readFile(file, "utf8").catch((e: unknown) => (isMissing(e) ? undefined : Promise.reject(e))),
    catch: (e) => new ProfileUnreadable({ profile: start, detail: `cannot read ${file}: ${message(e)}` })
  })

/** The manifest of `dir` (a generation's store path, or a profile link): undefined when it has none. */
export const readManifestFile = (dir: string): Effect.Effect<ManifestFile | undefined, ProfileUnreadable> =>
  Effect.gen(function*() {
    const json = path.join(dir, "manifest.json")
    const jsonText = yield* readIfExists(dir, json)
    if (jsonText !== undefined) return { kind: "profile", file: json, manifest: decodeManifestText(jsonText) }
    const nix = path.join(dir, "manifest.nix")
    const nixText = yield* readIfExists(dir, nix)
    if (nixText !== undefined) return { kind: "nix-env", file: nix, manifest: decodeManifestNix(nixText) }
    return undefined
  })

/** What `dir` holds, or why it cannot be told (no manifest, an unreadable or unsupported one). */
export const readContents = (dir: string): Effect.Effect<{ readonly kind: Exclude<ProfileKind, "new">; readonly manifest: Manifest }, ProfileUnreadable> =>
  Effect.flatMap(readManifestFile(dir), (m) =>
    m === undefined
      ? Effect.fail(new ProfileUnreadable({ profile: dir, detail: `no manifest.json or manifest.nix in ${dir}` }))
      : Either.match(m.manifest, {
        onLeft: (reason) => Effect.fail(new ProfileUnreadable({ profile: dir, detail: `${m.file}: ${reason}` })),
        onRight: (manifest) => Effect.succeed({ kind: m.kind, manifest })
      }))

/**
 * A profile for the backends that change it: no profile yet is kind "new" with no generations; an
 * unreadable manifest is its reason (the profile backend reports it as ManifestUnsupported).
 */
export const inspectProfile = (given: string): Effect.Effect<ProfileInfo, ProfileUnreadable> =>
  Effect.gen(function*() {
    const resolved = yield* resolveProfile(given).pipe(Effect.option)
    if (resolved._tag === "None") {
      // Not a link to a generation: a profile that does not exist yet (or a plain folder nix-env made).
      const m = yield* readManifestFile(given)
      return m === undefined
        ? { path: given, kind: "new", manifest: undefined, generations: [], current: undefined }
        : { path: given, kind: m.kind, manifest: Either.getOrElse(m.manifest, (r) => r), generations: [], current: undefined }
    }
    const links = yield* readGenerationLinks(resolved.value.profile)
    const m = yield* readManifestFile(links.profile)
    return {
      path: links.profile,
      kind: m?.kind ?? "new",
      manifest: m === undefined ? undefined : Either.getOrElse(m.manifest, (r) => r),
      generations: links.generations.map((g) => ({ number: g.number, date: new Date(g.mtime * 1000).toISOString(), current: g.current })),
      current: links.current
    }
  })

/** The `N` generation link of the profile at `given` (links followed). */
export const generationLinkOf = (given: string, generation: number): Effect.Effect<string> =>
  Effect.map(resolveProfile(given).pipe(Effect.option), (r) =>
    `${r._tag === "Some" ? r.value.profile : given}-${generation}-link`)
