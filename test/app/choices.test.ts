import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { defaultMockPackages } from "../../src/layers/NixMock.js"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const DATA = resolve(__dirname, "../../../shared/data/nixpkgs-channel-2020.json.gz")
const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]
let INDEX = ""

beforeAll(async () => {
  INDEX = join(mkdtempSync(join(tmpdir(), "ask-nix-choices-")), "index")
  const { env } = makeMockEnv()
  const run = await Effect.runPromise(runAskNix(env, ["--index", INDEX, "--json", "index", "build", "--from", DATA]))
  expect(run.code, run.stderr).toBe(0)
  expect(run.last["packages"]).toBeGreaterThan(40_000)
})

describe("category requests: choices, never a silent install", () => {
  it.effect("without a terminal: the choices are printed, exit 2, nothing changes", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] } })
    const run = yield* runAskNix(env, [...PROFILE, "--index", INDEX, "--execute", "--json", "install a pdf viewer"])
    expect(run.code).toBe(2)
    expect(run.last).toMatchObject({ ok: false, needsChoice: true, category: "pdf viewer" })
    const attrs = run.last["results"].map((r: any) => r.attrPath)
    expect(attrs.length).toBeGreaterThan(1)
    expect(attrs.some((a: string) => ["zathura", "evince", "mupdf", "okular", "qpdfview", "xpdf", "llpp"].includes(a.split(".").pop()!))).toBe(true)
    expect(state.mutatingCalls()).toEqual([])
  }))

  it.effect("on a terminal: the person picks one and gets the plan for it, then --execute installs it", () => Effect.gen(function*() {
    const listed = yield* runAskNix(makeMockEnv().env, ["--index", INDEX, "--json", "i need a password manager"])
    const second: string = listed.last["results"][1].attrPath
    const packages = [...defaultMockPackages, { attr: second, pname: second, version: "1.0", description: "a password manager" }]
    const { env, state } = makeMockEnv({ nix: { installed: ["git"], packages }, interactive: true, prompt: { yes: true, pick: 1 } })
    const shown = yield* runAskNix(env, [...PROFILE, "--index", INDEX, "i need a password manager"])
    expect(shown.code, shown.stdout + shown.stderr).toBe(0)
    expect(shown.stdout).toMatch(/Plan \(dry run, nothing changed\)/)
    expect(shown.stdout).toContain(`nixpkgs#${second}`)
    expect(state.mutatingCalls()).toEqual([])
    const done = yield* runAskNix(env, [...PROFILE, "--index", INDEX, "--execute", "i need a password manager"])
    expect(done.code, done.stdout + done.stderr).toBe(0)
    expect(state.installed().map((p) => p.attr)).toContain(second)
  }))

  it.effect("declining the choice changes nothing", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] }, interactive: true, prompt: { yes: false } })
    const run = yield* runAskNix(env, [...PROFILE, "--index", INDEX, "--execute", "install a pdf viewer"])
    expect(run.code).toBe(2)
    expect(state.mutatingCalls()).toEqual([])
  }))
})

describe("low confidence: ask or refuse, even with --execute", () => {
  const request = "can i install firefox"
  it.effect("refuses without a terminal", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] } })
    const run = yield* runAskNix(env, [...PROFILE, "--execute", request])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/not sure/)
    expect(state.mutatingCalls()).toEqual([])
  }))
  it.effect("asks on a terminal: no changes nothing, yes installs", () => Effect.gen(function*() {
    const no = makeMockEnv({ nix: { installed: ["git"] }, interactive: true, prompt: { yes: false } })
    expect((yield* runAskNix(no.env, [...PROFILE, "--execute", request])).code).toBe(2)
    expect(no.state.mutatingCalls()).toEqual([])
    const yes = makeMockEnv({ nix: { installed: ["git"] }, interactive: true, prompt: { yes: true } })
    expect((yield* runAskNix(yes.env, [...PROFILE, "--execute", request])).code).toBe(0)
    expect(yes.state.installed().map((p) => p.attr)).toContain("firefox")
  }))
  it.effect("--yes carries it out without asking", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] } })
    expect((yield* runAskNix(env, [...PROFILE, "--execute", "--yes", request])).code).toBe(0)
    expect(state.installed().map((p) => p.attr)).toContain("firefox")
  }))
})

describe("search and info through the chain with an index", () => {
  it.effect("search answers in-process (native) with the JSON contract", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv()
    const run = yield* runAskNix(env, ["--index", INDEX, "--json", "search", "ripgrp"])
    expect(run.last["backend"]).toBe("native")
    expect(run.last["results"][0]).toMatchObject({ attrPath: "ripgrep" })
    for (const key of ["attrPath", "pname", "version", "description"]) expect(run.last["results"][0]).toHaveProperty(key)
    expect(state.calls).toEqual([])
  }))
  it.effect("a misspelled install is corrected and the correction shown", () => Effect.gen(function*() {
    const { env } = makeMockEnv()
    const run = yield* runAskNix(env, [...PROFILE, "--index", INDEX, "intsall fierfox"])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/Understood: install firefox/)
    expect(run.stderr).toMatch(/fierfox/)
  }))
})
