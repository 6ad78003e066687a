/**
 * `ask-nix index build` as a person runs it (the bundled CLI): --programs makes `provides` certain, a bad
 * --programs file fails clearly and keeps the old index, --url downloads with progress on stderr.
 * Needs sqlite3 to make a programs database (CI installs it; skipped on a developer machine without it).
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { brotliCompressSync } from "node:zlib"

const bin = fileURLToPath(new URL("../../bin/ask-nix.mjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "ask-nix-cli-index-"))
const hasSqlite3 = spawnSync("sqlite3", ["-version"]).status === 0
const env = { ...process.env, XDG_STATE_HOME: join(dir, "state"), XDG_CACHE_HOME: join(dir, "cache") }

/** Runs the CLI without blocking the event loop (the test's HTTP server must keep answering). */
const askNix = (args: ReadonlyArray<string>) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(process.execPath, [bin, ...args], { env })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (d) => { stdout += d })
  child.stderr.on("data", (d) => { stderr += d })
  child.on("close", (status) => resolve({ status, stdout, stderr }))
})
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, any>

const pkg = (pname: string, description: string) => ({ name: `${pname}-1.0`, pname, version: "1.0", meta: { description } })
const listing = JSON.stringify({
  version: 2,
  packages: {
    binutils: pkg("binutils", "Tools for manipulating binaries (linker, assembler, etc.)"),
    bind: pkg("bind", "Domain name server"),
    p7zip: pkg("p7zip", "A port of the 7-zip archiver"),
    hello: pkg("hello", "A program that produces a familiar, friendly greeting")
  }
})
const from = join(dir, "packages.json")
writeFileSync(from, listing)
const index = join(dir, "index")

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!hasSqlite3 && process.env["ASK_NIX_REQUIRE_NIX"] !== "1")("index build --programs", () => {
  const programs = join(dir, "programs.sqlite")
  beforeAll(() => {
    const sql = "CREATE TABLE Programs (name text not null, system text not null, package text not null, primary key (name, system, package));" +
      "INSERT INTO Programs VALUES ('readelf','x86_64-linux','binutils'),('dig','x86_64-linux','bind'),('7z','x86_64-linux','p7zip');"
    expect(spawnSync("sqlite3", [programs], { input: sql }).status).toBe(0)
  })

  it("makes provides certain, and index status says where commands come from", async () => {
    const build = await askNix(["--index", index, "index", "build", "--from", from, "--programs", programs])
    expect(build.status, build.stderr).toBe(0)
    expect(build.stdout).toContain(`commands: from ${programs} (certain)`)
    const provides = await askNix(["--index", index, "--json", "provides", "readelf"])
    expect(provides.status, provides.stderr).toBe(0)
    const result = lastJson(provides.stdout)
    expect(result["candidates"][0]).toMatchObject({ attrPath: "binutils", certain: true })
    expect(result["note"]).toBeUndefined()
  })

  it("a missing or corrupt --programs file fails with a message and exit 1, and the old index stays", async () => {
    const before = readFileSync(index)
    const corrupt = join(dir, "corrupt.sqlite")
    writeFileSync(corrupt, "SQLite format 3\u0000 but nothing else")
    for (const file of [join(dir, "missing.sqlite"), corrupt]) {
      const run = await askNix(["--index", index, "index", "build", "--from", from, "--programs", file])
      expect(run.status, file).toBe(1)
      expect(run.stderr).toContain(file)
      expect(run.stderr).toContain("--programs")
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
      expect(Buffer.compare(readFileSync(index), before)).toBe(0)
    }
  })
})

describe("index build --url", () => {
  let server: Server
  let url = ""
  const br = brotliCompressSync(Buffer.from(listing.padEnd(300_000, " ")))
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-length": br.length })
      let at = 0
      const step = () => {
        if (at >= br.length) { res.end(); return }
        res.write(br.subarray(at, at + 64))
        at += 64
        setTimeout(step, 2)
      }
      step()
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nixos-19.09.2201.8731aaaf8b3/packages.json.br`
  })
  afterAll(async () => { await new Promise((resolve) => server.close(resolve)) })

  it("downloads, shows progress on stderr, and records the release", async () => {
    const run = await askNix(["--index", join(dir, "url-index"), "index", "build", "--url", url])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/Downloading .*\[#+\.*\]\s+\d+%/)
    expect(run.stderr).toContain("100%")
    expect(run.stdout).toContain("revision: nixos-19.09.2201.8731aaaf8b3")
    expect(run.stdout).toContain("packages: 4")
  })

  it("under --json, progress events carry the bytes", async () => {
    const run = await askNix(["--index", join(dir, "url-index-json"), "--json", "index", "build", "--url", url])
    expect(run.status, run.stderr).toBe(0)
    const events = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>).filter((e) => e["type"] === "progress" && e["bytes"] !== undefined)
    expect(events.length).toBeGreaterThan(1)
    expect(events.at(-1)!["bytes"]).toEqual({ received: br.length, total: br.length })
  })
})
