/**
 * What an edit would change in the system, from the .drv closures of the system (or home-manager
 * generation) derivation before and after: packages (derivations with a version) added, removed or
 * changed in version. Sources and patches (`bluez-5.50.tar.xz.drv`) and version-less helpers
 * (`unit-bluetooth.service.drv`, `etc.drv`) are left out: they are how things are built, not what is
 * installed.
 */
import { parseStorePathName } from "../profile/drvName.js"

export interface PackageVersion {
  readonly name: string
  readonly version: string
}

export interface ClosureDiff {
  readonly added: ReadonlyArray<PackageVersion>
  readonly removed: ReadonlyArray<PackageVersion>
  readonly changed: ReadonlyArray<{ readonly name: string; readonly from: string; readonly to: string }>
}

const notAPackage = /\.(tar(\.\w+)?|tgz|tbz2?|txz|zip|patch|diff|gem|jar|deb|rpm|xpi|whl|conf|sh|json|nix|py|pl|el)$/i

/** Package name -> its versions in the closure (a closure can hold two versions of one library). */
export const closurePackages = (paths: ReadonlyArray<string>): ReadonlyMap<string, ReadonlyArray<string>> => {
  const out = new Map<string, Set<string>>()
  for (const p of paths) {
    if (!p.endsWith(".drv")) continue
    const { name: pname, version } = parseStorePathName(p.slice(0, -4))
    if (version === "" || notAPackage.test(version) || !/^\d/.test(version)) continue
    const set = out.get(pname) ?? new Set<string>()
    set.add(version)
    out.set(pname, set)
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]))
}

export const diffClosures = (
  before: ReadonlyMap<string, ReadonlyArray<string>>,
  after: ReadonlyMap<string, ReadonlyArray<string>>
): ClosureDiff => {
  const added: Array<PackageVersion> = []
  const removed: Array<PackageVersion> = []
  const changed: Array<{ name: string; from: string; to: string }> = []
  for (const [name, versions] of after) {
    const old = before.get(name)
    if (old === undefined) added.push({ name, version: versions.join(", ") })
    else if (old.join(", ") !== versions.join(", ")) changed.push({ name, from: old.join(", "), to: versions.join(", ") })
  }
  for (const [name, versions] of before) if (!after.has(name)) removed.push({ name, version: versions.join(", ") })
  const byName = (a: { readonly name: string }, b: { readonly name: string }) => a.name.localeCompare(b.name)
  return { added: added.sort(byName), removed: removed.sort(byName), changed: changed.sort(byName) }
}

export const isEmptyDiff = (d: ClosureDiff): boolean => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0
