/** What changed between two generations of a profile, by package name (as `nix profile history` shows it). */
import type { GenerationDiff } from "../Plan.js"

/** A package as a diff sees it. */
export interface NamedVersion {
  readonly name: string
  readonly version: string
}

const byName = (pkgs: ReadonlyArray<NamedVersion>): Map<string, string> => {
  const m = new Map<string, Array<string>>()
  for (const p of pkgs) m.set(p.name, [...(m.get(p.name) ?? []), p.version])
  return new Map([...m].map(([k, vs]) => [k, [...new Set(vs)].sort().join(", ")]))
}

export const diffGenerations = (
  from: number,
  before: ReadonlyArray<NamedVersion>,
  to: number,
  after: ReadonlyArray<NamedVersion>
): GenerationDiff => {
  const a = byName(before)
  const b = byName(after)
  const names = [...new Set([...a.keys(), ...b.keys()])].sort()
  return {
    from,
    to,
    added: names.filter((n) => !a.has(n)).map((name) => ({ name, version: b.get(name)! })),
    removed: names.filter((n) => !b.has(n)).map((name) => ({ name, version: a.get(name)! })),
    changed: names
      .filter((n) => a.has(n) && b.has(n) && a.get(n) !== b.get(n))
      .map((name) => ({ name, from: a.get(name)!, to: b.get(name)! }))
  }
}
