/**
 * What a progress line shows, folded from events (pure): builds done/expected, bytes moved and their
 * speed, the current build and phase, the current step of the plan.
 */
import type { ProgressEvent } from "../ProgressEvent.js"

export interface ProgressState {
  readonly step: { readonly index: number; readonly total: number } | undefined
  readonly builds: { readonly done: number; readonly expected: number }
  readonly paths: { readonly done: number; readonly expected: number }
  /** Bytes per transfer activity (id -> done/expected). */
  readonly transfers: ReadonlyMap<number, { readonly done: number; readonly expected: number }>
  /** Running build activities: id -> short name. */
  readonly building: ReadonlyMap<number, string>
  readonly phase: string | undefined
  readonly lastLog: string | undefined
  /** When the first byte was counted (ms), for the speed. */
  readonly startedAt: number | undefined
}

export const initialProgress: ProgressState = {
  step: undefined,
  builds: { done: 0, expected: 0 },
  paths: { done: 0, expected: 0 },
  transfers: new Map(),
  building: new Map(),
  phase: undefined,
  lastLog: undefined,
  startedAt: undefined
}

/** "building '/nix/store/abc-hello-2.12.drv'" -> "hello-2.12" */
export const shortName = (text: string): string => {
  const m = /\/nix\/store\/[0-9a-z]{32}-([^'\s]+?)(?:\.drv)?'?$/.exec(text.trim()) ?? /\/nix\/store\/[^-]+-([^'\s]+?)(?:\.drv)?(?:'|\s|$)/.exec(text)
  return m?.[1] ?? text
}

export const foldProgress = (s: ProgressState, e: ProgressEvent, now: number): ProgressState => {
  switch (e._tag) {
    case "StepStarted":
      return { ...s, step: { index: e.index, total: e.total }, phase: undefined, lastLog: undefined }
    case "ActivityStarted":
      if (e.activity === "build") {
        const building = new Map(s.building)
        building.set(e.id, shortName(String(e.fields[0] ?? e.text)))
        return { ...s, building }
      }
      return s
    case "ActivityStopped": {
      if (!s.building.has(e.id) && !s.transfers.has(e.id)) return s
      const building = new Map(s.building)
      building.delete(e.id)
      return { ...s, building, phase: building.size === 0 ? undefined : s.phase }
    }
    case "ActivityProgress":
      switch (e.activity) {
        case "builds": return { ...s, builds: { done: e.done, expected: e.expected } }
        case "copyPaths": return { ...s, paths: { done: e.done, expected: e.expected } }
        case "fileTransfer": case "copyPath": {
          const transfers = new Map(s.transfers)
          transfers.set(e.id, { done: e.done, expected: e.expected })
          return { ...s, transfers, startedAt: s.startedAt ?? now }
        }
        default: return s
      }
    case "PhaseChanged": return { ...s, phase: e.phase }
    case "BuildLogLine": return { ...s, lastLog: e.line }
    default: return s
  }
}

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`

/** One line, e.g. "[1/2] 1/3 builds · building hello-2.12 (buildPhase) · 12.3/40.0 MB at 2.1 MB/s". */
export const formatProgress = (s: ProgressState, now: number): string => {
  const parts: Array<string> = []
  if (s.builds.expected > 0) parts.push(`${s.builds.done}/${s.builds.expected} builds`)
  if (s.paths.expected > 0) parts.push(`${s.paths.done}/${s.paths.expected} downloads`)
  const building = [...s.building.values()]
  if (building.length > 0) parts.push(`building ${building.join(", ")}${s.phase ? ` (${s.phase})` : ""}`)
  let done = 0
  let expected = 0
  for (const t of s.transfers.values()) { done += t.done; expected += t.expected }
  if (done > 0 || expected > 0) {
    const secs = s.startedAt === undefined ? 0 : (now - s.startedAt) / 1000
    const speed = secs > 0.5 ? ` at ${mb(done / secs)}/s` : ""
    parts.push(`${expected > 0 ? `${mb(done)} of ${mb(expected)}` : mb(done)}${speed}`)
  }
  if (parts.length === 0) parts.push(s.lastLog ?? "working")
  const prefix = s.step && s.step.total > 1 ? `[${s.step.index}/${s.step.total}] ` : ""
  return prefix + parts.join(" · ")
}
