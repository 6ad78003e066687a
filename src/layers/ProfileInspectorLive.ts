/** The live ProfileInspector: the profile on disk, read by src/layers/profile/ProfileFiles.ts. */
import { Effect, Either, Layer } from "effect"
import { ProfileInspector, type ProfileInspectorShape } from "../services/ProfileInspector.js"
import { generationLinkOf, inspectProfile, readManifestFile } from "./profile/ProfileFiles.js"

const manifestFileOf = (profile: string, generation: number) =>
  Effect.flatMap(generationLinkOf(profile, generation), (link) => readManifestFile(link).pipe(Effect.option))

/** The profile on disk (a service with no state: LiveWorld.ts puts it in a call's context as it is). */
export const profileInspector: ProfileInspectorShape = {
  inspect: inspectProfile,
  manifestOf: (profile, generation) =>
    Effect.map(manifestFileOf(profile, generation), (m) =>
      m._tag === "Some" && m.value !== undefined ? Either.getOrUndefined(m.value.manifest) : undefined),
  kindOf: (profile, generation) =>
    Effect.map(manifestFileOf(profile, generation), (m) => (m._tag === "Some" && m.value !== undefined ? m.value.kind : "new"))
}

export const ProfileInspectorLive = Layer.succeed(ProfileInspector, profileInspector)
