/**
 * Honest health checks of the package index (issue 17, item 8), through the shipped binary:
 * - `index status` on damaged index files (any byte of any section, the padding, the tail): never
 *   "healthy" (exit 0), always a message that says what is wrong and to run `ask-nix index build`;
 * - search with a missing or damaged index says why and suggests `ask-nix index build`, instead of
 *   falling back to a search that evaluates all of nixpkgs;
 * - `index build` stopped by Ctrl-C or SIGTERM stops, exits 128 + n, and keeps the old index.
 * No Nix is needed: the index is built from an import file.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Effect, Either } from "effect"
import { userMessage } from "../../src/domain/errors.js"
import { indexStatus } from "../../src/layers/index/indexStatus.js"
import { bin, ensureBuilt, recordFaults } from "./support.js"
import { spawn } from "node:child_process"

const damagedFiles = 60

/** A `nix-env -qaP --json --meta` listing of `n` made-up packages. */
const listing = (n: number): string => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => {
  const name = `pkg${i}${["tool", "viewer", "editor", "lib"][i % 4]}`
  return [name, {
    name: `${name}-1.${i % 10}`, pname: name, version: `1.${i % 10}`, system: "x86_64-linux", outputName: "out",
    meta: { description: `A ${["pdf", "text", "image", "audio"][i % 4]} ${["viewer", "editor", "tool", "library"][i % 3]} number ${i}`, homepage: `https://example.org/${name}`, license: { spdxId: "MIT" } }
  }]
})))

describe("the package index under damage and signals", () => {
  let dir: string
  let good: Buffer
  const index = () => join(dir, "index")
  const askNix = (...args: Array<string>) =>
    spawnSync(process.execPath, [bin, "--index", index(), ...args], {
      encoding: "utf8", timeout: 60_000,
      // No Nix on PATH: a fallback search that starts Nix would fail loudly instead of hiding.
      env: { ...process.env, HOME: dir, XDG_CACHE_HOME: join(dir, "cache"), XDG_STATE_HOME: join(dir, "state"), PATH: "/nonexistent" }
    })

  beforeAll(() => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), "ask-nix-faults-index-"))
    writeFileSync(join(dir, "small.json"), listing(3000))
    writeFileSync(join(dir, "big.json"), listing(60_000))
    const built = askNix("index", "build", "--from", join(dir, "small.json"))
    expect(built.status, built.stderr).toBe(0)
    good = readFileSync(index())
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(`index status: ${damagedFiles} damaged files, none reported healthy`, async () => {
    const healthy: Array<string> = []
    let seed = 17
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    for (let i = 0; i < damagedFiles; i++) {
      const bytes = Buffer.from(good)
      // Spread over the file: preamble and header (the first few), sections, the padding and the tail.
      const at = i < 6 ? Math.floor(rand() * Math.min(bytes.length, 2000)) : Math.floor(rand() * bytes.length)
      bytes[at] = bytes[at]! ^ (1 + Math.floor(rand() * 255))
      writeFileSync(index(), bytes)
      // What `index status` runs, in-process; every tenth file through the binary as well.
      const status = await Effect.runPromise(Effect.either(indexStatus(index())))
      if (Either.isRight(status)) healthy.push(`byte ${at}`)
      else expect(userMessage(status.left), `byte ${at}`).toMatch(/ask-nix index build/)
      if (i % 10 === 0) {
        const r = askNix("index", "status")
        if (r.status === 0) healthy.push(`byte ${at} (binary)`)
        else expect(r.stderr, `byte ${at}`).toMatch(/ask-nix index build/)
      }
    }
    writeFileSync(index(), good)
    expect(askNix("index", "status").status).toBe(0)
    recordFaults("index status on damaged index files", damagedFiles, new Set(healthy.map((h) => h.replace(" (binary)", ""))).size)
    expect(healthy).toEqual([])
  }, 120_000)

  it("search on a missing or damaged index says why and how to rebuild it, without a slow search", () => {
    const failures: Array<string> = []
    const cases: Array<[string, () => void]> = [
      ["missing", () => rmSync(index(), { force: true })],
      ["damaged", () => {
        const bytes = Buffer.from(good)
        for (let k = Math.floor(bytes.length / 2); k < bytes.length; k += 97) bytes[k] = bytes[k]! ^ 0xff
        writeFileSync(index(), bytes)
      }]
    ]
    for (const [what, make] of cases) {
      make()
      const r = askNix("search", "pdf", "viewer")
      if (r.status === 0 || !/ask-nix index build/.test(r.stderr) || /searching with Nix/i.test(r.stderr)) {
        failures.push(`${what}: exit ${r.status}, ${r.stderr.trim().split("\n").slice(-2).join(" / ")}`)
      }
    }
    writeFileSync(index(), good)
    recordFaults("search on a missing or damaged index", cases.length, failures.length)
    expect(failures).toEqual([])
  }, 60_000)

  it("index build stopped by SIGINT or SIGTERM: exit 128+n, the old index kept, no temporary file left", async () => {
    const failures: Array<string> = []
    const signals: ReadonlyArray<[NodeJS.Signals, number]> = [["SIGINT", 130], ["SIGTERM", 143], ["SIGINT", 130], ["SIGTERM", 143]]
    for (const [i, [signal, code]] of signals.entries()) {
      const child = spawn(process.execPath, [bin, "--index", index(), "index", "build", "--from", join(dir, "big.json")], {
        env: { ...process.env, HOME: dir, XDG_CACHE_HOME: join(dir, "cache"), PATH: "/nonexistent" }
      })
      let stderr = ""
      const reading = new Promise<void>((ok) => child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); if (/Reading|Indexing/.test(stderr)) ok() }))
      const exited = new Promise<number | null>((ok) => child.on("close", (c) => ok(c)))
      await reading
      // Early in the read, or while indexing: both must stop before the new index replaces the old one.
      await new Promise((ok) => setTimeout(ok, i < 2 ? 50 : 600))
      child.kill(signal)
      const exit = await exited
      const kept = readFileSync(index()).equals(good)
      const temps = readdirSync(dir).filter((f) => f.includes(".tmp"))
      if (exit !== code || !kept || temps.length > 0) {
        failures.push(`${signal}: exit ${exit} (expected ${code}), old index ${kept ? "kept" : "replaced"}${temps.length > 0 ? `, left ${temps.join(", ")}` : ""}`)
        writeFileSync(index(), good)
      }
    }
    recordFaults("index build interrupted", signals.length, failures.length)
    expect(failures).toEqual([])
    expect(existsSync(index())).toBe(true)
  }, 120_000)
})
