/**
 * Reads a profile without changing it: which kind it is (manifest.json = `nix profile`, manifest.nix =
 * `nix-env`, nothing = new), its manifest, and its generations (the `NAME-N-link` symlinks beside it).
 * A service so that the mock Nix can answer from its in-memory profile; the live one reads the disk.
 */
import { Context, type Effect } from "effect"
import type { Generation } from "../domain/Plan.js"
import type { Manifest } from "../domain/profile/manifest.js"

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
