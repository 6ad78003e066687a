/**
 * History in history.jsonl under Settings.stateDir. Each entry is one `appendFile` (O_APPEND, one write
 * of one line), so concurrent ask-nix calls never interleave inside a line.
 */
import { Context, Effect } from "effect"
import { appendFile, mkdir, readFile } from "node:fs/promises"
import { join, resolve } from "node:path"
import { FileError } from "../domain/errors.js"
import { parseEntries, toEntry } from "../domain/history/HistoryEntry.js"
import { History } from "../services/History.js"
import { Settings } from "../services/Settings.js"
import { resolveProfile } from "./profile/ProfileFiles.js"

export const historyFile = (stateDir: string): string => join(stateDir, "history.jsonl")

/** Absolute, and ~/.nix-profile (or any link to a profile) followed to the profile itself; as given when it is none yet. */
export const profileKey = (profile: string): Effect.Effect<string> =>
  resolveProfile(profile).pipe(Effect.map((r) => r.profile), Effect.orElseSucceed(() => resolve(profile)))

const fileError = (file: string) => (e: unknown) => new FileError({ path: file, detail: e instanceof Error ? e.message : String(e) })

export const makeHistory = (stateDir: string) => {
  const file = historyFile(stateDir)
  return History.of({
    location: file,
    profileKey,
    record: (record) =>
      Effect.flatMap(record.scope === "user" ? profileKey(record.profile) : Effect.succeed(record.profile), (profile) => Effect.tryPromise({
        try: async () => {
          await mkdir(stateDir, { recursive: true })
          await appendFile(file, `${JSON.stringify(toEntry(record, profile))}\n`, { flag: "a" })
        },
        catch: (e) => new FileError({
          path: file,
          detail: `cannot write the history there (${e instanceof Error ? e.message : String(e)}); make the folder writable or set XDG_STATE_HOME to one that is`
        })
      })),
    // A missing file is an empty history.
    entries: Effect.tryPromise({
      try: () => readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? "" : Promise.reject(e))),
      catch: fileError(file)
    }).pipe(Effect.map(parseEntries))
  })
}

/** The history file under the settings' state folder, as a part of a call's services (MainLayer.ts). */
export const HistoryLive = Effect.map(Settings, (s) => Context.make(History, makeHistory(s.stateDir)))
