/** Closures and the garbage collector's view of the store, computed from path infos (pure). */
import type { PathInfo } from "./Protocol.js"

export interface GcOptions {
  /** Nix's keep-derivations (default true): a live output keeps the derivation that built it. */
  readonly keepDerivations: boolean
  /** Nix's keep-outputs (default false): a live derivation keeps its outputs. */
  readonly keepOutputs: boolean
}

export const defaultGcOptions: GcOptions = { keepDerivations: true, keepOutputs: false }

/**
 * Path infos as flat arrays (what the collector needs of them): the valid paths, sorted, are rows
 * 0..count-1; `paths` may go on with derivers that are not valid themselves. References and derivers
 * are row numbers into `paths`.
 */
export interface InfoTable {
  readonly paths: ReadonlyArray<string>
  readonly count: number
  readonly narSize: Float64Array
  /** Row of the deriver, or -1. */
  readonly deriver: Int32Array
  /** The references of row i are refs[refStart[i] .. refStart[i + 1]). */
  readonly refStart: Int32Array
  readonly refs: Int32Array
}

export const tableFromInfos = (infos: ReadonlyMap<string, PathInfo>): InfoTable =>
  mergeTable(undefined, [...infos.keys()], infos)

/**
 * The table of the valid paths `all`: each row from `fresh` when it has the path, else copied from
 * `old` (which must then have it). Rows are translated between the two tables without building a
 * PathInfo per path: this runs on every clean preview after the store changed.
 */
export const mergeTable = (
  old: InfoTable | undefined,
  all: ReadonlyArray<string>,
  fresh: ReadonlyMap<string, PathInfo>,
  oldRow: ReadonlyMap<string, number> = old ? validRows(old) : new Map()
): InfoTable => {
  const paths = [...all].sort()
  const count = paths.length
  const row = new Map<string, number>()
  for (let i = 0; i < count; i++) row.set(paths[i]!, i)
  const rowOf = (p: string) => {
    let r = row.get(p)
    if (r === undefined) { r = paths.length; paths.push(p); row.set(p, r) }
    return r
  }
  // Old rows are translated through their path once each, however many references point to them.
  const translated = old ? new Int32Array(old.paths.length).fill(-1) : undefined
  const fromOld = (j: number) => {
    let r = translated![j]!
    if (r < 0) { r = rowOf(old!.paths[j]!); translated![j] = r }
    return r
  }
  const narSize = new Float64Array(count)
  const deriver = new Int32Array(count)
  const refStart = new Int32Array(count + 1)
  let refs = new Int32Array(Math.max(16, old ? old.refs.length + 16 : count * 4))
  let n = 0
  const push = (r: number) => {
    if (n === refs.length) { const bigger = new Int32Array(refs.length * 2); bigger.set(refs); refs = bigger }
    refs[n++] = r
  }
  for (let i = 0; i < count; i++) {
    const p = paths[i]!
    refStart[i] = n
    const info = fresh.get(p)
    if (info) {
      narSize[i] = info.narSize
      deriver[i] = info.deriver === undefined ? -1 : rowOf(info.deriver)
      for (const r of info.references) push(rowOf(r))
      continue
    }
    const j = oldRow.get(p)
    if (j === undefined || !old) throw new Error(`no path info for ${p}`)
    narSize[i] = old.narSize[j]!
    const d = old.deriver[j]!
    deriver[i] = d < 0 ? -1 : fromOld(d)
    for (let k = old.refStart[j]!; k < old.refStart[j + 1]!; k++) push(fromOld(old.refs[k]!))
  }
  refStart[count] = n
  return { paths, count, narSize, deriver, refStart, refs: refs.slice(0, n) }
}

/** Row number of each valid path of the table. */
export const validRows = (t: InfoTable): Map<string, number> => {
  const out = new Map<string, number>()
  for (let i = 0; i < t.count; i++) out.set(t.paths[i]!, i)
  return out
}

/** Rows reachable from the root rows through references (and the keep-* edges); invalid rows are skipped. */
export const reachableRows = (t: InfoTable, roots: Iterable<number>, options: GcOptions): Uint8Array => {
  const seen = new Uint8Array(t.count)
  let outputsOf: Map<number, Array<number>> | undefined
  if (options.keepOutputs) {
    outputsOf = new Map()
    for (let i = 0; i < t.count; i++) {
      const d = t.deriver[i]!
      if (d >= 0) { const o = outputsOf.get(d); if (o) o.push(i); else outputsOf.set(d, [i]) }
    }
  }
  const stack: Array<number> = []
  for (const r of roots) if (r >= 0 && r < t.count) stack.push(r)
  while (stack.length > 0) {
    const i = stack.pop()!
    if (seen[i]) continue
    seen[i] = 1
    for (let k = t.refStart[i]!; k < t.refStart[i + 1]!; k++) {
      const n = t.refs[k]!
      if (n < t.count && !seen[n]) stack.push(n)
    }
    const d = t.deriver[i]!
    if (options.keepDerivations && d >= 0 && d < t.count && !seen[d]) stack.push(d)
    if (outputsOf) for (const o of outputsOf.get(i) ?? []) if (!seen[o]) stack.push(o)
  }
  return seen
}

/** Row numbers of these paths (-1 for a path not in the table). */
export const rowsOf = (t: InfoTable, paths: Iterable<string>): Array<number> => {
  const want = new Set(paths)
  const out: Array<number> = []
  for (let i = 0; i < t.count && want.size > 0; i++) {
    if (want.delete(t.paths[i]!)) out.push(i)
  }
  return out
}

export interface DeadSet {
  readonly dead: ReadonlyArray<string>
  readonly bytes: number
}

/** What the collector would delete: valid paths not reachable from any root (sorted). */
export const deadInTable = (t: InfoTable, roots: Iterable<string>, options: GcOptions = defaultGcOptions): DeadSet => {
  const live = reachableRows(t, rowsOf(t, roots), options)
  const dead: Array<string> = []
  let bytes = 0
  for (let i = 0; i < t.count; i++) {
    if (!live[i]) { dead.push(t.paths[i]!); bytes += t.narSize[i]! }
  }
  return { dead, bytes }
}

/** Everything reachable from `roots` through references (and the keep-* edges), among `infos`. */
export const reachable = (
  infos: ReadonlyMap<string, PathInfo>,
  roots: Iterable<string>,
  options: GcOptions = { keepDerivations: false, keepOutputs: false }
): Set<string> => {
  const t = tableFromInfos(infos)
  const live = reachableRows(t, rowsOf(t, roots), options)
  const out = new Set<string>()
  for (let i = 0; i < t.count; i++) if (live[i]) out.add(t.paths[i]!)
  return out
}

export const totalNarSize = (infos: ReadonlyMap<string, PathInfo>, paths: Iterable<string>): number => {
  let n = 0
  for (const p of paths) n += infos.get(p)?.narSize ?? 0
  return n
}

/** What the collector would delete: valid paths not reachable from any root. */
export const deadPaths = (
  infos: ReadonlyMap<string, PathInfo>,
  roots: Iterable<string>,
  options: GcOptions = defaultGcOptions
): DeadSet => deadInTable(tableFromInfos(infos), roots, options)

/** Human size: "1.2 GiB", "340 KiB". */
export const formatBytes = (n: number): string => {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++ }
  return u === 0 ? `${n} bytes` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`
}
