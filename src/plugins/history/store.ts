/**
 * history.jsonl in Settings.stateDir. Each entry is one `appendFile` (O_APPEND, one write of one
 * line), so concurrent ask-nix calls never interleave inside a line.
 */
import { Effect } from "effect"
import { appendFile, mkdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { FileError } from "../../domain/errors.js"
import { parseEntries, type HistoryEntry } from "./entry.js"

export const historyFile = (stateDir: string): string => join(stateDir, "history.jsonl")

export const appendEntry = (stateDir: string, entry: HistoryEntry): Effect.Effect<void, FileError> =>
  Effect.tryPromise({
    try: async () => {
      await mkdir(stateDir, { recursive: true })
      await appendFile(historyFile(stateDir), `${JSON.stringify(entry)}\n`, { flag: "a" })
    },
    catch: (e) => new FileError({
      path: historyFile(stateDir),
      detail: `cannot write the history there (${e instanceof Error ? e.message : String(e)}); make the folder writable or set XDG_STATE_HOME to one that is`
    })
  })

/** Oldest first; a missing file is an empty history. */
export const readEntries = (stateDir: string): Effect.Effect<ReadonlyArray<HistoryEntry>, FileError> =>
  Effect.tryPromise({
    try: () => readFile(historyFile(stateDir), "utf8").catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? "" : Promise.reject(e))),
    catch: (e) => new FileError({ path: historyFile(stateDir), detail: e instanceof Error ? e.message : String(e) })
  }).pipe(Effect.map(parseEntries))
