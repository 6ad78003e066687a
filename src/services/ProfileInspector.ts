/**
 * Reads a profile without changing it: which kind it is (manifest.json = `nix profile`, manifest.nix =
 * `nix-env`, nothing = new), its manifest, and its generations (the `NAME-N-link` symlinks beside it).
 * A service so that the mock Nix can answer from its in-memory profile; the live one
 * (src/layers/ProfileInspectorLive.ts) reads the disk through src/layers/profile/ProfileFiles.ts.
 */
import { Context, type Effect } from "effect"
import type { ProfileUnreadable } from "../domain/errors.js"
import type { Manifest, ProfileInfo, ProfileKind } from "../domain/profile/Profile.js"

export type { ProfileInfo, ProfileKind }

export interface ProfileInspectorShape {
  /** The profile at this path (a link to it, such as ~/.nix-profile, is followed); no profile yet is kind "new". */
  readonly inspect: (profile: string) => Effect.Effect<ProfileInfo, ProfileUnreadable>
  /** What one generation holds, for diffs between generations; undefined when it cannot be read. */
  readonly manifestOf: (profile: string, generation: number) => Effect.Effect<Manifest | undefined>
  /** The kind of one generation (a profile's generations may mix kinds: the doctor says so). */
  readonly kindOf: (profile: string, generation: number) => Effect.Effect<ProfileKind>
}

export class ProfileInspector extends Context.Tag("ask-nix/ProfileInspector")<ProfileInspector, ProfileInspectorShape>() {}
