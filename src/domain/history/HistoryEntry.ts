/**
 * One line of history.jsonl: a change ask-nix carried out, with the profile it changed and the
 * generation before and after it. Undo and "go back" read these (pure; the file is src/layers/HistoryLive.ts).
 */
import { Option, Schema } from "effect"
import { describeIntent } from "../Intent.js"
import type { ExecutedRecord } from "../ExecutedRecord.js"

/** One line of history.jsonl (decoded with this schema: a torn or foreign line is skipped). */
export const HistoryEntry = Schema.Struct({
  /** ISO 8601 */
  at: Schema.String,
  request: Schema.String,
  /** "install firefox" */
  summary: Schema.String,
  intent: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  backend: Schema.String,
  /** The profile, as History.profileKey names it (absolute, ~/.nix-profile followed to the profile itself). */
  profile: Schema.String,
  scope: Schema.String,
  generationBefore: Schema.optional(Schema.Number),
  generationAfter: Schema.optional(Schema.Number),
  argv: Schema.Array(Schema.Array(Schema.String)),
  /** Configuration files ask-nix wrote (configuration.nix, home.nix), with their backups: undo puts them back. */
  writes: Schema.optional(Schema.Array(Schema.Struct({ path: Schema.String, backup: Schema.String, sha256: Schema.String })))
})
export type HistoryEntry = typeof HistoryEntry.Type

const decodeLine = Schema.decodeUnknownOption(Schema.parseJson(HistoryEntry))

/** `profile`: the record's profile as History names it. */
export const toEntry = (r: ExecutedRecord, profile: string = r.profile): HistoryEntry => ({
  at: r.at,
  request: r.request,
  summary: describeIntent(r.intent),
  intent: { ...r.intent },
  backend: r.backend,
  profile,
  scope: r.scope,
  ...(r.generationBefore !== undefined ? { generationBefore: r.generationBefore } : {}),
  ...(r.generationAfter !== undefined ? { generationAfter: r.generationAfter } : {}),
  argv: r.argv,
  ...(r.writes !== undefined && r.writes.length > 0 ? { writes: r.writes } : {})
})

/**
 * A run that changed nothing: the generation did not move and no file was written (already installed,
 * nothing newer, a rollback to where the profile is). It is not recorded, because undo and "go back"
 * mean the last change. A clean moves no generation but deletes some: it is a change.
 */
export const changedNothing = (r: ExecutedRecord): boolean =>
  (r.writes ?? []).length === 0 && r.intent._tag !== "clean" &&
  r.generationBefore !== undefined && r.generationBefore === r.generationAfter

/** Lines of history.jsonl -> entries; a torn or foreign line is skipped, never fatal. */
export const parseEntries = (text: string): ReadonlyArray<HistoryEntry> =>
  text.split("\n").flatMap((line) => (line.trim() === "" ? [] : Option.toArray(decodeLine(line))))

/** "generation 4 -> 5" */
export const generationText = (e: HistoryEntry): string =>
  e.generationBefore === undefined && e.generationAfter === undefined
    ? ""
    : `generation ${e.generationBefore ?? "(none)"} -> ${e.generationAfter ?? "?"}`

/** The last change recorded for `profile` (a History.profileKey). */
export const lastChangeIn = (entries: ReadonlyArray<HistoryEntry>, profile: string): HistoryEntry | undefined =>
  [...entries].reverse().find((e) => e.profile === profile)

/**
 * Where "go back" / "undo my last update" leads from generation `current`: to the generation before the
 * last change, when that change is what made `current` (an update that took generations 4 and 5 goes
 * back to 3, not to the half-done 4). Undefined when history does not explain `current` (a change made
 * outside ask-nix, or the last change was itself a step back): then the previous generation, as Nix does.
 */
export const goBackTarget = (last: HistoryEntry | undefined, current: number | undefined): number | undefined =>
  last !== undefined && current !== undefined && last.scope === "user" && last.generationAfter === current &&
    last.generationBefore !== undefined && last.generationBefore < current
    ? last.generationBefore
    : undefined
