/** History in memory (tests): the same entries as HistoryLive, with profiles made absolute only. */
import { Effect, Layer } from "effect"
import { resolve } from "node:path"
import { toEntry, type HistoryEntry } from "../domain/history/HistoryEntry.js"
import { History } from "../services/History.js"

export const makeHistoryMemory = (initial: ReadonlyArray<HistoryEntry> = []) => {
  const entries: Array<HistoryEntry> = [...initial]
  const history = History.of({
    location: "(memory)",
    profileKey: (profile) => Effect.succeed(resolve(profile)),
    record: (record) => Effect.sync(() => { entries.push(toEntry(record, record.scope === "user" ? resolve(record.profile) : record.profile)) }),
    entries: Effect.sync(() => [...entries])
  })
  return { entries, history, layer: Layer.succeed(History, history) }
}
