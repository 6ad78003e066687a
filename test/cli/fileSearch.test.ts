/**
 * `--file` packages are searched: with --file, search, info and did-you-mean cover that file's packages (its
 * own index, built from it with real nix-env on first use and rebuilt when the file changes), not the channel
 * index's. The shipped binary against real Nix 2.8 and 2.26, on the project's package set.
 */
import { spawnSync } from "node:child_process"
import { existsSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { afterAll, beforeAll, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const root = resolve(__dirname, "../..")
const bin = join(root, "bin/ask-nix.mjs")

describeNix("--file: search, info and did-you-mean over the file's packages", (nix) => {
  let sb: Sandbox
  const env = () => ({
    ...process.env, ...nix.env, PATH: `${nix.binDir}:${process.env["PATH"]}`,
    HOME: sb.dir, XDG_STATE_HOME: join(sb.dir, "state"), XDG_CACHE_HOME: join(sb.dir, "cache")
  })
  const askNix = (...args: Array<string>) => spawnSync(process.execPath, [bin, ...args], { env: env(), encoding: "utf8" })
  const withFile = (...args: Array<string>) => askNix("--profile", sb.profile, "--file", sb.pkgs, ...args)
  const fileIndex = () => {
    const status = JSON.parse(withFile("--json", "index", "status").stdout.trim().split("\n").pop()!) as { path: string }
    return status.path
  }

  beforeAll(() => {
    if (!existsSync(join(root, "dist/ask-nix.cjs"))) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" })
    sb = makeSandbox("file-search")
    // A channel index whose "greet" matches are LightDM greeters, as in the 2020 channel.
    const channel = join(sb.dir, "channel.json")
    const pkg = (pname: string, description: string) => ({ name: `${pname}-1.0`, pname, version: "1.0", meta: { description } })
    writeFileSync(channel, JSON.stringify({
      "lightdm-mini-greeter": pkg("lightdm-mini-greeter", "A minimal, configurable, single-user GTK3 LightDM greeter"),
      "lightdm-enso-os-greeter": pkg("lightdm-enso-os-greeter", "A fork of pantheon greeter"),
      hello: pkg("hello", "A program that produces a familiar, friendly greeting")
    }))
    expect(askNix("index", "build", "--from", channel).status).toBe(0)
  })
  afterAll(() => sb.cleanup())

  it("without --file, search answers from the channel index", () => {
    const run = askNix("search", "greet")
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain("lightdm-mini-greeter")
  })

  it("with --file, search finds the file's greet first, and no channel package", () => {
    const run = withFile("--json", "search", "greet")
    expect(run.status, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as { backend: string; results: Array<{ attrPath: string; version: string }> }
    expect(result.backend).toBe("native")
    expect(result.results[0]).toMatchObject({ attrPath: "greet", version: "1.0" })
    expect(result.results.map((r) => r.attrPath)).not.toContain("lightdm-mini-greeter")
  })

  it("info and did-you-mean cover the file's packages", () => {
    const info = withFile("info", "greet")
    expect(info.status, info.stderr).toBe(0)
    expect(info.stdout).toContain("Prints a greeting (test package)")
    const typo = withFile("info", "gret")
    expect(typo.status).not.toBe(0)
    expect(typo.stdout + typo.stderr).toMatch(/Did you mean: greet\b/)
    expect(typo.stdout + typo.stderr).not.toContain("lightdm")
  })

  it("the file's index is built once, and again when the file changes", () => {
    const path = fileIndex()
    expect(path).toContain("file-index")
    const first = statSync(path).mtimeMs
    expect(withFile("search", "hello").status).toBe(0)
    expect(statSync(path).mtimeMs).toBe(first)
    const later = new Date(Date.now() + 5000)
    utimesSync(join(sb.pkgs, "default.nix"), later, later)
    expect(withFile("search", "hello").status).toBe(0)
    expect(statSync(path).mtimeMs).toBeGreaterThan(first)
  })
})
