/** Do two profiles hold the same packages? (Staged updates switch only when something changed.) Pure. */
import type { Manifest } from "./Profile.js"

const paths = (m: Manifest): string =>
  m.elements.filter((e) => e.active).flatMap((e) => e.storePaths).sort().join("\n")

/** Same store paths, in any order: remove-then-install moves an element to the end without changing it. */
export const samePackages = (a: Manifest, b: Manifest): boolean => paths(a) === paths(b)
