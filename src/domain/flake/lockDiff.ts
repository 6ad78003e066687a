/**
 * What updating a flake's inputs changes in flake.lock: per input, the revision (or content hash,
 * for inputs without one) and date before and after. Pure; the lines are what the plan shows.
 */
import type { LockedInput } from "./FlakeLock.js"

export interface LockedAt {
  /** The git revision, short (7), or the content hash for inputs without a revision. */
  readonly id: string
  readonly rev: string | null
  /** The locked commit's or file's date, YYYY-MM-DD (UTC), when Nix recorded one. */
  readonly date: string | null
}

export interface InputChange {
  readonly input: string
  readonly source: string
  readonly status: "updated" | "added" | "removed" | "unchanged"
  readonly from: LockedAt | null
  readonly to: LockedAt | null
}

const day = (seconds: number | undefined): string | null =>
  seconds === undefined ? null : new Date(seconds * 1000).toISOString().slice(0, 10)

const at = (i: LockedInput): LockedAt => ({
  id: i.rev !== undefined ? i.rev.slice(0, 7) : i.narHash !== undefined ? `${i.narHash.slice(0, 17)}…` : "?",
  rev: i.rev ?? null,
  date: day(i.lastModified)
})

const same = (a: LockedInput, b: LockedInput): boolean => a.rev === b.rev && a.narHash === b.narHash

/** Old lock (none: a flake locked for the first time) against the new one, input by input. */
export const diffLocks = (before: ReadonlyArray<LockedInput>, after: ReadonlyArray<LockedInput>): ReadonlyArray<InputChange> => {
  const old = new Map(before.map((i) => [i.path, i] as const))
  const now = new Set(after.map((i) => i.path))
  return [
    ...after.map((i): InputChange => {
      const o = old.get(i.path)
      return o === undefined
        ? { input: i.path, source: i.source, status: "added", from: null, to: at(i) }
        : { input: i.path, source: i.source, status: same(o, i) ? "unchanged" : "updated", from: at(o), to: at(i) }
    }),
    ...before.filter((i) => !now.has(i.path)).map((i): InputChange => ({ input: i.path, source: i.source, status: "removed", from: at(i), to: null }))
  ]
}

const show = (a: LockedAt): string => (a.date === null ? a.id : `${a.id} (${a.date})`)

/** One line per changed input ("nixpkgs (github:NixOS/nixpkgs): 3d2d8f2 (2023-06-30) -> a3a3dda (2023-07-05)"), then the unchanged ones. */
export const describeLockDiff = (changes: ReadonlyArray<InputChange>): ReadonlyArray<string> => {
  const changed = changes.filter((c) => c.status !== "unchanged")
  const unchanged = changes.filter((c) => c.status === "unchanged").map((c) => c.input)
  const lines = changed.map((c) => {
    const head = `  ${c.input} (${c.source}): `
    switch (c.status) {
      case "added": return `${head}new, locked to ${show(c.to!)}`
      case "removed": return `${head}no longer an input (was ${show(c.from!)})`
      default: return `${head}${show(c.from!)} -> ${show(c.to!)}`
    }
  })
  return [
    changed.length === 0 ? "flake.lock would not change: every input is already at its newest revision." : "flake.lock changes:",
    ...lines,
    ...(unchanged.length > 0 ? [`  unchanged: ${unchanged.join(", ")}`] : [])
  ]
}
