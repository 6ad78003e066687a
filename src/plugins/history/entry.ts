/** One line of history.jsonl: what ask-nix carried out. */
import { Option, Schema } from "effect"
import { describeIntent } from "../../domain/Intent.js"
import type { ExecutedRecord } from "../../domain/ExecutedRecord.js"

/** One line of history.jsonl (decoded with this schema: a torn or foreign line is skipped). */
export const HistoryEntry = Schema.Struct({
  /** ISO 8601 */
  at: Schema.String,
  request: Schema.String,
  /** "install firefox" */
  summary: Schema.String,
  intent: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  backend: Schema.String,
  profile: Schema.String,
  scope: Schema.String,
  generationBefore: Schema.optional(Schema.Number),
  generationAfter: Schema.optional(Schema.Number),
  argv: Schema.Array(Schema.Array(Schema.String))
})
export type HistoryEntry = typeof HistoryEntry.Type

const decodeLine = Schema.decodeUnknownOption(Schema.parseJson(HistoryEntry))

export const toEntry = (r: ExecutedRecord): HistoryEntry => ({
  at: r.at,
  request: r.request,
  summary: describeIntent(r.intent),
  intent: { ...r.intent },
  backend: r.backend,
  profile: r.profile,
  scope: r.scope,
  ...(r.generationBefore !== undefined ? { generationBefore: r.generationBefore } : {}),
  ...(r.generationAfter !== undefined ? { generationAfter: r.generationAfter } : {}),
  argv: r.argv
})

/** Lines of history.jsonl -> entries; a torn or foreign line is skipped, never fatal. */
export const parseEntries = (text: string): ReadonlyArray<HistoryEntry> =>
  text.split("\n").flatMap((line) => (line.trim() === "" ? [] : Option.toArray(decodeLine(line))))

/** "gen 4 -> 5" */
export const generationText = (e: HistoryEntry): string =>
  e.generationBefore === undefined && e.generationAfter === undefined
    ? ""
    : `generation ${e.generationBefore ?? "(none)"} -> ${e.generationAfter ?? "?"}`
