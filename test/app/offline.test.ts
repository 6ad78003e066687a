/**
 * nixpkgs cannot be reached (the in-memory Nix's world is offline): a request that needs it says so at
 * once, before any Nix command, with what works offline; what does not need the network still works.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { classifyFailure } from "../../src/domain/nixlog/classifyFailure.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { META, rec } from "../index/records.js"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]

describe("offline (in-memory Nix)", () => {
  it.effect("install, update and try from nixpkgs say it cannot be reached, before any Nix command, dry run or not", () => Effect.gen(function*() {
    for (const args of [["install", "firefox"], ["--execute", "install", "firefox"], ["update"], ["try", "hello"], ["--json", "install", "firefox"]]) {
      const { env, state } = makeMockEnv({ nix: { installed: ["git"], offline: true } })
      const run = yield* runAskNix(env, [...PROFILE, ...args])
      expect(run.code, args.join(" ")).toBe(1)
      const message = args.includes("--json") ? String(run.last["error"]["message"]) : run.stderr
      expect(message).toMatch(/(^|\n)nixpkgs cannot be reached \(github\.com: its name does not resolve.*\), and Nix needs it for this; nothing was changed\. Offline, these still work: .*package index.*--file.*path:/)
      expect(state.calls.filter((c) => c.argv.some((a) => a.includes("#") || a === "upgrade"))).toEqual([])
      expect(state.mutatingCalls()).toEqual([])
    }
  }))

  it.effect("what needs no network still works: a local file or flake, list, and questions to the index", () => Effect.gen(function*() {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-offline-"))
    yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
    const index = join(dir, "index")
    writeFileSync(index, serializeIndex([rec("firefox", { version: "73.0", description: "A web browser" })], META))
    const { env } = makeMockEnv({ nix: { installed: ["git"], offline: true } })
    expect((yield* runAskNix(env, [...PROFILE, "--file", "/tmp/pkgs.nix", "install", "hello"])).code).toBe(0)
    expect((yield* runAskNix(env, [...PROFILE, "--flake", "path:/tmp/flake", "install", "hello"])).code).toBe(0)
    expect((yield* runAskNix(env, [...PROFILE, "list"])).code).toBe(0)
    const search = yield* runAskNix(env, [...PROFILE, "--index", index, "search", "browser"])
    expect(search.code, search.stderr).toBe(0)
    expect(search.stdout).toContain("firefox")
  }).pipe(Effect.scoped))

  it("Nix's own download failure and a missing channel are said plainly", () => {
    const e = classifyFailure({
      argv: ["nix", "build", "--dry-run", "nixpkgs#firefox"], exitCode: 1,
      stderr: ["error: unable to download 'https://channels.nixos.org/flake-registry.json': Could not resolve hostname (6) Could not resolve host: channels.nixos.org"]
    })
    expect(e).toMatchObject({ _tag: "NixpkgsUnreachable", source: "https://channels.nixos.org/flake-registry.json" })
    const c = classifyFailure({ argv: ["nix-env", "-qaP", "--json", "--meta", "-f", "<nixpkgs>"], exitCode: 1, stderr: ["error: file 'nixpkgs' was not found in the Nix search path (add it using $NIX_PATH or -I)"] })
    expect(c).toMatchObject({ _tag: "NoChannel" })
  })
})
