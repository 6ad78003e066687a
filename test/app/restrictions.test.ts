/**
 * Unfree, broken and insecure packages: never a silent plan that Nix will refuse. Known from the index
 * (steam is unfree): refused with what it takes to allow them, or said in the plan when allowed. Nix's
 * own refusal (packages the index does not describe) is classified the same way.
 */
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach } from "vitest"
import { classifyFailure } from "../../src/domain/nixlog/classifyFailure.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { parseRefusal, verdict, type Allowance } from "../../src/domain/restrictions/Restriction.js"
import { defaultMockPackages } from "../../src/layers/nixmock/model.js"
import { META, rec } from "../index/records.js"
import { makeMockEnv, runAskNix } from "./mockEnv.js"

// nixpkgs' messages, as Nix prints them (pkgs/stdenv/generic/check-meta.nix).
const UNFREE = `error: Package ‘steam-1.0.0.61’ in /nix/store/x-nixpkgs/pkgs/games/steam/steam.nix:50 has an unfree license (‘unfreeRedistributable’), refusing to evaluate.

a) To temporarily allow unfree packages, you can use an environment variable
   for a single invocation of the nix tools.

     $ export NIXPKGS_ALLOW_UNFREE=1`
const BROKEN = "error: Package ‘thing-0.1’ in /nix/store/x/pkgs/thing/default.nix:12 is marked as broken, refusing to evaluate."
const INSECURE = "       error: Package ‘openssl-1.0.2u’ in /nix/store/x/pkgs/openssl/default.nix:120 is marked as insecure, refusing to evaluate."

describe("restrictions (pure)", () => {
  it("reads nixpkgs' refusals", () => {
    expect(parseRefusal(UNFREE)).toEqual({ drvName: "steam-1.0.0.61", restriction: "unfree" })
    expect(parseRefusal(BROKEN)).toEqual({ drvName: "thing-0.1", restriction: "broken" })
    expect(parseRefusal(INSECURE)).toEqual({ drvName: "openssl-1.0.2u", restriction: "insecure" })
    expect(parseRefusal("error: attribute 'steam' missing")).toBeUndefined()
    // Nix 2.26 shows the throwing code first; its ${...} is not the name.
    const excerpt = ["error:", "       … while calling the 'throw' builtin", "           28|     Package ‘${drv.name}’ in ${pos} has an unfree license (‘x’), refusing to evaluate.", "", "       error: Package ‘nonfree-1.0’ in /p/default.nix:40 has an unfree license (‘unfree’), refusing to evaluate."]
    expect(parseRefusal(excerpt.join("\n"))).toEqual({ drvName: "nonfree-1.0", restriction: "unfree" })
  })
  it("a refusal from Nix is PackageNotAllowed, with advice for flakes (--impure) or nix-env (config.nix)", () => {
    const flake = classifyFailure({ argv: ["nix", "build", "--dry-run", "--", "nixpkgs#steam"], exitCode: 1, stderr: UNFREE.split("\n") })
    expect(flake).toMatchObject({ _tag: "PackageNotAllowed", name: "steam", drvName: "steam-1.0.0.61", restriction: "unfree", evaluation: "flake" })
    const env = classifyFailure({ argv: ["nix-env", "-iA", "nixos.openssl"], exitCode: 1, stderr: [INSECURE] })
    expect(env).toMatchObject({ _tag: "PackageNotAllowed", restriction: "insecure", evaluation: "impure" })
    const file = classifyFailure({ argv: ["nix", "profile", "install", "-f", "./pkgs", "--", "thing"], exitCode: 1, stderr: [BROKEN] })
    expect(file).toMatchObject({ restriction: "broken", evaluation: "impure" })
  })
  it("what allows a package: the environment (flakes too, with --impure), config.nix only outside flakes", () => {
    const none: Allowance = { env: new Set() }
    expect(verdict(none, "unfree", "steam-1", "flake")._tag).toBe("refused")
    expect(verdict({ env: new Set(["unfree"]) }, "unfree", "steam-1", "flake")).toMatchObject({ _tag: "allowed", by: expect.stringContaining("--impure") })
    const config: Allowance = { env: new Set(), configText: "{ allowUnfree = true; allowBroken = true; permittedInsecurePackages = [ \"openssl-1.0.2u\" ]; }" }
    expect(verdict(config, "unfree", "steam-1", "impure")._tag).toBe("allowed")
    expect(verdict(config, "unfree", "steam-1", "flake")._tag).toBe("refused")
    expect(verdict(config, "insecure", "openssl-1.0.2u", "impure")._tag).toBe("allowed")
    expect(verdict(config, "insecure", "openssl-1.1.0", "impure")._tag).toBe("refused")
    expect(verdict({ env: new Set(), configText: "# allowUnfree = true;\n{ }" }, "unfree", "steam-1", "impure")._tag).toBe("refused")
    expect(verdict({ env: new Set(), configText: "{ allowUnfreePredicate = p: true; }" }, "unfree", "steam-1", "impure")._tag).toBe("maybe")
  })
})

describe("restricted packages through the pipeline (in-memory Nix, an index that knows them)", () => {
  const dirs: Array<string> = []
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-nix-restricted-"))
    dirs.push(dir)
    const index = join(dir, "index")
    writeFileSync(index, serializeIndex([
      rec("steam", { unfree: true, version: "1.0.0.61" }), rec("thing", { broken: true, version: "0.1" }),
      rec("openssl", { insecure: true, version: "1.0.2u" }), rec("hello", { version: "2.10" })
    ], META))
    const packages = [...defaultMockPackages, ...["steam", "thing", "openssl"].map((attr) => ({ attr, pname: attr, version: "1", description: attr }))]
    return { dir, index, packages }
  }
  const withEnv = (env: Record<string, string>) => Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

  it.effect("steam is refused with the advice, before any Nix command, in a dry run and with --execute", () => Effect.gen(function*() {
    const { index, packages } = setup()
    for (const args of [["install", "steam"], ["--execute", "install", "steam"], ["--backend", "nix-env", "install", "steam"]]) {
      const { env, state } = makeMockEnv({ nix: { packages } })
      const run = yield* runAskNix(env, ["--profile", "/tmp/ask-nix-mock/p", "--index", index, ...args]).pipe(withEnv({ HOME: "/nonexistent" }))
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/steam has an unfree license, so Nix refuses it; nothing was changed/)
      expect(run.stderr).toMatch(args.includes("nix-env") ? /NIXPKGS_ALLOW_UNFREE=1 .*allowUnfree = true/ : /NIXPKGS_ALLOW_UNFREE=1 in front .*--impure/)
      expect(state.calls.filter((c) => c.argv.includes("steam") || c.argv.some((a) => a.endsWith("#steam")))).toEqual([])
      expect(state.mutatingCalls()).toEqual([])
    }
  }))

  it.effect("allowed: said in the plan, and a flake gets --impure so that Nix sees the variable", () => Effect.gen(function*() {
    const { index, packages } = setup()
    const { env, state } = makeMockEnv({ nix: { packages } })
    const run = yield* runAskNix(env, ["--profile", "/tmp/ask-nix-mock/p", "--index", index, "--json", "--execute", "install", "steam"])
      .pipe(withEnv({ NIXPKGS_ALLOW_UNFREE: "1", HOME: "/nonexistent" }))
    expect(run.code, run.stderr).toBe(0)
    expect(run.last["notes"]).toContain("steam has an unfree license; allowed by NIXPKGS_ALLOW_UNFREE=1 (ask-nix passes --impure so that Nix sees it).")
    expect(state.mutatingCalls()[0]?.argv).toContain("--impure")
    expect(state.installed().map((p) => p.attr)).toContain("steam")
  }))

  it.effect("nix-env: broken and insecure packages allowed in config.nix are said in the plan", () => Effect.gen(function*() {
    const { dir, index, packages } = setup()
    mkdirSync(join(dir, ".config/nixpkgs"), { recursive: true })
    writeFileSync(join(dir, ".config/nixpkgs/config.nix"), "{ allowBroken = true; permittedInsecurePackages = [ \"openssl-1.0.2u\" ]; }\n")
    const { env } = makeMockEnv({ nix: { packages, kind: "nix-env", installed: ["hello"] } })
    const run = yield* runAskNix(env, ["--profile", "/tmp/ask-nix-mock/p", "--index", index, "--json", "install", "thing", "openssl"]).pipe(withEnv({ HOME: dir }))
    expect(run.code, run.stderr).toBe(0)
    expect(run.last["notes"]).toEqual(expect.arrayContaining([
      `thing is marked as broken; allowed by ${join(dir, ".config/nixpkgs/config.nix")}.`,
      `openssl is marked as insecure; allowed by ${join(dir, ".config/nixpkgs/config.nix")}.`
    ]))
    const refused = yield* runAskNix(env, ["--profile", "/tmp/ask-nix-mock/p", "--index", index, "install", "openssl"]).pipe(withEnv({ HOME: "/nonexistent" }))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('permittedInsecurePackages = [ "openssl-1.0.2u" ];')
  }))
})
