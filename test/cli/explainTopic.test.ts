// An explanation of a topic ask-nix has no built-in text for, through the whole pipeline: the options whose
// words match are listed when the options files exist (real 2020 data), and the answer stays an answer
// (nothing planned, nothing run) when they do not.
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect } from "vitest"
import { makeMockEnv, runAskNix } from "../app/mockEnv.js"
import { optionsDataFile } from "../support/optionsData.js"

const index = join(mkdtempSync(join(tmpdir(), "ask-nix-explain-index-")), "index")
const bare = join(mkdtempSync(join(tmpdir(), "ask-nix-explain-bare-")), "index")
const packages = join(tmpdir(), "ask-nix-explain-packages.json")

beforeAll(async () => {
  writeFileSync(packages, JSON.stringify({ hello: { name: "hello-2.10", pname: "hello", version: "2.10", system: "x86_64-linux", outputName: "out", outputs: { out: null }, meta: {} } }))
  const { env } = makeMockEnv()
  for (const [dir, withOptions] of [[index, true], [bare, false]] as const) {
    const built = await Effect.runPromise(runAskNix(env, [
      "--index", dir, "index", "build", "--from", packages,
      ...(withOptions ? ["--options", optionsDataFile("nixos"), "--home-options", optionsDataFile("home")] : [])
    ]))
    if (built.code !== 0) throw new Error(`index build failed: ${built.stderr}`)
  }
}, 120_000)

describe("explaining a topic without a built-in text", () => {
  it.effect("'Grub splash image help' lists the grub options about its splash image, and runs nothing", () =>
    Effect.gen(function*() {
      const { env, state } = makeMockEnv()
      const r = yield* runAskNix(env, ["--index", index, "--json", "Grub splash image help"])
      expect(r.code).toBe(0)
      expect(r.last).toMatchObject({ ok: true, intent: "explain" })
      // (the option whose name holds both words first)
      expect(String(r.last["text"])).toContain("NixOS options about \"grub splash image\":\n  boot.loader.grub.splashImage:")
      expect(state.mutatingCalls()).toEqual([])
    }))

  it.effect("without options files the answer still says where to read", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv()
      const r = yield* runAskNix(env, ["--index", bare, "--json", "Grub Theme Help"])
      expect(r.code).toBe(0)
      expect(String(r.last["text"])).toContain("search.nixos.org/options")
      expect(String(r.last["text"])).not.toContain("boot.loader.grub.")
    }))

  it.effect("a built-in topic is answered by its own text alone", () =>
    Effect.gen(function*() {
      const { env } = makeMockEnv()
      const r = yield* runAskNix(env, ["--index", index, "--json", "what is a flake"])
      expect(String(r.last["text"])).toContain("flake.lock")
      expect(String(r.last["text"])).not.toContain("options about")
    }))
})
