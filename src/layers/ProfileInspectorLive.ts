/** The live ProfileInspector: reads the profile's links and manifest from the disk. */
import { Effect, Layer } from "effect"
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import type { Generation } from "../domain/Plan.js"
import { parseManifest, type Manifest } from "../domain/profile/manifest.js"
import { ProfileInspector, type ProfileInfo, type ProfileInspectorShape, type ProfileKind } from "../services/ProfileInspector.js"

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

const live: ProfileInspectorShape = {
  inspect: (profile) => Effect.sync(() => inspectProfileSync(profile)),
  manifestOf: (profile, generation) =>
    Effect.sync(() => {
      const m = readManifest(`${profile}-${generation}-link`)
      return typeof m === "object" ? m : undefined
    })
}

export const ProfileInspectorLive = Layer.succeed(ProfileInspector, live)
