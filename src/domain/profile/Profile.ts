/**
 * A profile as ask-nix sees it: its kind (manifest.json = `nix profile`, manifest.nix = `nix-env`,
 * nothing yet = new), its generations (the `NAME-N-link` symlinks beside it) and what each holds.
 * src/layers/profile/ProfileFiles.ts reads them from disk; the mock Nix has its own in memory.
 */
import type { Generation, InstalledPackage } from "../Plan.js"

export type ProfileKind = "profile" | "nix-env" | "new"

export interface ManifestElement {
  /** The v3 key, or for older manifests the name Nix 2.26 gives it (last attribute, else the store paths' names). */
  readonly name: string
  /** Position in the manifest (what Nix 2.8 accepts for remove/upgrade). */
  readonly index: number
  readonly pname: string
  readonly version: string
  readonly attrPath: string | undefined
  readonly originalUrl: string | undefined
  readonly storePaths: ReadonlyArray<string>
  readonly active: boolean
}

/** What one generation holds: manifest.json (versions 1-3) or manifest.nix (version 0 here). */
export interface Manifest {
  readonly version: number
  readonly elements: ReadonlyArray<ManifestElement>
}

export interface ProfileInfo {
  /** The profile symlink itself (a link to it, such as ~/.nix-profile, followed). */
  readonly path: string
  readonly kind: ProfileKind
  /** The current generation's manifest, or why it could not be read. */
  readonly manifest: Manifest | string | undefined
  readonly generations: ReadonlyArray<Generation>
  readonly current: number | undefined
}

/** The packages of a manifest, as answers show them. */
export const installedOf = (m: Manifest): ReadonlyArray<InstalledPackage> =>
  m.elements.map((e) => ({
    name: e.name,
    version: e.version,
    ...(e.attrPath !== undefined ? { attrPath: e.attrPath } : {}),
    ...(e.originalUrl !== undefined ? { source: e.originalUrl } : {}),
    storePaths: e.storePaths
  }))
