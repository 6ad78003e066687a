/** Reads a programs database file (the channel's programs.sqlite); ImportFailed says what is wrong with it. */
import { Effect } from "effect"
import { readFile } from "node:fs/promises"
import { ImportFailed } from "../../domain/errors.js"
import type { ProgramsDb } from "../../domain/index/commands.js"
import { nixSystem, programsFromRows } from "../../domain/index/programsDb.js"
import { readSqliteTable, SqliteError } from "../../domain/index/sqliteTable.js"

const HINT = "give --programs the programs.sqlite of a NixOS channel, or leave --programs out"

export const readProgramsDb = (path: string, system: string = nixSystem(process.arch, process.platform)): Effect.Effect<ProgramsDb, ImportFailed> =>
  Effect.gen(function*() {
    const fail = (detail: string) => new ImportFailed({ path, detail: `${detail}; ${HINT}` })
    const bytes = yield* Effect.tryPromise({
      try: () => readFile(path),
      catch: (e) => fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
    })
    const rows = yield* Effect.try({
      try: () => readSqliteTable(bytes, "Programs"),
      catch: (e) => fail(e instanceof SqliteError ? e.message : `it cannot be read as an SQLite database (${String(e)})`)
    })
    const db = programsFromRows(rows, system)
    return typeof db === "string" ? yield* Effect.fail(fail(db)) : db
  })
