/** Generation link names: `<profile>-N-link` beside the profile symlink (Nix's profiles.cc). */
import * as path from "node:path"

/** Matches the link names of the profile called `base`; group 1 is the number. */
export const linkPattern = (base: string): RegExp =>
  new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-([0-9]+)-link$`)

/** The generation number a profile link points to, if its target is `<base>-N-link` beside it. */
export const generationOf = (profile: string, target: string): number | undefined => {
  const m = linkPattern(path.basename(profile)).exec(path.basename(target))
  return m && (path.dirname(target) === "." || path.resolve(path.dirname(profile), path.dirname(target)) === path.dirname(profile))
    ? Number(m[1])
    : undefined
}
