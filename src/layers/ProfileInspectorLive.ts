/** The live ProfileInspector: the profile on disk, read by src/layers/profile/ProfileFiles.ts. */
import { Effect, Either, Layer } from "effect"
import { ProfileInspector } from "../services/ProfileInspector.js"
import { generationLinkOf, inspectProfile, readManifestFile } from "./profile/ProfileFiles.js"

const manifestFileOf = (profile: string, generation: number) =>
  Effect.flatMap(generationLinkOf(profile, generation), (link) => readManifestFile(link).pipe(Effect.option))

export const ProfileInspectorLive = Layer.succeed(ProfileInspector, {
  inspect: inspectProfile,
  manifestOf: (profile, generation) =>
    Effect.map(manifestFileOf(profile, generation), (m) =>
      m._tag === "Some" && m.value !== undefined ? Either.getOrUndefined(m.value.manifest) : undefined),
  kindOf: (profile, generation) =>
    Effect.map(manifestFileOf(profile, generation), (m) => (m._tag === "Some" && m.value !== undefined ? m.value.kind : "new"))
})
