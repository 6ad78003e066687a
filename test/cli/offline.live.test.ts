/**
 * nixpkgs out of reach, on real Nix 2.8 and 2.26, through the shipped binary. The network is made
 * unreachable the same way on every machine: a proxy in the environment (https_proxy) at a port that
 * refuses, which Nix's downloads would go through too. Without the up-front check Nix retries for about
 * 5 s (twice with --execute) and ends with a raw download error.
 */
import { existsSync } from "node:fs"
import * as net from "node:net"
import { join } from "node:path"
import { afterEach, beforeAll, expect, it } from "vitest"
import { ensureBuilt, runBin } from "../support/askNixBin.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

const sandboxes: Array<Sandbox> = []
afterEach(() => { for (const s of sandboxes.splice(0)) s.cleanup() })

let refusing = 0
beforeAll(async () => {
  ensureBuilt()
  refusing = await new Promise<number>((ok) => {
    const s = net.createServer()
    s.listen(0, "127.0.0.1", () => { const p = (s.address() as net.AddressInfo).port; s.close(() => ok(p)) })
  })
})

describeNix("nixpkgs cannot be reached", (nix) => {
  const offline = () => ({ https_proxy: `http://127.0.0.1:${refusing}`, HTTPS_PROXY: `http://127.0.0.1:${refusing}` })

  it("install from a flake on the network: said in under a second, once, with what works offline; nothing changes", () => {
    const sb = makeSandbox("offline")
    sandboxes.push(sb)
    for (const args of [["install", "hello"], ["--execute", "install", "hello"]]) {
      const r = runBin(nix, sb, ["--profile", sb.profile, "--flake", "github:NixOS/nixpkgs/nixos-unstable", ...args], offline())
      expect(r.status, r.stdout + r.stderr).toBe(1)
      const said = r.stderr.match(/github:NixOS\/nixpkgs\/nixos-unstable cannot be reached/g) ?? []
      expect(said.length).toBe(1)
      expect(r.stderr).toMatch(/127\.0\.0\.1:\d+ \(proxy\): connection refused; checked in (\d+) ms/)
      expect(Number(/checked in (\d+) ms/.exec(r.stderr)![1])).toBeLessThan(1000)
      expect(r.stderr).toMatch(/Offline, these still work: .*package index.*--file.*local flake/)
      expect(r.stderr).not.toMatch(/retrying/)
      expect(r.ms).toBeLessThan(4000) // the whole run, start-up included; Nix alone would retry for ~5 s
      expect(existsSync(sb.profile)).toBe(false)
    }
  })

  for (const backend of ["profile", "nix-env"]) {
    it(`${backend}: a local file installs with no network`, () => {
      const sb = makeSandbox("offline2")
      sandboxes.push(sb)
      const r = runBin(nix, sb, ["--profile", sb.profile, "--backend", backend, "--file", sb.pkgs, "--execute", "install", "hello"], offline())
      expect(r.status, r.stderr).toBe(0)
      expect(existsSync(join(sb.profile, "bin/hello"))).toBe(true)
    })
  }

  it("doctor reports it; index build without a channel says how to get one", () => {
    const sb = makeSandbox("offline3")
    sandboxes.push(sb)
    const doctor = runBin(nix, sb, ["--json", "doctor"], offline())
    const network = (doctor.result!["checks"] as ReadonlyArray<{ id: string; status: string; detail: string }>).find((c) => c.id === "network")
    expect(network).toMatchObject({ status: "warn", detail: expect.stringMatching(/^nixpkgs cannot be reached: .*connection refused/) })

    const build = runBin(nix, sb, ["index", "build"], { NIX_PATH: "" })
    expect(build.status).toBe(1)
    expect(build.stderr).toMatch(/There is no nixpkgs channel here .*nix-channel --add https:\/\/nixos\.org\/channels\/nixpkgs-unstable nixpkgs && nix-channel --update/)
    expect(build.stderr).not.toMatch(/was not found in the Nix search path/)
  })
})
