import { describe, expect, it } from "vitest"
import {
  networkCheck,
  daemonCheck, diskCheck, featuresCheck, indexCheck, nixCheck, parseChannels, parseFeatures, parseNixVersion, profileCheck, sourcesCheck
} from "../../src/plugins/doctor/checks.js"

const GiB = 1024 ** 3
const DAY = 86_400_000

describe("doctor checks (pure)", () => {
  it("judge the Nix version", () => {
    expect(parseNixVersion("nix (Nix) 2.26.3\n")).toEqual([2, 26, 3])
    expect(nixCheck({ path: undefined, versionOutput: undefined })).toMatchObject({ status: "fail", fix: expect.stringContaining("nixos.org/download") })
    expect(nixCheck({ path: "/usr/bin/nix", versionOutput: "nix (Nix) 2.3.16" })).toMatchObject({ status: "warn" })
    expect(nixCheck({ path: "/usr/bin/nix", versionOutput: "nix (Nix) 2.8.0" })).toMatchObject({ status: "ok", detail: "Nix 2.8.0 at /usr/bin/nix" })
  })
  it("judge the daemon", () => {
    const base = { socketPath: "/s", socketExists: false, connected: undefined, nixRemote: undefined, storeWritable: false }
    expect(daemonCheck({ ...base, socketExists: true, connected: true }).status).toBe("ok")
    expect(daemonCheck({ ...base, socketExists: true, connected: false })).toMatchObject({ status: "fail", fix: expect.stringContaining("systemctl restart nix-daemon") })
    expect(daemonCheck({ ...base, storeWritable: true })).toMatchObject({ status: "ok", detail: expect.stringContaining("single-user") })
    expect(daemonCheck({ ...base, storeWritable: true, nixRemote: "daemon" }).status).toBe("fail")
    expect(daemonCheck(base).status).toBe("fail")
  })
  it("judge experimental features from either Nix's config output", () => {
    expect(parseFeatures("cores = 0\nexperimental-features = flakes nix-command\nkeep-going = false")).toEqual(["flakes", "nix-command"])
    expect(featuresCheck({ features: ["flakes", "nix-command", "fetch-tree"] }).status).toBe("ok")
    expect(featuresCheck({ features: ["nix-command"] })).toMatchObject({ status: "warn", detail: expect.stringContaining("not enabled: flakes") })
    expect(featuresCheck({ error: "experimental Nix feature 'nix-command' is disabled" }).status).toBe("warn")
  })
  it("judge package sources", () => {
    const channels = parseChannels("nixpkgs https://nixos.org/channels/nixpkgs-unstable\n\n")
    expect(channels).toEqual([{ name: "nixpkgs", url: "https://nixos.org/channels/nixpkgs-unstable" }])
    expect(sourcesCheck({ channels, registryHasNixpkgs: false }).status).toBe("ok")
    expect(sourcesCheck({ channels: [], registryHasNixpkgs: true }).status).toBe("ok")
    expect(sourcesCheck({ channels: [], registryHasNixpkgs: false })).toMatchObject({ status: "warn", fix: expect.stringContaining("nix-channel --add") })
  })
  it("judge the profile kind, mixed kinds and a manifest too new for this Nix", () => {
    const p = { path: "/p", manifestVersion: undefined, nixVersion: [2, 26, 3] as const }
    expect(profileCheck({ ...p, current: "new", generationKinds: [] }).status).toBe("ok")
    expect(profileCheck({ ...p, current: "nix-env", generationKinds: ["nix-env", "nix-env"] })).toMatchObject({ status: "ok", detail: expect.stringContaining("nix-env profile") })
    expect(profileCheck({ ...p, current: "profile", manifestVersion: 2, generationKinds: ["nix-env", "profile"] }))
      .toMatchObject({ status: "warn", detail: expect.stringContaining("mix") })
    expect(profileCheck({ ...p, current: "profile", manifestVersion: 3, nixVersion: [2, 8, 0], generationKinds: ["profile"] }).status).toBe("fail")
  })
  it("judge free space and index age", () => {
    expect(diskCheck({ path: "/nix/store", freeBytes: 0.5 * GiB }).status).toBe("fail")
    expect(diskCheck({ path: "/nix/store", freeBytes: 3 * GiB }).status).toBe("warn")
    expect(diskCheck({ path: "/nix/store", freeBytes: 50 * GiB })).toMatchObject({ status: "ok", detail: "50.0 GiB free on /nix/store" })
    expect(indexCheck({ path: "/i", modifiedMs: undefined, nowMs: 0 })).toMatchObject({ status: "warn", fix: "Build it: ask-nix index build" })
    // Search without an index says to build one (test/faults/index.test.ts); it no longer falls back to Nix.
    expect(indexCheck({ path: "/i", modifiedMs: undefined, nowMs: 0 }).detail).not.toMatch(/fall back/)
    expect(indexCheck({ path: "/i", modifiedMs: 0, nowMs: 40 * DAY })).toMatchObject({ status: "warn", detail: expect.stringContaining("40 days ago") })
    expect(indexCheck({ path: "/i", modifiedMs: 0, nowMs: DAY + 5 }).status).toBe("ok")
  })
  it("judge whether the package source can be reached, and say what works offline", () => {
    expect(networkCheck({ source: "/p/pkgs.nix", local: true })).toMatchObject({ status: "ok", detail: "/p/pkgs.nix is local: no network needed" })
    expect(networkCheck({ source: "nixpkgs", local: false, reach: { _tag: "Reachable", host: "github.com", ms: 40 } }).status).toBe("ok")
    const off = networkCheck({ source: "nixpkgs", local: false, reach: { _tag: "Unreachable", ms: 3, tried: [{ host: "github.com", detail: "connection refused" }] } })
    expect(off).toMatchObject({ status: "warn", detail: "nixpkgs cannot be reached: github.com: connection refused (checked in 3 ms)", fix: expect.stringMatching(/package index.*--file.*local flake/) })
  })
})
