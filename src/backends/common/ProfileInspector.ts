/**
 * Reads a profile without changing it: which kind it is (manifest.json = `nix profile`, manifest.nix =
 * `nix-env`, nothing = new), its manifest, and its generations (the `NAME-N-link` symlinks beside it).
 * A service so that the mock Nix can answer from its in-memory profile; the live one reads the disk.
 */
import { Context, Effect } from "effect"
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import type { Generation } from "../../domain/Plan.js"
import { parseManifest, type Manifest } from "./manifest.js"

export type ProfileKind = "profile" | "nix-env" | "new"

export interface ProfileInfo {
  readonly path: string
  readonly kind: ProfileKind
  /** The parsed manifest.json (kind "profile"), or why it could not be read. */
  readonly manifest: Manifest | string | undefined
  readonly generations: ReadonlyArray<Generation>
  readonly current: number | undefined
}

export interface ProfileInspectorShape {
  readonly inspect: (profile: string) => Effect.Effect<ProfileInfo>
  /** The manifest of one generation (kind "profile"), for diffs between generations. */
  readonly manifestOf: (profile: string, generation: number) => Effect.Effect<Manifest | undefined>
}

export class ProfileInspector extends Context.Tag("ask-nix/ProfileInspector")<ProfileInspector, ProfileInspectorShape>() {}

const readManifest = (dir: string): Manifest | string | undefined => {
  const file = join(dir, "manifest.json")
  if (!existsSync(file)) return undefined
  try {
    return parseManifest(JSON.parse(readFileSync(file, "utf8")))
  } catch (e) {
    return `unreadable manifest.json (${e instanceof Error ? e.message : String(e)})`
  }
}

const generationsOf = (profile: string): { generations: ReadonlyArray<Generation>; current: number | undefined } => {
  const dir = dirname(profile)
  const name = basename(profile)
  let current: number | undefined
  try {
    const target = readlinkSync(profile)
    const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)-link$`).exec(basename(target))
    current = m ? Number(m[1]) : undefined
  } catch {
    current = undefined
  }
  let entries: ReadonlyArray<string> = []
  try { entries = readdirSync(dir) } catch { entries = [] }
  const generations = entries.flatMap((e) => {
    if (!e.startsWith(`${name}-`) || !e.endsWith("-link")) return []
    const n = Number(e.slice(name.length + 1, -"-link".length))
    if (!Number.isInteger(n)) return []
    const date = lstatSync(join(dir, e)).mtime.toISOString()
    return [{ number: n, date, current: n === current }]
  }).sort((a, b) => a.number - b.number)
  return { generations, current }
}

export const inspectProfileSync = (profile: string): ProfileInfo => {
  const { generations, current } = generationsOf(profile)
  const hasJson = existsSync(join(profile, "manifest.json"))
  const hasNix = existsSync(join(profile, "manifest.nix"))
  const kind: ProfileKind = hasJson ? "profile" : hasNix ? "nix-env" : "new"
  return { path: profile, kind, manifest: hasJson ? readManifest(profile) : undefined, generations, current }
}

export const ProfileInspectorLive: ProfileInspectorShape = {
  inspect: (profile) => Effect.sync(() => inspectProfileSync(profile)),
  manifestOf: (profile, generation) =>
    Effect.sync(() => {
      const m = readManifest(`${profile}-${generation}-link`)
      return typeof m === "object" ? m : undefined
    })
}

/** The inspector in context (the mock Nix provides one), else the live one. */
export const profileInspector: Effect.Effect<ProfileInspectorShape> = Effect.map(
  Effect.serviceOption(ProfileInspector),
  (o) => (o._tag === "Some" ? o.value : ProfileInspectorLive)
)
