/**
 * The worker-protocol client against real daemons of this Nix (started on a temp socket), compared
 * with what Nix's own commands say about the same store.
 */
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, expect } from "vitest"
import { cleanPreview, enrichCleanPlan } from "../../src/layers/backends/native/cleanPreview.js"
import { Clean } from "../../src/domain/Intent.js"
import type { Plan } from "../../src/domain/Plan.js"
import { connectDaemon } from "../../src/layers/daemon/DaemonClient.js"
import { gcPreview, pathSizes } from "../../src/layers/daemon/StoreQueries.js"
import { findPersistentRoots } from "../../src/layers/daemon/GcRoots.js"
import { databaseFingerprint } from "../../src/layers/daemon/StoreFingerprint.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { startDaemon, type RunningDaemon } from "./support/daemon.js"
import { isModern, run } from "./support/nixCli.js"

const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter((l) => l !== "")

/** How long a test compares two views of the shared store, waiting for a moment when no other test writes. */
const quietFor = 30_000

describeNix("Nix daemon worker protocol", (nix) => {
  let daemon: RunningDaemon
  let sb: Sandbox
  let profile: string
  const gens: Array<string> = []
  let greet1 = ""
  let greet2 = ""

  beforeAll(async () => {
    daemon = await startDaemon(nix)
    sb = makeSandbox("daemon")
    mkdirSync(join(sb.dir, "env"))
    profile = join(sb.dir, "env", "profile")
    run(nix, ["nix-env", "-p", profile, "-f", sb.pkgs, "-iA", "greet", "hello"])
    greet1 = run(nix, ["nix-store", "-q", "--outputs", run(nix, ["nix-instantiate", sb.pkgs, "-A", "greet"]).trim()]).trim()
    sb.setGreetVersion("2.0")
    run(nix, ["nix-env", "-p", profile, "-f", sb.pkgs, "-iA", "greet"])
    greet2 = run(nix, ["nix-store", "-q", "--outputs", run(nix, ["nix-instantiate", sb.pkgs, "-A", "greet"]).trim()]).trim()
    run(nix, ["nix-env", "-p", profile, "-e", "hello"])
    for (const n of [1, 2, 3]) gens.push(run(nix, ["nix-store", "-q", "--resolve", `${profile}-${n}-link`]).trim())
  })
  afterAll(async () => {
    await daemon?.stop()
    sb?.cleanup()
  })

  const session = () => connectDaemon({ socketPath: daemon.socketPath, timeoutMs: 10_000 })

  it.live("negotiates the protocol and learns the daemon's Nix version", () =>
    Effect.gen(function*() {
      const s = yield* session()
      expect(s.protocol).toBe(isModern(nix) ? "1.37" : "1.34")
      expect(s.nixVersion).toBe(nix.version)
    }).pipe(Effect.scoped))

  it.live("IsValidPath and QueryPathInfo agree with nix-store -q", () =>
    Effect.gen(function*() {
      const s = yield* session()
      expect(yield* s.isValidPath(greet2)).toBe(true)
      expect(yield* s.isValidPath("/nix/store/00000000000000000000000000000000-nothing")).toBe(false)
      const info = (yield* s.queryPathInfo(gens[2]!))!
      expect(info.narSize).toBe(Number(run(nix, ["nix-store", "-q", "--size", gens[2]!]).trim()))
      expect([...info.references].sort()).toEqual(lines(run(nix, ["nix-store", "-q", "--references", gens[2]!])).sort())
      expect(yield* s.queryPathInfo("/nix/store/00000000000000000000000000000000-nothing")).toBeUndefined()
    }).pipe(Effect.scoped))

  it.live("closure size agrees with nix path-info -S", () =>
    Effect.gen(function*() {
      const s = yield* session()
      const sizes = yield* pathSizes(s, [gens[2]!])
      const [, nar, closure] = run(nix, ["nix", "path-info", "-sS", gens[2]!]).trim().split(/\s+/)
      expect(sizes).toEqual({ narSize: Number(nar), closureSize: Number(closure) })
    }).pipe(Effect.scoped))

  it.live("FindRoots reports the profile's generation links", () =>
    Effect.gen(function*() {
      const s = yield* session()
      const roots = yield* s.findRoots
      for (const n of [1, 2, 3]) {
        expect(roots).toContainEqual({ link: `${profile}-${n}-link`, target: gens[n - 1] })
      }
    }).pipe(Effect.scoped))

  it.live("persistent roots found in-process agree with the daemon's FindRoots (less running programs)", () =>
    Effect.gen(function*() {
      const s = yield* session()
      const key = (r: { link: string; target: string }) => `${r.link} -> ${r.target}`
      let last = { mine: [] as Array<string>, theirs: [] as Array<string> }
      for (let attempt = 0; attempt < 6; attempt++) {
        const valid = new Set(yield* s.queryAllValidPaths)
        const theirs = (yield* s.findRoots).filter((r) => !r.link.startsWith("/proc/") && !r.link.startsWith("{")).map(key).sort()
        const mine = (yield* findPersistentRoots()).filter((r) => valid.has(r.target)).map(key).sort()
        last = { mine, theirs }
        if (JSON.stringify(mine) === JSON.stringify(theirs)) break
        yield* Effect.sleep("300 millis")
      }
      // Other tests of a parallel suite make and delete profiles meanwhile: their roots may differ
      // between the two views; this test's own roots must agree exactly.
      const ours = (xs: ReadonlyArray<string>) => xs.filter((x) => x.startsWith(sb.dir))
      expect(ours(last.mine)).toEqual(ours(last.theirs))
      const differing = [...last.mine.filter((x) => !last.theirs.includes(x)), ...last.theirs.filter((x) => !last.mine.includes(x))]
      expect(differing.length, JSON.stringify(differing)).toBeLessThanOrEqual(4)
      expect(last.mine).toContain(`${profile}-3-link -> ${gens[2]}`)
    }).pipe(Effect.scoped))

  it.live("the dead paths agree with nix-store --gc --print-dead", () =>
    Effect.gen(function*() {
      // The store is shared with other tests (and other test runs) that build concurrently. Nix's own view is
      // taken just before and just after ours: a path on which those two agree was stable while we looked,
      // and ours must agree with it; a path they disagree on was in flux and proves nothing either way.
      let last = { mine: [] as ReadonlyArray<string>, wrong: [] as ReadonlyArray<string> }
      for (let attempt = 0; attempt < 8; attempt++) {
        const s = yield* session()
        const before = new Set(lines(run(nix, ["nix-store", "--gc", "--print-dead"])))
        const mine = (yield* gcPreview(s, { roots: "all" })).dead
        const after = new Set(lines(run(nix, ["nix-store", "--gc", "--print-dead"])))
        const mineSet = new Set(mine)
        const stable = [...new Set([...before, ...after, ...mine])].filter((p) => before.has(p) === after.has(p))
        last = { mine, wrong: stable.filter((p) => mineSet.has(p) !== before.has(p)) }
        if (last.wrong.length === 0) break
        yield* Effect.sleep("500 millis")
      }
      expect(last.wrong).toEqual([])
      expect(last.mine).not.toContain(greet1) // generation 1 still roots it
    }).pipe(Effect.scoped))

  it.live("enrichCleanPlan adds the preview to a clean plan, and says so when there is no daemon and no other way", () =>
    Effect.gen(function*() {
      const plan: Plan = { backend: "nix-env", intent: new Clean({ keep: 2 }), steps: [], notes: ["Would delete generation 1."], preview: { deadPaths: 0 } }
      const enriched = yield* enrichCleanPlan(plan, profile, { socketPath: daemon.socketPath })
      expect(enriched.notes[0]).toBe("Would delete generation 1.")
      expect(enriched.notes[1]).toMatch(/^Would free .* after deleting generations 1\)\.$/)
      expect(enriched.preview).toMatchObject({ deletedGenerations: [1] })
      expect(enriched.preview?.["wouldFreeBytes"]).toBeGreaterThan(0)
      const without = yield* enrichCleanPlan(plan, profile, { socketPath: `${sb.dir}/none`, timeoutMs: 300 })
      expect(without.notes).toEqual([...plan.notes, expect.stringMatching(/^\(How much this would free could not be worked out: Nix daemon at .*none: cannot connect/)])
      expect(without.preview).toEqual(plan.preview)
    }))

  it.live("the store snapshot gives the same answer, asks the daemon only for new paths, and none while the database is unchanged", () =>
    Effect.gen(function*() {
      const s = yield* session()
      const asked: Array<number> = []
      const counting = { ...s, queryPathInfos: (ps: ReadonlyArray<string>) => { asked.push(ps.length); return s.queryPathInfos(ps) } }
      const cacheFile = join(sb.dir, "cache", "store-snapshot")
      writeFileSync(join(sb.dir, "broken"), "{ not a snapshot")
      const cold = yield* gcPreview(counting, { cacheFile: join(sb.dir, "broken") })
      expect(cold.source).toBe("daemon")
      expect(asked[0]).toBe(cold.validPaths) // a broken snapshot is ignored: everything is asked
      yield* gcPreview(s, { cacheFile })
      asked.length = 0
      // Other tests change the store meanwhile: compare a snapshot and a daemon view taken back to back,
      // until a pair agrees and one of them came from the snapshot alone (the database was quiet). The
      // tries go on for a while, not a count of them: on a busy machine each try takes longer and is
      // more often disturbed; 30 s of disagreement only happens when the snapshot is wrong.
      let last = { warm: [] as ReadonlyArray<string>, plain: [] as ReadonlyArray<string> }
      const sources = new Set<string>()
      for (const until = Date.now() + quietFor; Date.now() < until;) {
        const warm = yield* gcPreview(counting, { cacheFile })
        const plain = yield* gcPreview(s)
        sources.add(warm.source)
        last = { warm: warm.dead, plain: plain.dead }
        if (JSON.stringify(warm.dead) === JSON.stringify(plain.dead) && warm.source === "snapshot") break
        yield* Effect.sleep("300 millis")
      }
      expect(last.warm).toEqual(last.plain)
      expect(sources.has("snapshot")).toBe(true)
      for (const n of asked) expect(n).toBeLessThan(cold.validPaths / 10) // only paths added by concurrent tests
    }).pipe(Effect.scoped))

  it.live("a path added to the store after the snapshot shows up in the next preview (the database fingerprint changed)", () =>
    Effect.gen(function*() {
      const cacheFile = join(sb.dir, "cache", "store-snapshot-2")
      const before = databaseFingerprint("/nix/var/nix")
      yield* gcPreview(session(), { cacheFile })
      const file = join(sb.dir, `added-${Date.now()}.txt`)
      writeFileSync(file, `added after the snapshot ${Math.random()}\n`)
      const added = run(nix, ["nix-store", "--add", file]).trim()
      expect(databaseFingerprint("/nix/var/nix")).not.toBe(before)
      const after = yield* gcPreview(session(), { cacheFile })
      expect(after.source).toBe("snapshot+daemon")
      expect(after.dead).toContain(added) // nothing roots it
    }))

  it.live("a read-only daemon session leaves the database fingerprint as it was", () =>
    Effect.gen(function*() {
      // Writes by concurrent tests also change it: it must stay the same across at least one quiet try
      // (tried for 30 s: only a session that writes itself changes it every time).
      let same = false
      for (const until = Date.now() + quietFor; Date.now() < until && !same;) {
        const before = databaseFingerprint("/nix/var/nix")
        yield* Effect.scoped(Effect.flatMap(session(), (s) => s.queryAllValidPaths))
        same = before !== undefined && databaseFingerprint("/nix/var/nix") === before
        if (!same) yield* Effect.sleep("200 millis")
      }
      expect(same).toBe(true)
    }))

  it.live("clean's preview: old generations' paths would go, and Nix agrees once they are deleted", () =>
    Effect.gen(function*() {
      const preview = yield* cleanPreview(profile, undefined, { socketPath: daemon.socketPath, timeoutMs: 10_000 })
      expect(preview.deletedGenerations).toEqual([1, 2])
      expect(preview.deadPaths).toContain(greet1)
      expect(preview.deadPaths).toContain(gens[0])
      expect(preview.deadPaths).toContain(gens[1])
      expect(preview.deadPaths).not.toContain(gens[2])
      expect(preview.deadPaths).not.toContain(greet2)
      expect(preview.freedBytes).toBeGreaterThan(0)
      expect(preview.note).toMatch(/^Would free [\d.]+ (bytes|KiB|MiB) \(\d+ store paths, after deleting generations 1, 2\)\.$/)
      const mineHere = preview.deadPaths.filter((p) => [greet1, ...gens].includes(p))

      run(nix, ["nix-env", "-p", profile, "--delete-generations", "old"])
      const theirs = lines(run(nix, ["nix-store", "--gc", "--print-dead"]))
      expect(theirs.filter((p) => [greet1, ...gens].includes(p)).sort()).toEqual([...mineHere].sort())
      const keep1 = yield* cleanPreview(profile, 1, { socketPath: daemon.socketPath })
      expect(keep1.deletedGenerations).toEqual([])
    }))
})
