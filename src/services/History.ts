/**
 * What ask-nix changed, per profile: every operation carried out with --execute is recorded with the
 * generation before and after it, so that "undo" and "go back" return to the state before the last
 * change, whatever number of generations it took. The history plugin shows it.
 */
import { Context, type Effect } from "effect"
import type { ExecutedRecord } from "../domain/ExecutedRecord.js"
import type { FileError } from "../domain/errors.js"
import type { HistoryEntry } from "../domain/history/HistoryEntry.js"

export interface HistoryShape {
  /** Where the history is kept (for messages). */
  readonly location: string
  /** A profile as history names it: absolute, with ~/.nix-profile followed to the profile itself. */
  readonly profileKey: (profile: string) => Effect.Effect<string>
  /** Adds one change (its profile named by profileKey). */
  readonly record: (record: ExecutedRecord) => Effect.Effect<void, FileError>
  /** Every recorded change, oldest first. */
  readonly entries: Effect.Effect<ReadonlyArray<HistoryEntry>, FileError>
}

export class History extends Context.Tag("ask-nix/History")<History, HistoryShape>() {}
