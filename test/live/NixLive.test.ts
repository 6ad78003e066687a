/** The live choke point against real Nix: exit codes, stderr mapping, dry-run refusal, streaming, interruption. */
import { it } from "@effect/vitest"
import { Cause, Effect, Exit, Fiber, Stream } from "effect"
import { existsSync } from "node:fs"
import { afterEach, expect } from "vitest"
import { Nix } from "../../src/services/Nix.js"
import { describeNix } from "../support/describeNix.js"
import { liveLayer } from "../support/liveLayer.js"
import { processesMentioning } from "../support/processes.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

describeNix("NixLive", (nix) => {
  const sandboxes: Array<Sandbox> = []
  const sandbox = () => { const s = makeSandbox("live"); sandboxes.push(s); return s }
  afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })

  it.live("runs nix --version and reports this version", () =>
    Effect.gen(function*() {
      const n = yield* Nix
      const r = yield* n.run({ argv: ["nix", "--version"], mutating: false, timeoutMs: 20_000 })
      expect(r.exitCode).toBe(0)
      expect(r.stdout).toContain(nix.version)
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))

  it.live("interactive commands get the terminal and report their exit code", () =>
    Effect.gen(function*() {
      const n = yield* Nix
      const ok = yield* n.run({ argv: ["nix", "--version"], mutating: false, interactive: true })
      expect(ok.exitCode).toBe(0)
      const bad = yield* n.exec({ argv: ["nix", "no-such-subcommand"], mutating: false, interactive: true })
      expect(bad.exitCode).not.toBe(0)
      expect((yield* Effect.flip(n.run({ argv: ["nix-does-not-exist-here"], mutating: false, interactive: true })))._tag).toBe("NixNotFound")
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))

  it.live("a missing program is NixNotFound", () =>
    Effect.gen(function*() {
      const n = yield* Nix
      const e = yield* Effect.flip(n.run({ argv: ["nix-does-not-exist-here"], mutating: false }))
      expect(e._tag).toBe("NixNotFound")
      expect(yield* n.which("nix")).toBe(`${nix.binDir}/nix`)
      expect(yield* n.which("nix-does-not-exist-here")).toBeUndefined()
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))

  it.live("a non-zero exit fails with the mapped error; exec returns it", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const n = yield* Nix
      const argv = ["nix-env", "-f", s.pkgs, "-qaA", "nope", "--json"]
      const e = yield* Effect.flip(n.run({ argv, mutating: false }))
      expect(e._tag).toBe("PackageNotFound")
      const r = yield* n.exec({ argv, mutating: false })
      expect(r.exitCode).not.toBe(0)
      expect(r.stderr).toContain("nope")
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))

  it.live("refuses a mutating command in dry-run as a defect, without running it", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const n = yield* Nix
      const exit = yield* Effect.exit(n.run({ argv: ["nix-env", "-p", s.profile, "-f", s.pkgs, "-iA", "hello"], mutating: true }))
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
      expect(Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "").toContain("refused a mutating command in dry-run")
      expect(s.snapshot()).toBe("")
    }).pipe(Effect.provide(liveLayer(nix, { execute: false }))))

  it.live("streams progress events while the build runs, then succeeds", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const n = yield* Nix
      const start = Date.now()
      const seen: Array<{ tag: string; line?: string; at: number }> = []
      yield* n.stream({
        argv: ["nix-env", "-p", s.profile, "-f", s.pkgs, "-iA", "slow", "--log-format", "internal-json", "-v"],
        mutating: true
      }).pipe(Stream.runForEach((e) => Effect.sync(() => seen.push({ tag: e._tag, ...(e._tag === "BuildLogLine" ? { line: e.line } : {}), at: Date.now() - start }))))
      const end = Date.now() - start
      const logs = seen.filter((e) => e.tag === "BuildLogLine" && e.line?.startsWith("slow step"))
      expect(logs.map((l) => l.line)).toEqual(["slow step 1", "slow step 2", "slow step 3", "slow step 4"])
      // the first line arrived well before the process ended (the builder sleeps 0.5 s between lines)
      expect(end - logs[0]!.at).toBeGreaterThan(1000)
      expect(seen.some((e) => e.tag === "ActivityStarted")).toBe(true)
      expect(existsSync(`${s.profile}/bin/slow`)).toBe(true)
    }).pipe(Effect.provide(liveLayer(nix, { execute: true }))))

  it.live("a failing build fails the stream with BuildFailed and the log tail; the profile is untouched", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const n = yield* Nix
      const e = yield* Effect.flip(n.stream({
        argv: ["nix-env", "-p", s.profile, "-f", s.pkgs, "-iA", "broken", "--log-format", "internal-json", "-v"],
        mutating: true
      }).pipe(Stream.runDrain))
      expect(e._tag).toBe("BuildFailed")
      if (e._tag === "BuildFailed") {
        expect(e.derivation).toMatch(/broken-0\.1\.drv$/)
        expect(e.logTail).toContain("error: the broken package cannot be built")
      }
      expect(s.snapshot()).toBe("")
    }).pipe(Effect.provide(liveLayer(nix, { execute: true }))))

  it.live("interrupting a stream stops Nix and leaves no half generation", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const n = yield* Nix
      const fiber = yield* n.stream({
        argv: ["nix-env", "-p", s.profile, "-f", s.pkgs, "-iA", "slow", "--log-format", "internal-json", "-v"],
        mutating: true
      }).pipe(Stream.takeUntil((e) => e._tag === "BuildLogLine" && e.line === "slow step 1"), Stream.runDrain, Effect.fork)
      yield* Fiber.join(fiber)
      // the stream ended after the first log line: the scope closed and the process group was killed
      expect(s.snapshot()).toBe("")
      yield* Effect.sleep("2500 millis")
      expect(s.snapshot()).toBe("")
    }).pipe(Effect.provide(liveLayer(nix, { execute: true }))))

  it.live("a timeout stops a long command", () =>
    Effect.gen(function*() {
      const s = sandbox()
      const n = yield* Nix
      // The build is held until released: a command the timeout does not stop never ends by itself, on
      // any machine, so the bound below only matters when the timeout is not enforced.
      const held = s.holdSlow()
      const t0 = Date.now()
      const e = yield* Effect.flip(n.run({ argv: ["nix-env", "-p", s.profile, "-f", s.pkgs, "-iA", "slow"], mutating: true, timeoutMs: 700 }))
      expect(e._tag).toBe("NixFailed")
      expect(e._tag === "NixFailed" ? e.message : "").toBe("timed out after 700 ms")
      expect(Date.now() - t0).toBeLessThan(20_000)
      expect(processesMentioning(s.dir)).toEqual([]) // stopped, not left running
      held.release()
      yield* Effect.sleep("2500 millis")
      expect(s.snapshot()).toBe("")
    }).pipe(Effect.provide(liveLayer(nix, { execute: true }))))
})
