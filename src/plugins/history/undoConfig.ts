/**
 * "undo that" after a configuration edit: put each file ask-nix wrote back exactly as it was (its
 * backup, byte for byte), unless it changed since ask-nix wrote it (the plan's `restores`, carried out
 * by the plugin backend through the configuration store: checked again, atomic, mode kept), then say
 * how to apply the restored configuration. Nothing is rebuilt by the undo itself.
 */
import { Effect } from "effect"
import { createHash } from "node:crypto"
import { readFile, stat } from "node:fs/promises"
import type { PluginIntent } from "../../domain/Intent.js"
import { answer, planned, type Outcome } from "../../domain/Plan.js"
import { PLUGIN_BACKEND } from "../../services/Plugin.js"
import type { HistoryEntry } from "../../domain/history/HistoryEntry.js"

type Written = NonNullable<HistoryEntry["writes"]>[number]

interface FileState {
  readonly written: Written
  /** undefined: the file is gone. */
  readonly sha256: string | undefined
  readonly backupExists: boolean
}

const readState = (w: Written): Effect.Effect<FileState> =>
  Effect.promise(async () => {
    const now = await readFile(w.path).catch(() => undefined)
    const backup = await stat(w.backup).then(() => true, () => false)
    return {
      written: w,
      sha256: now === undefined ? undefined : createHash("sha256").update(now).digest("hex"),
      backupExists: backup
    }
  })

const nothing = (text: string): Outcome => answer({ _tag: "custom", kind: "undo", data: { undone: false, reason: text }, lines: [text] })

/** Pure: the plan that puts the backups back, or why it cannot. */
export const planConfigUndo = (intent: PluginIntent, last: HistoryEntry, files: ReadonlyArray<FileState>): Outcome => {
  const changed = files.filter((f) => f.sha256 !== f.written.sha256)
  if (changed.length > 0) {
    return nothing(`${changed.map((f) => f.written.path).join(", ")} changed after ask-nix wrote ${changed.length === 1 ? "it" : "them"} ("${last.summary}"), so the edit is not undone automatically. The file as it was is at ${changed.map((f) => f.written.backup).join(", ")}.`)
  }
  const lost = files.filter((f) => !f.backupExists)
  if (lost.length > 0) return nothing(`The backup of ${lost.map((f) => f.written.path).join(", ")} is gone (${lost.map((f) => f.written.backup).join(", ")}), so the edit cannot be undone automatically.`)
  const apply = last.scope === "home" ? "ask-nix --home apply my home.nix (home-manager switch)" : "ask-nix --system apply my config (nixos-rebuild switch)"
  return planned({
    backend: PLUGIN_BACKEND,
    intent,
    steps: [],
    restores: files.map((f) => f.written),
    notes: [
      `Undoes the edit "${last.summary}" from ${last.at}: ${files.map((f) => f.written.path).join(", ")} as ${files.length === 1 ? "it was" : "they were"} before, byte for byte.`,
      `The running ${last.scope === "home" ? "home-manager generation" : "system"} is not changed by this; then apply it: ${apply}.`
    ],
    preview: { undoes: { at: last.at, summary: last.summary, request: last.request }, restores: files.map((f) => ({ path: f.written.path, backup: f.written.backup })) }
  })
}

export const undoConfigEdit = (intent: PluginIntent, last: HistoryEntry, writes: ReadonlyArray<Written>): Effect.Effect<Outcome> =>
  Effect.map(Effect.forEach(writes, readState), (files) => planConfigUndo(intent, last, files))
