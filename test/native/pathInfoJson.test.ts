/** Nix's path-info JSON (2.8: an array; 2.19+: an object by path) and its garbage collection summary. */
import { describe, expect, it } from "vitest"
import { parsePathInfoJson } from "../../src/domain/store/pathInfoJson.js"
import { gcSummaryLine, parseGcSummary } from "../../src/domain/store/garbage.js"
import { cleanNotes } from "../../src/domain/backends/planParts.js"

const a = "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-hello-2.12"
const d = "/nix/store/dddddddddddddddddddddddddddddddd-hello-2.12.drv"

describe("parsePathInfoJson", () => {
  it("reads both shapes the same way, and leaves invalid paths out", () => {
    const old = JSON.stringify([
      { path: a, narHash: "sha256:x", narSize: 1048, references: [a], deriver: d, registrationTime: 5, valid: true },
      { path: "/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-gone", valid: false }
    ])
    const modern = JSON.stringify({
      [a]: { ca: null, deriver: d, narHash: "sha256-x", narSize: 1048, references: [a], registrationTime: 5 },
      "/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-gone": null
    })
    for (const text of [old, modern]) {
      const infos = parsePathInfoJson(text)!
      expect([...infos.keys()]).toEqual([a])
      expect(infos.get(a)).toMatchObject({ path: a, deriver: d, narSize: 1048, references: [a], registrationTime: 5 })
    }
    expect(parsePathInfoJson(JSON.stringify({ [a]: { deriver: null, narSize: 1, references: [] } }))!.get(a)?.deriver).toBeUndefined()
    expect(parsePathInfoJson("not json")).toBeUndefined()
    expect(parsePathInfoJson("[1, 2]")).toBeUndefined()
  })
})

describe("garbage collection", () => {
  it("reads what Nix says it freed", () => {
    expect(parseGcSummary(["deleting '/nix/store/x'", "14 store paths deleted, 1.20 MiB freed"])).toEqual({ deletedPaths: 14, freedBytes: Math.round(1.2 * 1024 * 1024), unit: "MiB" })
    expect(parseGcSummary(["0 store paths deleted, 0.00 MiB freed"])).toEqual({ deletedPaths: 0, freedBytes: 0, unit: "MiB" })
    // A few KiB: Nix says 0.00 MiB, which is not "0 bytes" (seen on Nix 2.8 after deleting 7 small paths).
    expect(gcSummaryLine(parseGcSummary(["7 store paths deleted, 0.00 MiB freed"])!)).toMatch(/^Freed less than 0\.01 MiB \(7 store paths deleted\)\./)
    expect(gcSummaryLine(parseGcSummary(["0 store paths deleted, 0.00 MiB freed"])!)).toMatch(/^Freed 0 bytes \(0 store paths deleted\)\./)
    expect(gcSummaryLine(parseGcSummary(["3 store paths deleted, 3.20 MiB freed"])!)).toMatch(/^Freed 3\.2 MiB \(3 store paths deleted\)\./)
    expect(parseGcSummary(["note: currently hard linking saves 0.00 MiB"])).toBeUndefined()
  })
  it("every clean plan says that the collector takes every unreachable path", () => {
    const gens = [1, 2, 3].map((number) => ({ number, date: "2026-01-01T00:00:00Z", current: number === 3 }))
    expect(cleanNotes({ path: "/p", generations: gens, current: 3 }, undefined, { _tag: "Known", paths: ["a", "b", "c"] }).notes).toEqual([
      "Would delete generations 1, 2 of /p.",
      "3 store paths are unreachable already. Collecting garbage deletes every store path that nothing refers to any more, not only those the deleted generations used."
    ])
  })
})
