/**
 * What a profile is, read straight from the file system (no Nix needed): its current generation,
 * its generations, and each generation's kind (manifest.json = `nix profile`, manifest.nix = nix-env).
 * The pipeline may use `currentGeneration` before and after an operation to fill the history record.
 */
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs"
import { basename, dirname, resolve } from "node:path"

export type ProfileKind = "nix-profile" | "nix-env" | "none"

const LINK = /^(.+)-(\d+)-link$/

/** Follows ~/.nix-profile -> .../profile -> profile-N-link: the profile symlink and its generation. */
export const resolveProfile = (profile: string): { readonly path: string; readonly generation: number | undefined } => {
  let p = profile
  for (let hop = 0; hop < 8; hop++) {
    let target: string
    try { target = readlinkSync(p) } catch { return { path: p, generation: undefined } }
    const m = LINK.exec(basename(target))
    if (m !== null && m[1] === basename(p)) return { path: p, generation: Number(m[2]) }
    p = resolve(dirname(p), target)
  }
  return { path: p, generation: undefined }
}

export const currentGeneration = (profile: string): number | undefined => resolveProfile(profile).generation

/** The generation numbers that still exist (profile-N-link next to the profile), ascending. */
export const generations = (profile: string): ReadonlyArray<number> => {
  const { path } = resolveProfile(profile)
  const name = basename(path)
  let entries: ReadonlyArray<string>
  try { entries = readdirSync(dirname(path)) } catch { return [] }
  return entries.flatMap((e) => {
    const m = LINK.exec(e)
    return m !== null && m[1] === name ? [Number(m[2])] : []
  }).sort((a, b) => a - b)
}

/** The path of generation N's link. */
export const generationPath = (profile: string, n: number): string => {
  const { path } = resolveProfile(profile)
  return resolve(dirname(path), `${basename(path)}-${n}-link`)
}

/** Kind of a profile or generation folder. */
export const kindOf = (dir: string): ProfileKind =>
  existsSync(resolve(dir, "manifest.json")) ? "nix-profile" : existsSync(resolve(dir, "manifest.nix")) ? "nix-env" : "none"

/** manifest.json's "version", if any. */
export const manifestVersion = (dir: string): number | undefined => {
  try {
    const v = (JSON.parse(readFileSync(resolve(dir, "manifest.json"), "utf8")) as { version?: unknown }).version
    return typeof v === "number" ? v : undefined
  } catch {
    return undefined
  }
}
