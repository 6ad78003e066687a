/** Whether a staging profile holds the same packages as the profile (through the ProfileInspector). */
import { Effect } from "effect"
import { samePackages } from "../../../domain/profile/samePackages.js"
import type { ProfileInspectorShape } from "../../../services/ProfileInspector.js"

/** When a manifest cannot be read the answer is "different": switching to a correct copy changes nothing for the worse. */
export const stagedSame = (inspector: ProfileInspectorShape) => (staging: string, profile: string) =>
  Effect.map(Effect.all([inspector.inspect(staging), inspector.inspect(profile)]), ([a, b]) =>
    typeof a.manifest === "object" && typeof b.manifest === "object" && samePackages(a.manifest, b.manifest))
