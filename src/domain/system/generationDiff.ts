/**
 * What changed between two system generations, from the store paths they point at: the packages
 * behind the programs in `sw/bin`, the NixOS version, the kernel. Pure.
 */
import type { GenerationDiff } from "../Plan.js"
import { parseDrvName } from "../profile/drvName.js"

export interface NameVersion {
  readonly name: string
  readonly version: string
}

/** `/nix/store/<hash>-firefox-120.0.1/bin/firefox` -> firefox 120.0.1 (Nix's own rule: src/domain/profile/drvName.ts). */
export const parseStorePath = (p: string): NameVersion | undefined => {
  const m = /\/nix\/store\/[0-9a-z]{32}-([^/]+)/.exec(p)
  return m ? parseDrvName(m[1]!) : undefined
}

/** The packages a set of program links point into, one entry per name (highest-sorting version wins). */
export const packagesOf = (targets: ReadonlyArray<string>): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const t of targets) {
    const nv = parseStorePath(t)
    if (!nv) continue
    const prev = out.get(nv.name)
    if (prev === undefined || prev < nv.version) out.set(nv.name, nv.version)
  }
  return out
}

export interface GenerationContents {
  readonly number: number
  readonly nixosVersion: string | undefined
  readonly kernel: string | undefined
  readonly packages: ReadonlyMap<string, string>
}

const byName = <A extends { readonly name: string }>(a: A, b: A) => a.name.localeCompare(b.name)

export const diffGenerations = (from: GenerationContents, to: GenerationContents): GenerationDiff => {
  const added: Array<NameVersion> = []
  const removed: Array<NameVersion> = []
  const changed: Array<{ name: string; from: string; to: string }> = []
  for (const [name, version] of to.packages) {
    const before = from.packages.get(name)
    if (before === undefined) added.push({ name, version })
    else if (before !== version) changed.push({ name, from: before, to: version })
  }
  for (const [name, version] of from.packages) if (!to.packages.has(name)) removed.push({ name, version })
  const system: Array<{ name: string; from: string; to: string }> = []
  if (from.nixosVersion !== to.nixosVersion) system.push({ name: "nixos", from: from.nixosVersion ?? "?", to: to.nixosVersion ?? "?" })
  if (from.kernel !== to.kernel) system.push({ name: "kernel", from: from.kernel ?? "?", to: to.kernel ?? "?" })
  return {
    from: from.number,
    to: to.number,
    added: added.sort(byName),
    removed: removed.sort(byName),
    changed: [...system, ...changed.sort(byName)]
  }
}
