/**
 * The phases of a system rebuild (evaluating, building, downloading, activating), recognized from
 * Nix's activities and nixos-rebuild's own plain lines, and announced as PhaseChanged events with id 0
 * (id 0: the rebuild as a whole, never a Nix activity id).
 */
import { PhaseChanged, type ProgressEvent } from "../ProgressEvent.js"

export type RebuildPhase = "updating channels" | "evaluating" | "building" | "downloading" | "activating"

export const rebuildPhaseId = 0

/** Concrete activities only: the umbrella ones (builds, copyPaths, realise) start before anything happens. */
const activityPhase: Readonly<Record<string, RebuildPhase>> = {
  build: "building",
  substitute: "downloading",
  copyPath: "downloading",
  fileTransfer: "downloading",
  fetchTree: "downloading"
}

const linePhases: ReadonlyArray<readonly [RegExp, RebuildPhase]> = [
  [/^unpacking channels|^updating channels/i, "updating channels"],
  [/^building the system configuration|^evaluating/i, "evaluating"],
  [/^activating the configuration|^setting up \/etc|^updating grub|^installing bootloader|^updating systemd-boot|^switching to|^restarting|^reloading/i, "activating"]
]

export const phaseOf = (e: ProgressEvent): RebuildPhase | undefined => {
  switch (e._tag) {
    case "ActivityStarted": return activityPhase[e.activity]
    case "RawLine": case "Message": {
      const text = e._tag === "RawLine" ? e.line : e.text
      return linePhases.find(([re]) => re.test(text.trim()))?.[1]
    }
    default: return undefined
  }
}

/** A stateful tracker: each event, preceded by a PhaseChanged when it starts a new phase. */
export const makePhaseTracker = (initial: RebuildPhase | undefined) => {
  let current = initial
  return (e: ProgressEvent): ReadonlyArray<ProgressEvent> => {
    const next = phaseOf(e)
    if (next === undefined || next === current) return [e]
    current = next
    return [new PhaseChanged({ id: rebuildPhaseId, phase: next }), e]
  }
}
