/**
 * A profile's generations, read from its links the way Nix does: `<profile>` -> `<profile>-N-link`
 * -> a store path. Number from the link name, date from the link's own mtime (lstat), current from
 * where `<profile>` points.
 */
import { Effect } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { CannotServe } from "../../domain/errors.js"

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

const cannot = (reason: string) => new CannotServe({ backend: "native", reason })

const linkPattern = (base: string) =>
  new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-([0-9]+)-link$`)

/** The generation number a profile link points to, if its target is `<base>-N-link` beside it. */
export const generationOf = (profile: string, target: string): number | undefined => {
  const m = linkPattern(path.basename(profile)).exec(path.basename(target))
  return m && (path.dirname(target) === "." || path.resolve(path.dirname(profile), path.dirname(target)) === path.dirname(profile))
    ? Number(m[1])
    : undefined
}

const readlink = (p: string) =>
  Effect.tryPromise({ try: () => fs.readlink(p), catch: (e) => cannot(`cannot read the profile link ${p}: ${(e as Error).message}`) })

/** Follow symlinks from `start` until one points to `<name>-N-link`: that is the profile. */
export const resolveProfile = (start: string): Effect.Effect<{ readonly profile: string; readonly current: number }, CannotServe> =>
  Effect.gen(function*() {
    let p = path.resolve(start)
    for (let hops = 0; hops < 16; hops++) {
      const target = yield* readlink(p)
      const n = generationOf(p, target)
      if (n !== undefined) return { profile: p, current: n }
      p = path.resolve(path.dirname(p), target)
    }
    return yield* Effect.fail(cannot(`${start} is not a profile (no <name>-N-link found)`))
  })

/** All generation links of the profile at `start`, sorted by number. */
export const readGenerationLinks = (start: string): Effect.Effect<ProfileLinks, CannotServe> =>
  Effect.gen(function*() {
    const { profile, current } = yield* resolveProfile(start)
    const dir = path.dirname(profile)
    const pattern = linkPattern(path.basename(profile))
    const names = yield* Effect.tryPromise({
      try: () => fs.readdir(dir),
      catch: (e) => cannot(`cannot list ${dir}: ${(e as Error).message}`)
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
            const [st, target] = await Promise.all([fs.lstat(link), fs.readlink(link)])
            return { number, link, target: path.resolve(dir, target), mtime: Math.floor(st.mtimeMs / 1000), current: number === current }
          },
          catch: (e) => cannot(`cannot read generation link ${name}: ${(e as Error).message}`)
        }),
      { concurrency: "unbounded" }
    )
    if (!found.some((g) => g.current)) {
      return yield* Effect.fail(cannot(`the current generation ${current} of ${profile} has no link`))
    }
    return { profile, current, generations: [...found].sort((a, b) => a.number - b.number) }
  })
