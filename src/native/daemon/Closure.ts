/** Closures and the garbage collector's view of the store, computed from path infos (pure). */
import type { PathInfo } from "./Protocol.js"

export interface GcOptions {
  /** Nix's keep-derivations (default true): a live output keeps the derivation that built it. */
  readonly keepDerivations: boolean
  /** Nix's keep-outputs (default false): a live derivation keeps its outputs. */
  readonly keepOutputs: boolean
}

export const defaultGcOptions: GcOptions = { keepDerivations: true, keepOutputs: false }

/** Everything reachable from `roots` through references (and the keep-* edges), among `infos`. */
export const reachable = (
  infos: ReadonlyMap<string, PathInfo>,
  roots: Iterable<string>,
  options: GcOptions = { keepDerivations: false, keepOutputs: false }
): Set<string> => {
  const outputsOf = new Map<string, Array<string>>()
  if (options.keepOutputs) {
    for (const i of infos.values()) {
      if (i.deriver) outputsOf.set(i.deriver, [...(outputsOf.get(i.deriver) ?? []), i.path])
    }
  }
  const seen = new Set<string>()
  const stack = [...roots].filter((r) => infos.has(r))
  while (stack.length > 0) {
    const p = stack.pop()!
    if (seen.has(p)) continue
    seen.add(p)
    const info = infos.get(p)!
    const next = [...info.references]
    if (options.keepDerivations && info.deriver) next.push(info.deriver)
    if (options.keepOutputs) next.push(...(outputsOf.get(p) ?? []))
    for (const n of next) if (!seen.has(n) && infos.has(n)) stack.push(n)
  }
  return seen
}

export const totalNarSize = (infos: ReadonlyMap<string, PathInfo>, paths: Iterable<string>): number => {
  let n = 0
  for (const p of paths) n += infos.get(p)?.narSize ?? 0
  return n
}

export interface DeadSet {
  readonly dead: ReadonlyArray<string>
  readonly bytes: number
}

/** What the collector would delete: valid paths not reachable from any root. */
export const deadPaths = (
  infos: ReadonlyMap<string, PathInfo>,
  roots: Iterable<string>,
  options: GcOptions = defaultGcOptions
): DeadSet => {
  const live = reachable(infos, roots, options)
  const dead = [...infos.keys()].filter((p) => !live.has(p)).sort()
  return { dead, bytes: totalNarSize(infos, dead) }
}

/** Human size: "1.2 GiB", "340 KiB". */
export const formatBytes = (n: number): string => {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++ }
  return u === 0 ? `${n} bytes` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`
}
