/** One line of history.jsonl: what ask-nix carried out. */
import { describeIntent, type Intent } from "../../domain/Intent.js"
import type { ExecutedRecord } from "../../domain/ExecutedRecord.js"

export interface HistoryEntry {
  /** ISO 8601 */
  readonly at: string
  readonly request: string
  /** "install firefox" */
  readonly summary: string
  readonly intent: Readonly<Record<string, unknown>>
  readonly backend: string
  readonly profile: string
  readonly scope: string
  readonly generationBefore?: number | undefined
  readonly generationAfter?: number | undefined
  readonly argv: ReadonlyArray<ReadonlyArray<string>>
}

export const toEntry = (r: ExecutedRecord): HistoryEntry => ({
  at: r.at,
  request: r.request,
  summary: describeIntent(r.intent),
  intent: { ...(r.intent as Intent & Record<string, unknown>) },
  backend: r.backend,
  profile: r.profile,
  scope: r.scope,
  ...(r.generationBefore !== undefined ? { generationBefore: r.generationBefore } : {}),
  ...(r.generationAfter !== undefined ? { generationAfter: r.generationAfter } : {}),
  argv: r.argv
})

const isEntry = (u: unknown): u is HistoryEntry =>
  typeof u === "object" && u !== null && typeof (u as HistoryEntry).at === "string" &&
  typeof (u as HistoryEntry).summary === "string" && typeof (u as HistoryEntry).profile === "string"

/** Lines of history.jsonl -> entries; a torn or foreign line is skipped, never fatal. */
export const parseEntries = (text: string): ReadonlyArray<HistoryEntry> =>
  text.split("\n").flatMap((line) => {
    if (line.trim() === "") return []
    try {
      const u: unknown = JSON.parse(line)
      return isEntry(u) ? [u] : []
    } catch {
      return []
    }
  })

/** "gen 4 -> 5" */
export const generationText = (e: HistoryEntry): string =>
  e.generationBefore === undefined && e.generationAfter === undefined
    ? ""
    : `generation ${e.generationBefore ?? "(none)"} -> ${e.generationAfter ?? "?"}`
