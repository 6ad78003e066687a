/**
 * Native answers on real profiles made by `nix profile` and `nix-env` of this Nix, compared with what
 * Nix's own commands say about the same profile.
 */
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, expect } from "vitest"
import { makeNativeBackend } from "../../src/layers/backends/native/NativeBackend.js"
import type { Answer } from "../../src/domain/Plan.js"
import { List, Generations } from "../../src/domain/Intent.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { isModern, localDate, parseHistory, parseListGenerations, run } from "./support/nixCli.js"

const ask = (profile: string, intent: List | Generations) =>
  makeNativeBackend({ profile, index: undefined }).serve(intent).pipe(
    Effect.map((o) => {
      if (o._tag !== "Answer") throw new Error("expected an answer")
      return o.answer
    })
  )

const listOf = (a: Answer) => {
  if (a._tag !== "list") throw new Error(`expected list, got ${a._tag}`)
  return a.packages
}
const gensOf = (a: Answer) => {
  if (a._tag !== "generations") throw new Error(`expected generations, got ${a._tag}`)
  return a
}

describeNix("native answers on real profiles", (nix) => {
  let sb: Sandbox
  let profile: string
  let envProfile: string

  beforeAll(() => {
    sb = makeSandbox("native")
    profile = sb.profile
    mkdirSync(join(sb.dir, "env"), { recursive: true })
    envProfile = join(sb.dir, "env", "profile")
    // nix profile: greet from the flake, hello from the file, greet removed, greet 2.0 back.
    run(nix, ["nix", "profile", "install", "--profile", profile, `${sb.flake}#greet`])
    run(nix, ["nix", "profile", "install", "--profile", profile, "-f", sb.pkgs, "hello"])
    const greet1 = run(nix, ["nix", "eval", "--raw", "-f", sb.pkgs, "greet.outPath"]).trim()
    run(nix, ["nix", "profile", "remove", "--profile", profile, greet1])
    sb.setGreetVersion("2.0")
    run(nix, ["nix", "profile", "install", "--profile", profile, `${sb.flake}#greet`])
    sb.setGreetVersion("1.0")
    // nix-env: greet, hello, greet 2.0 (an upgrade by name), hello removed.
    run(nix, ["nix-env", "-p", envProfile, "-f", sb.pkgs, "-iA", "greet"])
    run(nix, ["nix-env", "-p", envProfile, "-f", sb.pkgs, "-iA", "hello"])
    sb.setGreetVersion("2.0")
    run(nix, ["nix-env", "-p", envProfile, "-f", sb.pkgs, "-iA", "greet"])
    run(nix, ["nix-env", "-p", envProfile, "-e", "hello"])
  })
  afterAll(() => sb?.cleanup())

  it.live("list of a `nix profile` profile agrees with `nix profile list`", () =>
    Effect.gen(function*() {
      const mine = listOf(yield* ask(profile, new List()))
      expect(mine.map((p) => [p.name, p.version]).sort()).toEqual([["greet", "2.0"], ["hello", "2.12"]])
      if (isModern(nix)) {
        const theirs = JSON.parse(run(nix, ["nix", "profile", "list", "--json", "--profile", profile])) as {
          elements: Record<string, { storePaths: Array<string>; attrPath?: string }>
        }
        expect(Object.fromEntries(mine.map((p) => [p.name, p.storePaths]))).toEqual(
          Object.fromEntries(Object.entries(theirs.elements).map(([k, e]) => [k, e.storePaths]))
        )
        expect(mine.find((p) => p.name === "greet")?.attrPath).toBe(theirs.elements["greet"]?.attrPath)
      } else {
        // Nix 2.8: "INDEX FLAKEREF ATTRPATH STOREPATHS..." per element, in manifest order.
        const rows = run(nix, ["nix", "profile", "list", "--profile", profile]).trim().split("\n").map((l) => l.split(" "))
        expect(mine.map((p) => p.storePaths)).toEqual(rows.map((r) => r.slice(3)))
        expect(mine.map((p) => p.attrPath ?? "-")).toEqual(rows.map((r) => (r[2] === "-" ? "-" : r[2]!.split("#").pop())))
      }
    }))

  it.live("list of a nix-env profile agrees with `nix-env -q --json --out-path`", () =>
    Effect.gen(function*() {
      const mine = listOf(yield* ask(envProfile, new List()))
      const theirs = JSON.parse(run(nix, ["nix-env", "-p", envProfile, "-q", "--json", "--out-path"])) as Record<
        string,
        { pname: string; version: string; outputs: Record<string, string | null> }
      >
      const norm = (xs: Array<[string, string, Array<string>]>) => xs.sort((a, b) => a[0].localeCompare(b[0]))
      expect(norm(mine.map((p) => [p.name, p.version, [...p.storePaths]]))).toEqual(
        norm(Object.values(theirs).map((t) => [t.pname, t.version, Object.values(t.outputs).filter((x): x is string => x !== null)]))
      )
      expect(mine.map((p) => `${p.name}-${p.version}`)).toEqual(["greet-2.0"])
    }))

  for (const kind of ["profile", "nix-env"] as const) {
    it.live(`generations of a ${kind} profile agree with \`nix-env --list-generations\``, () =>
      Effect.gen(function*() {
        const p = kind === "profile" ? profile : envProfile
        const mine = gensOf(yield* ask(p, new Generations()))
        const theirs = parseListGenerations(run(nix, ["nix-env", "-p", p, "--list-generations"]))
        expect(theirs.length).toBe(4)
        expect(mine.generations.map((g) => ({ number: g.number, date: localDate(g.date), current: g.current }))).toEqual(theirs)
      }))
  }

  it.live("what changed between generations agrees with `nix profile history`", () =>
    Effect.gen(function*() {
      const mine = gensOf(yield* ask(profile, new Generations()))
      const lines = (mine.diffs ?? []).flatMap((d) => [
        ...d.added.map((a) => `${d.to} ${a.name}: ∅ -> ${a.version}`),
        ...d.removed.map((r) => `${d.to} ${r.name}: ${r.version} -> ∅`),
        ...d.changed.map((c) => `${d.to} ${c.name}: ${c.from} -> ${c.to}`)
      ]).sort()
      const theirs = parseHistory(run(nix, ["nix", "profile", "history", "--profile", profile])).filter((l) => !l.startsWith("1 "))
      expect(lines).toEqual(theirs)
      expect(lines).toEqual(["2 hello: ∅ -> 2.12", "3 greet: 1.0 -> ∅", "4 greet: ∅ -> 2.0"])
    }))

  it.live("what changed between nix-env generations", () =>
    Effect.gen(function*() {
      const mine = gensOf(yield* ask(envProfile, new Generations()))
      expect(mine.diffs).toEqual([
        { from: 1, to: 2, added: [{ name: "hello", version: "2.12" }], removed: [], changed: [] },
        { from: 2, to: 3, added: [], removed: [], changed: [{ name: "greet", from: "1.0", to: "2.0" }] },
        { from: 3, to: 4, added: [], removed: [{ name: "hello", version: "2.12" }], changed: [] }
      ])
    }))
})
