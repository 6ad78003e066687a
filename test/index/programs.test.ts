/**
 * Which package has a command, for certain: a programs database (programs.sqlite, made here with the real
 * sqlite3 command-line tool) read without SQLite by src/domain/index/sqliteTable.ts, and used by index build.
 * sqlite3 is required in CI (.ci/run installs it); a developer machine without it skips these tests.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Stream } from "effect"
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { providesAnswer } from "../../src/layers/index/answers.js"
import { buildIndex } from "../../src/layers/index/buildIndex.js"
import { openIndexReader } from "../../src/layers/index/openIndex.js"
import { programsFromRows } from "../../src/domain/index/programsDb.js"
import { readSqliteTable, SqliteError } from "../../src/domain/index/sqliteTable.js"
import { makePackageIndex } from "../../src/layers/PackageIndexLive.js"
import { userMessage } from "../../src/domain/errors.js"
import { Nix, type NixCommand } from "../../src/services/Nix.js"
import { PackageIndex } from "../../src/services/PackageIndex.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-programs-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const hasSqlite3 = spawnSync("sqlite3", ["-version"], { encoding: "utf8" }).status === 0
const requireTools = process.env["ASK_NIX_REQUIRE_NIX"] === "1"

/** A database made by the real sqlite3 from SQL statements. */
const sqlite = (name: string, sql: string): string => {
  const path = join(dir, name)
  const r = spawnSync("sqlite3", [path], { input: sql, encoding: "utf8" })
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`)
  return path
}
const PROGRAMS = "CREATE TABLE Programs (name text not null, system text not null, package text not null, primary key (name, system, package));"
const q = (s: string) => `'${s.replace(/'/g, "''")}'`
const insert = (rows: ReadonlyArray<readonly [string, string, string]>) =>
  `BEGIN;${rows.map(([n, s, p]) => `INSERT INTO Programs VALUES (${q(n)},${q(s)},${q(p)});`).join("")}COMMIT;`
const CHANNEL_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ["readelf", "x86_64-linux", "binutils"], ["objdump", "x86_64-linux", "binutils"], ["dig", "x86_64-linux", "bind"],
  ["7z", "x86_64-linux", "p7zip"], ["rg", "x86_64-linux", "ripgrep"], ["hello", "x86_64-linux", "hello"],
  ["dig", "aarch64-linux", "bind"]
]

/** What sqlite3 itself reads from a table, one "a|b|c" line a row, sorted. */
const sqlite3Rows = (path: string, table: string) =>
  spawnSync("sqlite3", [path, `SELECT name, system, package FROM ${table}`], { encoding: "utf8", maxBuffer: 64 << 20 }).stdout.trim().split("\n").sort()

const noNix = Layer.succeed(Nix, {
  run: () => Effect.die("no Nix here"), exec: () => Effect.die("no Nix here"), stream: () => Stream.die("no Nix here"),
  which: () => Effect.succeed(undefined)
})

/** A tiny package listing in nix-env's format. */
const listing = (path: string) => {
  const pkg = (pname: string, description: string) => ({ name: `${pname}-1.0`, pname, version: "1.0", meta: { description } })
  writeFileSync(path, JSON.stringify({
    binutils: pkg("binutils", "Tools for manipulating binaries (linker, assembler, etc.)"),
    bind: pkg("bind", "Domain name server"),
    p7zip: pkg("p7zip", "A port of the 7-zip archiver"),
    ripgrep: pkg("ripgrep", "A utility that combines the usability of The Silver Searcher with the raw speed of grep"),
    readelf: pkg("readelf", "Something else that happens to be called readelf"),
    imagemagick: pkg("imagemagick", "A software suite to create, edit, compose, or convert bitmap images"),
    hello: pkg("hello", "A program that produces a familiar, friendly greeting")
  }))
  return path
}

const describeSqlite = hasSqlite3 || requireTools ? describe : describe.skip

describeSqlite("reading SQLite tables without SQLite", () => {
  it("has the sqlite3 tool the tests need", () => {
    expect(hasSqlite3, "install sqlite3 (Debian: apt-get install sqlite3)").toBe(true)
  })

  it("reads every row, as sqlite3 does: rowid and WITHOUT ROWID tables, overflow pages, small and large pages", () => {
    const many = Array.from({ length: 5000 }, (_, i) => [`cmd${i}-${"x".repeat(i % 700)}`, "x86_64-linux", `pkg${i % 97}`] as const)
    const big = [["y".repeat(20_000), "x86_64-linux", "big"]] as const
    const cases = [
      sqlite("rowid.sqlite", PROGRAMS + insert([...CHANNEL_ROWS, ...many])),
      sqlite("small-pages.sqlite", `PRAGMA page_size=512;${PROGRAMS}${insert([...CHANNEL_ROWS, ...big, ...many.slice(0, 500)])}`),
      sqlite("large-pages.sqlite", `PRAGMA page_size=65536;${PROGRAMS}${insert([...CHANNEL_ROWS, ...big])}`),
      sqlite("without-rowid.sqlite", `${PROGRAMS.replace(/;$/, " WITHOUT ROWID;")}${insert([...CHANNEL_ROWS, ...many.slice(0, 2000)])}`)
    ]
    for (const path of cases) {
      const rows = readSqliteTable(readFileSync(path), "programs")
      expect(rows.map((r) => `${r["name"]}|${r["system"]}|${r["package"]}`).sort(), path).toEqual(sqlite3Rows(path, "Programs"))
    }
  })

  it("says what is wrong with a file it cannot read", () => {
    const good = readFileSync(sqlite("good.sqlite", PROGRAMS + insert(CHANNEL_ROWS)))
    const fails = (bytes: Uint8Array, table = "Programs") => {
      try {
        readSqliteTable(bytes, table)
      } catch (e) {
        expect(e).toBeInstanceOf(SqliteError)
        return (e as Error).message
      }
      return "no error"
    }
    expect(fails(Buffer.from("not a database at all"))).toContain("not an SQLite 3 database")
    expect(fails(good.subarray(0, good.length - 100))).toContain("truncated")
    expect(fails(good, "Nope")).toContain("no table Nope")
    const scrambled = Buffer.from(good)
    scrambled.fill(0xee, 100, good.length) // the schema page and the table's pages are garbage
    expect(fails(scrambled)).not.toBe("no error")
  })

  it("keeps one system's programs (all when the database has none of it)", () => {
    const rows = readSqliteTable(readFileSync(sqlite("sys.sqlite", PROGRAMS + insert(CHANNEL_ROWS))), "Programs")
    const x86 = programsFromRows(rows, "x86_64-linux")
    expect(typeof x86 !== "string" && x86.get("dig")).toEqual(["bind"])
    const riscv = programsFromRows(rows, "riscv64-linux")
    expect(typeof riscv !== "string" && riscv.get("readelf")).toEqual(["binutils"])
    expect(programsFromRows([], "x86_64-linux")).toContain("empty")
  })
})

describeSqlite("index build with a programs database", () => {
  const from = listing(join(dir, "packages.json"))
  const programs = sqlite("programs.sqlite", PROGRAMS + insert(CHANNEL_ROWS))

  it.live("--programs FILE: provides answers for certain, and search puts the command's package first", () => Effect.gen(function*() {
    const out = join(dir, "with", "index")
    const res = yield* buildIndex({ from, out, programs }).pipe(Effect.provide(noNix))
    expect(res.status.programs).toBe(programs)
    const r = openIndexReader(out)
    for (const [cmd, pkg] of [["readelf", "binutils"], ["dig", "bind"], ["7z", "p7zip"]] as const) {
      expect(r.provides(cmd)[0], cmd).toMatchObject({ attrPath: pkg, certain: true })
      expect(r.provides(cmd)[0]!.reason).toContain("programs database")
    }
    // Only the database is believed: the package merely named readelf is not said to have it for certain.
    expect(r.provides("readelf").filter((h) => h.certain).map((h) => h.attrPath)).toEqual(["binutils"])
    expect(r.search("7z", 3).hits[0]!.attrPath).toBe("p7zip")
    r.close()
    const answer = yield* providesAnswer("dig").pipe(Effect.provide(Layer.succeed(PackageIndex, makePackageIndex(out, () => openIndexReader(out)).service)))
    expect(answer).toMatchObject({ _tag: "Answer", answer: { _tag: "provides", candidates: [{ attrPath: "bind", certain: true }] } })
    expect(JSON.stringify(answer)).not.toContain("guess")
  }))

  it.live("without one, provides guesses and says so", () => Effect.gen(function*() {
    const out = join(dir, "without", "index")
    const res = yield* buildIndex({ from, out }).pipe(Effect.provide(noNix))
    expect(res.status.programs).toBeNull()
    const answer = yield* providesAnswer("7z").pipe(Effect.provide(Layer.succeed(PackageIndex, makePackageIndex(out, () => openIndexReader(out)).service)))
    expect(answer).toMatchObject({ answer: { candidates: [{ attrPath: "p7zip", certain: false }] } })
    expect(JSON.stringify(answer)).toContain("guesses")
    // The other commands of well-known multi-command packages (knownCommands.ts MULTI_COMMAND_PACKAGES).
    const r = openIndexReader(out)
    expect(r.provides("readelf")[0]).toMatchObject({ attrPath: "binutils", certain: false })
    // A command nixpkgs 19.09 never names, placed by Debian's file lists (debianCommands.generated.ts:
    // imagemagick's /usr/bin/identify-im6.q16, linked as identify), still a guess.
    expect(r.provides("identify")[0]).toMatchObject({ attrPath: "imagemagick", certain: false })
    expect(r.provides("identify")[0]!.reason).toContain("Debian")
    expect(r.search("identify", 3).hits[0]!.attrPath).toBe("imagemagick")
    r.close()
  }))

  it.live("a channel build uses the channel's own programs.sqlite", () => Effect.gen(function*() {
    const channel = join(dir, "channel-nixos")
    mkdirSync(channel, { recursive: true })
    writeFileSync(join(channel, "programs.sqlite"), readFileSync(programs))
    const calls: Array<NixCommand> = []
    const nix = Layer.succeed(Nix, {
      run: (cmd) => Effect.sync(() => { calls.push(cmd); return { argv: cmd.argv, exitCode: 0, stdout: readFileSync(from, "utf8"), stderr: "" } }),
      exec: (cmd) => Effect.sync(() => {
        calls.push(cmd)
        const findFile = cmd.argv.includes("--find-file")
        return { argv: cmd.argv, exitCode: 0, stdout: findFile ? `${channel}\n` : "\"19.09.1\"", stderr: "" }
      }),
      stream: () => Stream.empty,
      which: () => Effect.succeed(undefined)
    })
    const out = join(dir, "channel", "index")
    const res = yield* buildIndex({ out }).pipe(Effect.provide(nix))
    expect(calls.map((c) => c.argv)).toContainEqual(["nix-instantiate", "--find-file", "nixpkgs"])
    expect(calls.every((c) => !c.mutating)).toBe(true)
    expect(res.status.programs).toBe(join(channel, "programs.sqlite"))
    const r = openIndexReader(out)
    expect(r.provides("readelf")[0]).toMatchObject({ attrPath: "binutils", certain: true })
    r.close()
  }))

  it.live("--programs with a missing or corrupt file: a clear error, and the old index is kept", () => Effect.gen(function*() {
    const out = join(dir, "kept", "index")
    yield* buildIndex({ from, out }).pipe(Effect.provide(noNix))
    const before = readFileSync(out)
    const corrupt = join(dir, "corrupt.sqlite")
    writeFileSync(corrupt, Buffer.concat([Buffer.from("SQLite format 3\u0000"), Buffer.alloc(4096 - 16, 0x41)]))
    const notSqlite = join(dir, "not.sqlite")
    writeFileSync(notSqlite, "hello")
    for (const [file, says] of [[join(dir, "missing.sqlite"), "cannot read it (ENOENT)"], [corrupt, "page size"], [notSqlite, "not an SQLite 3 database"]] as const) {
      const res = yield* Effect.either(buildIndex({ from, out, programs: file }).pipe(Effect.provide(noNix)))
      expect(Either.isLeft(res), file).toBe(true)
      if (Either.isLeft(res)) {
        expect(res.left._tag).toBe("ImportFailed")
        const message = userMessage(res.left)
        expect(message).toContain(file)
        expect(message).toContain(says)
        expect(message).toContain("--programs")
        expect(message).toContain("existing index was left as it was")
      }
      expect(Buffer.compare(readFileSync(out), before)).toBe(0)
    }
  }))
})
