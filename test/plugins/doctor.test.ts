/** The doctor on real things: a temp profile of mixed kinds, a live unix socket, a stale index, real Nix. */
import { Effect, Layer } from "effect"
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import type { Check } from "../../src/plugins/doctor/checks.js"
import { ProfileInspectorLive } from "../../src/layers/ProfileInspectorLive.js"
import { probeDaemon, probeDisk, probeProfile, type DoctorPaths } from "../../src/plugins/doctor/probes.js"
import { report, runChecks } from "../../src/plugins/doctor/runDoctor.js"
import { describeNix } from "../support/describeNix.js"
import { liveLayer } from "../support/liveLayer.js"
import { mockWorld } from "./support.js"

const dirs: Array<string> = []
const temp = () => { const d = mkdtempSync(join(tmpdir(), "ask-nix-doctor-")); dirs.push(d); return d }
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

/** profiles/profile -> profile-2-link; generation 1 made by nix-env, generation 2 by `nix profile`. */
const mixedProfile = (dir: string) => {
  const g1 = join(dir, "store", "g1")
  const g2 = join(dir, "store", "g2")
  mkdirSync(g1, { recursive: true })
  mkdirSync(g2, { recursive: true })
  writeFileSync(join(g1, "manifest.nix"), "[ ]")
  writeFileSync(join(g2, "manifest.json"), JSON.stringify({ version: 2, elements: [] }))
  const profiles = join(dir, "profiles")
  mkdirSync(profiles)
  symlinkSync(g1, join(profiles, "profile-1-link"))
  symlinkSync(g2, join(profiles, "profile-2-link"))
  symlinkSync("profile-2-link", join(profiles, "profile"))
  return join(profiles, "profile")
}

const paths = (dir: string, over: Partial<DoctorPaths> = {}): DoctorPaths => ({
  socketPath: join(dir, "daemon-socket"), dbDir: dir, storeDir: dir, registries: [], nixRemote: undefined, ...over
})

describe("doctor probes on a real temp setup", () => {
  it("sees a profile whose generations mix nix-env and nix profile", async () => {
    const facts = await Effect.runPromise(probeProfile(mixedProfile(temp()), [2, 26, 3]).pipe(Effect.provide(ProfileInspectorLive)))
    expect(facts).toMatchObject({ current: "profile", manifestVersion: 2, generationKinds: ["nix-env", "profile"] })
  })

  it("connects to a listening daemon socket, and tells a dead one apart", async () => {
    const dir = temp()
    const socketPath = join(dir, "socket")
    const server = createServer((c) => c.end())
    await new Promise<void>((ok) => server.listen(socketPath, ok))
    try {
      expect(await Effect.runPromise(probeDaemon(paths(dir, { socketPath })))).toMatchObject({ socketExists: true, connected: true })
    } finally {
      await new Promise((ok) => server.close(ok))
    }
    writeFileSync(socketPath, "") // a leftover file where the socket was: exists, nobody answers
    expect(await Effect.runPromise(probeDaemon(paths(dir, { socketPath })))).toMatchObject({ socketExists: true, connected: false })
    rmSync(socketPath)
    expect(await Effect.runPromise(probeDaemon(paths(dir, { socketPath })))).toMatchObject({ socketExists: false, storeWritable: true })
  })

  it("reads free space", async () => {
    const d = await Effect.runPromise(probeDisk(temp()))
    expect("freeBytes" in d && d.freeBytes > 0).toBe(true)
  })

  it("reports a missing Nix without failing, on the mock", async () => {
    const dir = temp()
    const world = mockWorld({ execute: false, nix: { missingPrograms: ["nix", "nix-channel"] }, settings: { profile: join(dir, "none"), index: join(dir, "index") } })
    const checks = await Effect.runPromise(runChecks(paths(dir)).pipe(Effect.provide(world.layer)))
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]))
    expect(byId["nix"]).toMatchObject({ status: "fail" })
    expect(byId["profile"]).toMatchObject({ status: "ok" })
    expect(byId["index"]).toMatchObject({ status: "warn" })
    expect(world.state.mutatingCalls()).toEqual([])
  })

  it("renders one line per check, fixes under problems, and a summary", () => {
    const checks: ReadonlyArray<Check> = [
      { id: "nix", title: "Nix", status: "ok", detail: "Nix 2.26.3" },
      { id: "disk", title: "Free space in the store", status: "fail", detail: "0.2 GiB free on /nix/store", fix: "Free space: ask-nix clean" }
    ]
    const o = report(checks)
    expect(o._tag === "Answer" && o.answer._tag === "custom" && o.answer.lines).toEqual([
      "ok    Nix: Nix 2.26.3",
      "FAIL  Free space in the store: 0.2 GiB free on /nix/store",
      "      fix: Free space: ask-nix clean",
      "1 problem, 0 warnings (of 2 checks)."
    ])
    expect(o._tag === "Answer" && o.answer._tag === "custom" && o.answer.data["ok"]).toBe(false)
  })
})

describeNix("doctor on real Nix", (nix) => {
  it("finds this Nix, its features, the profile kind and a stale index", async () => {
    const dir = temp()
    const profile = mixedProfile(dir)
    const index = join(dir, "index.sqlite")
    writeFileSync(index, "")
    const old = (Date.now() - 45 * 86_400_000) / 1000
    utimesSync(index, old, old)
    const layer = liveLayer(nix, { execute: false, settings: { profile, index } })
    const checks = await Effect.runPromise(runChecks(paths(dir)).pipe(Effect.provide(Layer.orDie(layer))))
    expect(checks.map((c) => c.id)).toEqual(["nix", "daemon", "features", "sources", "profile", "disk", "index"])
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]))
    expect(byId["nix"]).toMatchObject({ status: "ok", detail: expect.stringContaining(`Nix ${nix.version}`) })
    expect(byId["features"]).toMatchObject({ status: "ok", detail: expect.stringMatching(/nix-command/) })
    expect(byId["sources"]?.status).toBe("ok") // flakes are on in the test config
    expect(byId["profile"]).toMatchObject({ status: "warn", detail: expect.stringContaining("mix") })
    expect(byId["index"]).toMatchObject({ status: "warn", detail: expect.stringContaining("45 days ago") })
  })
})
