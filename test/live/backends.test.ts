/**
 * Both backends against real Nix (2.8 and 2.26), on a throwaway profile and the project's own test
 * packages: real outcomes (binaries, generations, manifests, list answers), updates, rollback, clean,
 * a failing build, hostile words, interruption, and the time of one install.
 */
import { it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Stream } from "effect"
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { afterAll, expect } from "vitest"
import { NixEnvBackend } from "../../src/layers/backends/nixenv/NixEnvBackend.js"
import { ProfileBackend } from "../../src/layers/backends/profile/ProfileBackend.js"
import { Clean, Generations, Info, Install, List, Remove, Rollback, Search, Try, Update, type Intent } from "../../src/domain/Intent.js"
import type { Outcome, Plan } from "../../src/domain/Plan.js"
import type { Backend } from "../../src/services/Backend.js"
import type { SettingsShape } from "../../src/services/Settings.js"
import { describeNix } from "../support/describeNix.js"
import { liveLayer, type LiveServices } from "../support/liveLayer.js"
import type { NixInstall } from "../support/nixInstalls.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { processesMentioning } from "../support/processes.js"

const planOf = (o: Outcome): Plan => {
  if (o._tag !== "Plan") throw new Error(`expected a plan, got ${o._tag}`)
  return o.plan
}

const kinds: ReadonlyArray<{
  readonly name: string
  readonly make: Effect.Effect<Backend, never, LiveServices>
  readonly settings: (s: Sandbox) => Partial<SettingsShape>
  readonly manifest: string
}> = [
  { name: "profile", make: ProfileBackend, settings: (s: Sandbox) => ({ flake: s.flake, file: undefined }), manifest: "manifest.json" },
  { name: "nix-env", make: NixEnvBackend, settings: (s: Sandbox) => ({ file: s.pkgs }), manifest: "manifest.nix" }
] as const

const timings: Array<string> = []
afterAll(() => { if (timings.length > 0) console.log(`install timings:\n${timings.join("\n")}`) })

const greet = (profile: string): string => execFileSync(`${profile}/bin/greet`, { encoding: "utf8" }).trim()

describeNix("backends on real Nix", (nix: NixInstall) => {
  for (const kind of kinds) {
    const withBackend = <A, E>(s: Sandbox, execute: boolean, f: (b: Backend) => Effect.Effect<A, E>) =>
      Effect.flatMap(kind.make, f).pipe(Effect.provide(liveLayer(nix, { execute, sandbox: s, settings: kind.settings(s) })))
    const run = (b: Backend, intent: Intent) => Effect.flatMap(b.serve(intent), (o) => Stream.runDrain(b.execute(planOf(o))))

    it.live(`${kind.name}: install, list, update, remove, rollback, generations, clean`, () => {
      const s = makeSandbox(kind.name)
      return withBackend(s, true, (b) => Effect.gen(function*() {
        const t0 = performance.now()
        const first = planOf(yield* b.serve(new Install({ packages: ["greet"] })))
        const t1 = performance.now()
        yield* Stream.runDrain(b.execute(first))
        const t2 = performance.now()
        timings.push(`  ${kind.name} on Nix ${nix.version}: ${Math.round(t2 - t0)} ms = plan ${Math.round(t1 - t0)} ms (detection, dry-run preview) + execute ${Math.round(t2 - t1)} ms (build included)`)
        expect(greet(s.profile)).toBe("greet 1.0")
        expect(existsSync(`${s.profile}/${kind.manifest}`)).toBe(true)
        const list = yield* b.serve(new List({}))
        expect(list._tag === "Answer" && list.answer._tag === "list" && list.answer.packages.map((p) => [p.name, p.version])).toEqual([["greet", "1.0"]])

        yield* run(b, new Install({ packages: ["hello"] }))
        s.setGreetVersion("2.0")
        yield* run(b, new Update({ packages: [] }))
        expect(greet(s.profile)).toBe("greet 2.0")
        yield* run(b, new Remove({ packages: ["hello"] }))
        expect(existsSync(`${s.profile}/bin/hello`)).toBe(false)

        const gens = yield* b.serve(new Generations({}))
        if (gens._tag !== "Answer" || gens.answer._tag !== "generations") throw new Error("no generations answer")
        const numbers = gens.answer.generations.map((g) => g.number)
        expect(numbers.length).toBeGreaterThanOrEqual(4)
        expect(gens.answer.generations.filter((g) => g.current).map((g) => g.number)).toEqual([Math.max(...numbers)])
        expect(gens.answer.diffs?.some((d) => d.changed.some((c) => c.name === "greet" && c.from === "1.0" && c.to === "2.0"))).toBe(true)

        // "go back two generations": 4 (greet 2.0, no hello) -> 2 (greet 1.0 and hello)
        yield* run(b, new Rollback({ steps: 2 }))
        expect(greet(s.profile)).toBe("greet 1.0")
        expect(existsSync(`${s.profile}/bin/hello`)).toBe(true)
        const tooFar = yield* Effect.flip(b.serve(new Rollback({ steps: 5 })))
        expect(tooFar).toMatchObject({ _tag: "NothingToRollBack", steps: 5, older: 1 })
        yield* run(b, new Rollback({ generation: Math.max(...numbers) }))
        expect(greet(s.profile)).toBe("greet 2.0")

        yield* run(b, new Rollback({}))
        expect(existsSync(`${s.profile}/bin/hello`)).toBe(true)
        yield* run(b, new Rollback({ generation: 1 }))
        expect(greet(s.profile)).toBe("greet 1.0")
        expect(existsSync(`${s.profile}/bin/hello`)).toBe(false)

        // clean without the GC step: collecting garbage in the shared store would disturb other tests
        const clean = planOf(yield* b.serve(new Clean({ keep: 1 })))
        expect(clean.steps.length).toBe(2)
        yield* Stream.runDrain(b.execute({ ...clean, steps: clean.steps.slice(0, 1) }))
        // generation 1 is current: the newer ones stay, as Nix keeps generations newer than the current
        expect(s.snapshot().split("\n").filter((l) => /^profile-\d+-link /.test(l)).length).toBe(numbers.length)
        yield* run(b, new Rollback({ generation: Math.max(...numbers) }))
        const clean2 = planOf(yield* b.serve(new Clean({ keep: 2 })))
        yield* Stream.runDrain(b.execute({ ...clean2, steps: clean2.steps.slice(0, 1) }))
        expect(s.snapshot().split("\n").filter((l) => /^profile-\d+-link /.test(l)).length).toBe(2)
      })).pipe(Effect.ensuring(Effect.sync(s.cleanup)))
    })

    it.live(`${kind.name}: dry-run changes nothing and builds nothing`, () => {
      const s = makeSandbox(`${kind.name}-dry`)
      return Effect.gen(function*() {
        yield* withBackend(s, true, (b) => run(b, new Install({ packages: ["hello"] })))
        yield* withBackend(s, true, (b) => run(b, new Install({ packages: ["greet"] })))
        const before = s.snapshot()
        const { outPathOf, isBuilt } = yield* Effect.promise(() => import("../support/storePaths.js"))
        s.setGreetVersion("3.0")
        const newGreet = outPathOf(nix, s.pkgs, "greet")
        const slow = outPathOf(nix, s.pkgs, "slow")
        yield* withBackend(s, false, (b) => Effect.gen(function*() {
          const install = planOf(yield* b.serve(new Install({ packages: ["slow"] })))
          expect(install.notes.some((n) => /^Would build 1 package: slow-1\.0\.$/.test(n))).toBe(true)
          for (const intent of [
            new Install({ packages: ["slow"] }), new Update({ packages: [] }), new Update({ packages: ["greet"] }),
            new Remove({ packages: ["hello"] }), new Rollback({}), new Rollback({ generation: 1 }), new Clean({ keep: 1 }), new Clean({})
          ]) {
            const o = yield* b.serve(intent)
            expect(o._tag).toBe("Plan")
          }
        }))
        expect(s.snapshot()).toBe(before)
        expect(isBuilt(newGreet)).toBe(false)
        expect(isBuilt(slow)).toBe(false)
      }).pipe(Effect.ensuring(Effect.sync(s.cleanup)))
    })

    it.live(`${kind.name}: a failing build is BuildFailed with its log; a missing package is PackageNotFound; the profile stays`, () => {
      const s = makeSandbox(`${kind.name}-fail`)
      return withBackend(s, true, (b) => Effect.gen(function*() {
        yield* run(b, new Install({ packages: ["hello"] }))
        const before = s.snapshot()
        const e = yield* Effect.flip(run(b, new Install({ packages: ["broken"] })))
        expect(e._tag).toBe("BuildFailed")
        if (e._tag === "BuildFailed") expect(e.logTail.join("\n")).toContain("the broken package cannot be built")
        const e2 = yield* Effect.flip(run(b, new Install({ packages: ["nosuchpackage"] })))
        expect(e2._tag).toBe("PackageNotFound")
        if (e2._tag === "PackageNotFound") expect(e2.name).toBe("nosuchpackage")
        expect(s.snapshot()).toBe(before)
      })).pipe(Effect.ensuring(Effect.sync(s.cleanup)))
    })

    it.live(`${kind.name}: info, search and try answer from the package set`, () => {
      const s = makeSandbox(`${kind.name}-ask`)
      return withBackend(s, true, (b) => Effect.gen(function*() {
        const info = yield* b.serve(new Info({ packages: ["greet"] }))
        expect(info._tag === "Answer" && info.answer._tag === "info" && info.answer.packages.map((p) => [p.pname, p.version, p.description])).toEqual([
          ["greet", "1.0", "Prints a greeting (test package)"]
        ])
        const search = yield* b.serve(new Search({ query: "greeting" }))
        expect(search._tag === "Answer" && search.answer._tag === "search" && search.answer.results.map((r) => r.attrPath)).toEqual(["greet"])
        const tryPlan = planOf(yield* b.serve(new Try({ packages: ["greet"], command: "greet" })))
        expect(tryPlan.steps[0]?.interactive).toBe(true)
        // nix-env: with --file, an environment of the file's packages (nix-shell -p needs nixpkgs itself)
        yield* Stream.runDrain(b.execute(tryPlan))
        expect(s.snapshot()).toBe("")
      })).pipe(Effect.ensuring(Effect.sync(s.cleanup)))
    })

    it.live(`${kind.name}: hostile words never reach Nix as options or shell text`, () => {
      const s = makeSandbox(`${kind.name}-hostile`)
      return withBackend(s, true, (b) => Effect.gen(function*() {
        for (const w of ["hello;id", "$(touch /tmp/pwned)", "`id`", "'hello'", "\"hello\"", "a|b", "a&&b", "--option", "post-build-hook X", "-f", "/etc/passwd"]) {
          const e = yield* Effect.flip(b.serve(new Install({ packages: [w] })))
          expect([w, e._tag]).toEqual([w, "InvalidPackageName"])
        }
        expect(s.snapshot()).toBe("")
      })).pipe(Effect.ensuring(Effect.sync(s.cleanup)))
    })

    it.live(`${kind.name}: interrupting an install stops Nix; the profile stays on a complete generation`, () => {
      const s = makeSandbox(`${kind.name}-int`)
      return withBackend(s, true, (b) => Effect.gen(function*() {
        yield* run(b, new Install({ packages: ["hello"] }))
        const before = s.snapshot()
        const plan = planOf(yield* b.serve(new Install({ packages: ["slow"] })))
        // Timed from the first step, not from the start: Nix's start and evaluation take longer on a
        // busy machine, but after step 1 the build still sleeps 2 s (three more steps of 0.5 s, then
        // the last); stopping Nix ends the stream well before that, waiting for it would not.
        let firstStep = 0
        const fiber = yield* b.execute(plan).pipe(
          Stream.tap((e) => e._tag === "BuildLogLine" && e.line === "slow step 1" ? Effect.sync(() => { firstStep = Date.now() }) : Effect.void),
          Stream.takeUntil((e) => e._tag === "BuildLogLine" && e.line === "slow step 1"),
          Stream.runDrain,
          Effect.fork
        )
        yield* Fiber.join(fiber)
        expect(firstStep).toBeGreaterThan(0)
        expect(Date.now() - firstStep).toBeLessThan(1800)
        expect(processesMentioning(s.dir)).toEqual([])
        yield* Effect.sleep("2500 millis")
        expect(s.snapshot()).toBe(before)
        expect(existsSync(`${s.profile}/bin/hello`)).toBe(true)
        expect(existsSync(`${s.profile}/bin/slow`)).toBe(false)
      })).pipe(Effect.ensuring(Effect.sync(s.cleanup)))
    })
  }
})

describeNix("profile backend with --file (packages not from a flake)", (nix: NixInstall) => {
  it.live("update reinstalls from the file; a broken update leaves the profile on its generation", () => {
    const s = makeSandbox("file")
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const run = (intent: Intent) => Effect.flatMap(b.serve(intent), (o) => Stream.runDrain(b.execute(planOf(o))))
      yield* run(new Install({ packages: ["greet", "hello"] }))
      s.setGreetVersion("2.0")
      const up = planOf(yield* b.serve(new Update({ packages: ["greet"] })))
      // Staged in a copy of the profile, then one switch.
      expect(up.staging).toBeDefined()
      expect(up.steps.filter((st) => st.commit !== undefined)).toHaveLength(1)
      const links = s.snapshot().split("\n").length
      yield* Stream.runDrain(b.execute(up))
      expect(s.snapshot().split("\n").length).toBe(links + 1)
      expect(existsSync(up.staging!)).toBe(false)
      expect(greet(s.profile)).toBe("greet 2.0")
      expect(existsSync(`${s.profile}/bin/hello`)).toBe(true)
      const current = () => s.snapshot().split("\n").find((l) => l.startsWith("profile -> "))
      const before = current()
      s.setGreetVersion("broken")
      const e = yield* Effect.flip(run(new Update({ packages: ["greet"] })))
      expect(e._tag).toBe("BuildFailed")
      expect(current()).toBe(before)
      expect(greet(s.profile)).toBe("greet 2.0")
    }).pipe(
      Effect.provide(liveLayer(nix, { execute: true, sandbox: s, settings: { file: s.pkgs } })),
      Effect.ensuring(Effect.sync(s.cleanup))
    )
  })
})

describeNix("profile backend: interrupting a staged update", (nix: NixInstall) => {
  it.live("goes back to the generation it was on", () => {
    const s = makeSandbox("int2")
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      yield* Effect.flatMap(b.serve(new Install({ packages: ["slow"] })), (o) => Stream.runDrain(b.execute(planOf(o))))
      const current = () => s.snapshot().split("\n").find((l) => l.startsWith("profile -> "))
      const before = current()
      writeFileSync(`${s.pkgs}/salt.nix`, JSON.stringify(`resalted-${Date.now()}-${Math.random()}`))
      const plan = planOf(yield* b.serve(new Update({ packages: ["slow"] })))
      expect(plan.staging).toBeDefined()
      // interrupt while the new build runs (in the staging copy): once it has printed its first step,
      // however long Nix took to get there
      const building = yield* Deferred.make<void>()
      const fiber = yield* b.execute(plan).pipe(
        Stream.tap((e) => e._tag === "BuildLogLine" && e.line === "slow step 1" ? Deferred.succeed(building, undefined) : Effect.void),
        Stream.runDrain,
        Effect.fork
      )
      yield* Effect.raceFirst(Deferred.await(building), Fiber.await(fiber))
      expect(yield* Deferred.isDone(building)).toBe(true)
      yield* Fiber.interrupt(fiber)
      expect(current()).toBe(before)
      expect(existsSync(`${s.profile}/bin/slow`)).toBe(true)
      expect(existsSync(plan.staging!)).toBe(false)
    }).pipe(
      Effect.provide(liveLayer(nix, { execute: true, sandbox: s, settings: { file: s.pkgs } })),
      Effect.ensuring(Effect.sync(s.cleanup))
    )
  })
})

describeNix("profile kinds are never mixed", (nix: NixInstall) => {
  it.live("a nix-env profile is CannotServe for the profile backend and the other way round; an unknown manifest is ManifestUnsupported", () => {
    const s = makeSandbox("kinds")
    const t = makeSandbox("kinds2")
    const u = makeSandbox("kinds3")
    return Effect.gen(function*() {
      const layerFor = (sb: Sandbox, settings: Record<string, unknown>) => liveLayer(nix, { execute: true, sandbox: sb, settings })
      yield* Effect.flatMap(NixEnvBackend, (b) => Effect.flatMap(b.serve(new Install({ packages: ["hello"] })), (o) => Stream.runDrain(b.execute(planOf(o)))))
        .pipe(Effect.provide(layerFor(s, { file: s.pkgs })))
      const e1 = yield* Effect.flip(Effect.flatMap(ProfileBackend, (b) => b.serve(new Install({ packages: ["greet"] }))).pipe(Effect.provide(layerFor(s, { file: s.pkgs }))))
      expect(e1._tag).toBe("CannotServe")
      yield* Effect.flatMap(ProfileBackend, (b) => Effect.flatMap(b.serve(new Install({ packages: ["hello"] })), (o) => Stream.runDrain(b.execute(planOf(o)))))
        .pipe(Effect.provide(layerFor(t, { file: t.pkgs })))
      const e2 = yield* Effect.flip(Effect.flatMap(NixEnvBackend, (b) => b.serve(new List({}))).pipe(Effect.provide(layerFor(t, { file: t.pkgs }))))
      expect(e2._tag).toBe("CannotServe")
      mkdirSync(`${u.profile}-1-link`)
      writeFileSync(`${u.profile}-1-link/manifest.json`, JSON.stringify({ version: 99, elements: {} }))
      symlinkSync(`profile-1-link`, u.profile)
      const e3 = yield* Effect.flip(Effect.flatMap(ProfileBackend, (b) => b.serve(new List({}))).pipe(Effect.provide(layerFor(u, { file: u.pkgs }))))
      expect(e3._tag).toBe("ManifestUnsupported")
    }).pipe(Effect.ensuring(Effect.sync(() => { s.cleanup(); t.cleanup(); u.cleanup() })))
  })
})

describeNix("profile backend and the user's experimental features", (nix: NixInstall) => {
  it.live("with nix-command and flakes enabled, no extra flags", () => {
    const s = makeSandbox("exp")
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const plan = planOf(yield* b.serve(new Install({ packages: ["greet"] })))
      expect(plan.steps[0]?.argv.slice(0, 3)).toEqual(["nix", "profile", "install"])
    }).pipe(
      Effect.provide(liveLayer(nix, { execute: false, sandbox: s, settings: { flake: s.flake, file: undefined } })),
      Effect.ensuring(Effect.sync(s.cleanup))
    )
  })

  it.live("adds --extra-experimental-features and installs", () => {
    const s = makeSandbox("noexp")
    const bare = { ...nix, env: { NIX_CONFIG: nix.nixConfig.replace("experimental-features = nix-command flakes", "experimental-features =") } }
    return Effect.gen(function*() {
      const b = yield* ProfileBackend
      const plan = planOf(yield* b.serve(new Install({ packages: ["greet"] })))
      expect(plan.steps[0]?.argv.slice(0, 3)).toEqual(["nix", "--extra-experimental-features", "nix-command flakes"])
      yield* Stream.runDrain(b.execute(plan))
      expect(greet(s.profile)).toBe("greet 1.0")
    }).pipe(
      Effect.provide(liveLayer(bare, { execute: true, sandbox: s, settings: { flake: s.flake, file: undefined } })),
      Effect.ensuring(Effect.sync(s.cleanup))
    )
  })
})
