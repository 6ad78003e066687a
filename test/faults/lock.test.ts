/**
 * The profile lock (issue 17, item 1) beyond the concurrent rounds: a holder that stays is waited for
 * with a message and, past the bound (ASK_NIX_LOCK_WAIT), refused with "another ask-nix is changing
 * this profile"; a holder that was killed (SIGKILL: no finalizer ran) leaves a lock that the next
 * ask-nix recognises as abandoned. Real Nix (both versions), `nix profile` backend: the lock is ask-nix's own.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs"
import { hostname } from "node:os"
import { spawnSync } from "node:child_process"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { formatOwner, isStale, lockPathOf, parseOwner, startTimeFromStat } from "../../src/domain/profile/lockOwner.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { askNix, ensureBuilt, hasProgram, sandboxArgs, startAskNix } from "./support.js"

const startOf = (pid: number) => startTimeFromStat(readFileSync(`/proc/${pid}/stat`, "utf8")) ?? null

describe("lock owners (pure)", () => {
  it("reads the start time past a command name with spaces and parentheses", () => {
    const stat = "4242 (node (x) y) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 987654 20 21"
    expect(startTimeFromStat(stat)).toBe("987654")
  })
  it("stale: the holder is gone, or its pid now belongs to a process started at another time", () => {
    const owner = { pid: 10, start: "100", host: "h", token: "t", since: "2026-01-01T00:00:00Z" }
    expect(isStale(owner, { _tag: "gone" }, 0)).toBe(true)
    // Killed outright, but the Nix it started still runs (and will switch the profile): held.
    expect(isStale(owner, { _tag: "orphans", pids: [11] }, 0)).toBe(false)
    expect(isStale(owner, { _tag: "running", start: "100" }, 0)).toBe(false)
    expect(isStale(owner, { _tag: "running", start: "101" }, 0)).toBe(true)
    expect(isStale(owner, { _tag: "unknown" }, 1e9)).toBe(false)
    // A file being written (not yet parseable) is held, unless it is old.
    expect(isStale(undefined, { _tag: "unknown" }, 500)).toBe(false)
    expect(isStale(undefined, { _tag: "unknown" }, 60_000)).toBe(true)
    expect(parseOwner(formatOwner(owner))).toEqual(owner)
    expect(parseOwner("garbage")).toBeUndefined()
  })
})

describeNix("the profile lock on real Nix", (nix) => {
  let sb: Sandbox
  const lock = () => lockPathOf(sb.profile)
  beforeAll(() => {
    ensureBuilt()
    sb = makeSandbox("lock")
    expect(askNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "install", "greet"]).code).toBe(0)
  })
  afterAll(() => sb.cleanup())

  it("a holder that stays: waited for, then refused past the bound; nothing changed", () => {
    writeFileSync(lock(), formatOwner({ pid: process.pid, start: startOf(process.pid), host: hostname(), token: "test", since: new Date().toISOString() }))
    const before = sb.snapshot()
    const t0 = Date.now()
    const r = askNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "install", "hello"], { ASK_NIX_LOCK_WAIT: "1" })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Waiting for another ask-nix that is changing this profile/)
    expect(r.stderr).toMatch(/Another ask-nix is changing this profile/)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000)
    expect(sb.snapshot()).toBe(before)
    expect(JSON.parse(readFileSync(lock(), "utf8")).token).toBe("test") // not taken over
  }, 60_000)

  it("a holder that is gone (its pid free, or reused by another process): the lock is broken", () => {
    const dead = spawnSync("true").pid!
    writeFileSync(lock(), formatOwner({ pid: dead, start: "1", host: hostname(), token: "dead", since: new Date().toISOString() }))
    const r = askNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "install", "hello"], { ASK_NIX_LOCK_WAIT: "5" })
    expect(r.code, r.stderr).toBe(0)
    expect(hasProgram(sb, "hello")).toBe(true)
    expect(existsSync(lock())).toBe(false)
    // A live process of another start time than the one recorded: the pid was reused.
    writeFileSync(lock(), formatOwner({ pid: process.pid, start: "1", host: hostname(), token: "reused", since: new Date().toISOString() }))
    expect(askNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "remove", "hello"], { ASK_NIX_LOCK_WAIT: "5" }).code).toBe(0)
    expect(existsSync(lock())).toBe(false)
  }, 60_000)

  it("a holder killed with SIGKILL: the next ask-nix goes ahead", async () => {
    // slow's build is held open until the next ask-nix has been seen waiting: however slow this machine
    // is to start it, the killed holder's Nix is still running then.
    const held = sb.holdSlow()
    const run = startAskNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "install", "slow"])
    await run.waitFor(/slow step|slow: held|building/)
    expect(existsSync(lock())).toBe(true)
    run.kill("SIGKILL")
    await run.done
    // The killed holder's Nix (in a process group of its own) still builds slow and will switch the
    // profile: the next ask-nix waits for it, so that neither change is lost.
    const next = startAskNix(nix, sb, [...sandboxArgs(sb, "profile"), "--execute", "install", "hello"], { ASK_NIX_LOCK_WAIT: "30" })
    const waited = await Promise.race([
      next.waitFor(/Waiting for another ask-nix that is changing this profile/).then(() => true, () => false),
      next.done.then(() => false)
    ])
    held.release()
    const r = await next.done
    expect(waited, `it did not wait: ${r.stderr}`).toBe(true)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/Waiting for another ask-nix that is changing this profile/)
    expect(hasProgram(sb, "hello")).toBe(true)
    expect(hasProgram(sb, "slow")).toBe(true)
    expect(existsSync(lock())).toBe(false)
  }, 60_000)
})
