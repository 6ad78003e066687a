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
  argv: Schema.Array(Schema.Array(Schema.String))
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
  argv: r.argv
})

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
