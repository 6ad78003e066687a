/**
 * The shipped binary (bin/ask-nix over the bundle, from the startup snapshot and without it) against
 * real Nix 2.8 and 2.26: what a person types, in a throwaway profile. Ctrl-C during a build stops Nix,
 * exits 130 with one line, and leaves the profile on the generation it was on.
 */
import { spawn, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { askNixBin as bin, ensureBuilt, startModes } from "../support/shippedBinary.js"

describeNix("the ask-nix binary on real Nix", (nix) => describe.each(startModes)("$name", (mode) => {
  let sb: Sandbox
  const env = () => ({
    ...process.env, ...nix.env, ...mode.env, PATH: `${nix.binDir}:${dirname(process.execPath)}:${process.env["PATH"]}`,
    HOME: sb.dir, XDG_STATE_HOME: join(sb.dir, "state"), XDG_CACHE_HOME: join(sb.dir, "cache")
  })
  const askNix = (...args: Array<string>) =>
    spawnSync(bin, ["--profile", sb.profile, "--file", join(sb.pkgs, "default.nix"), ...args], { env: env(), encoding: "utf8" })

  beforeAll(() => {
    ensureBuilt()
    sb = makeSandbox("cli")
  })
  afterAll(() => sb.cleanup())

  it("a sentence installs for real only with --execute, then lists and answers in JSON", () => {
    const dry = askNix("please install greet")
    expect(dry.status, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/Plan \(dry run, nothing changed\)/)
    expect(existsSync(sb.profile)).toBe(false)

    const done = askNix("--execute", "please install greet")
    expect(done.status, done.stderr).toBe(0)
    expect(existsSync(join(sb.profile, "bin", "greet"))).toBe(true)

    const list = askNix("--json", "what is installed")
    expect(list.status).toBe(0)
    const result = JSON.parse(list.stdout.trim().split("\n").pop()!)
    expect(result.packages.map((p: { name: string }) => p.name)).toContain("greet")
    expect(result.backend).toBe("native")
  })

  it("a question is answered with the plan and never carried out, even with --execute", () => {
    const before = sb.snapshot()
    const asked = askNix("--execute", "--json", "How do I install hello?")
    expect(asked.status, asked.stderr).toBe(0)
    const result = JSON.parse(asked.stdout.trim().split("\n").pop()!)
    expect(result).toMatchObject({ intent: "install", question: true, executed: false, dryRun: true, command: "ask-nix --execute install hello" })
    expect(sb.snapshot()).toBe(before)
    expect(existsSync(join(sb.profile, "bin", "hello"))).toBe(false)
  })

  it("Ctrl-C during a build: Nix stops, exit 130, one line, the profile as it was", async () => {
    const before = sb.snapshot()
    const child = spawn(bin, ["--profile", sb.profile, "--file", join(sb.pkgs, "default.nix"), "--execute", "install", "slow"], { env: env() })
    let stderr = ""
    const started = new Promise<void>((ok) => child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString()
      if (/slow step 1|building/.test(stderr)) ok()
    }))
    const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)))
    await started
    child.kill("SIGINT")
    const code = await exited
    expect(code).toBe(130)
    expect(stderr).toMatch(/Interrupted/)
    expect(stderr).not.toMatch(/at .*\.cjs:\d+/) // no stack trace
    expect(sb.snapshot()).toBe(before)
    expect(existsSync(join(sb.profile, "bin", "slow"))).toBe(false)
  })
}))
