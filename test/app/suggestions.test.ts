/**
 * A corrected package name is a suggestion (issue 15, issue 17 item 5), over the in-memory Nix with an
 * index of its packages: on a terminal the person is asked (no: nothing changes; yes: the suggested
 * package is installed); without one, exit 2 and how to confirm; --yes accepts it.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { defaultMockPackages } from "../../src/layers/NixMock.js"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]
let INDEX = ""

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-suggestions-"))
  INDEX = join(dir, "index")
  writeFileSync(join(dir, "listing.json"), JSON.stringify(Object.fromEntries(defaultMockPackages.map((p) => [p.attr, {
    name: `${p.pname}-${p.version}`, pname: p.pname, version: p.version, system: "x86_64-linux", outputName: "out", meta: { description: p.description }
  }]))))
  const run = await Effect.runPromise(runAskNix(makeMockEnv().env, ["--index", INDEX, "index", "build", "--from", join(dir, "listing.json")]))
  expect(run.code, run.stderr).toBe(0)
})

describe("a corrected name needs a yes", () => {
  it.effect("without a terminal: exit 2, says how to confirm, nothing runs", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] } })
    for (const words of [["install tmxu"], ["install", "tmxu"]]) {
      const r = yield* runAskNix(env, [...PROFILE, "--index", INDEX, "--execute", ...words])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toMatch(/"tmxu" is not a package I know; the nearest name is tmux\. Nothing was changed\..*--yes/)
    }
    expect(state.mutatingCalls()).toEqual([])
  }))

  it.effect("on a terminal: no changes nothing, yes installs the suggestion; --yes does without asking", () => Effect.gen(function*() {
    const no = makeMockEnv({ nix: { installed: ["git"] }, interactive: true, prompt: { yes: false } })
    expect((yield* runAskNix(no.env, [...PROFILE, "--index", INDEX, "--execute", "install tmxu"])).code).toBe(2)
    expect(no.state.mutatingCalls()).toEqual([])
    const yes = makeMockEnv({ nix: { installed: ["git"] }, interactive: true, prompt: { yes: true } })
    expect((yield* runAskNix(yes.env, [...PROFILE, "--index", INDEX, "--execute", "install tmxu"])).code).toBe(0)
    expect(yes.state.installed().map((p) => p.attr)).toContain("tmux")
    const flag = makeMockEnv({ nix: { installed: ["git"] } })
    expect((yield* runAskNix(flag.env, [...PROFILE, "--index", INDEX, "--execute", "--yes", "install", "tmxu"])).code).toBe(0)
    expect(flag.state.installed().map((p) => p.attr)).toContain("tmux")
  }))
})
