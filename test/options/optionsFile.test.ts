// The options file: what is written is read back the same (every option of the real data), damage and
// absence are reported as OptionsCorrupt / OptionsMissing, and the layer answers through it.
import { it as effectIt } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { OptionsCorrupt, OptionsMissing } from "../../src/domain/configErrors.js"
import { searchOptions } from "../../src/domain/options/searchOptions.js"
import { buildOptionsFile } from "../../src/layers/options/buildOptions.js"
import { openOptionsFile, serializeOptions } from "../../src/layers/options/optionsFile.js"
import { NixOptionsLive } from "../../src/layers/NixOptionsLive.js"
import { optionsPathFor } from "../../src/layers/options/nixOptions.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { NixOptions } from "../../src/services/NixOptions.js"
import { optionsDataFile, realOptionRecords, realOptions } from "../support/optionsData.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-options-file-"))

describe("options file", () => {
  it("reads back every record of the real data, and searches as the in-memory table does", () => {
    const records = realOptionRecords("nixos")
    const path = join(dir, "roundtrip")
    writeFileSync(path, serializeOptions("nixos", records, { source: "test", builtAt: "2020-02-14T00:00:00Z" }))
    const file = openOptionsFile(path, "nixos")
    const memory = realOptions("nixos")
    expect(file.count).toBe(records.length)
    for (let id = 0; id < file.count; id++) {
      expect(file.record(id)).toEqual(memory.record(id))
      expect(file.moduleSize(id)).toBe(memory.moduleSize(id))
    }
    for (const q of ["enable ssh", "time zone", "collect garbage automatically"]) {
      expect(searchOptions(file, q, 10)).toEqual(searchOptions(memory, q, 10))
    }
  })

  it("reports a missing file, another format, a wrong scope and a damaged byte", () => {
    expect(() => openOptionsFile(join(dir, "nope"), "nixos")).toThrow(OptionsMissing)
    const junk = join(dir, "junk")
    writeFileSync(junk, "not an options file at all")
    expect(() => openOptionsFile(junk, "nixos")).toThrow(OptionsCorrupt)
    const small = join(dir, "small")
    const bytes = serializeOptions("home", realOptionRecords("home"), { source: "test", builtAt: "now" })
    writeFileSync(small, bytes)
    expect(() => openOptionsFile(small, "nixos")).toThrow(/holds home options/)
    const damaged = Buffer.from(bytes)
    damaged[damaged.length - 100] ^= 0xff
    writeFileSync(small, damaged)
    const file = openOptionsFile(small, "home")
    expect(() => {
      for (let id = 0; id < file.count; id++) file.record(id)
    }).toThrow(OptionsCorrupt)
    writeFileSync(small, bytes.subarray(0, bytes.length >> 1))
    expect(() => openOptionsFile(small, "home")).toThrow(/truncated/)
  })
})

describe("NixOptionsLive", () => {
  const index = join(dir, "index")
  const layer = NixOptionsLive.pipe(Layer.provide(SettingsTest({ index })))

  effectIt.effect("says how to build the data when there is none", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip((yield* NixOptions).search("nixos", "ssh"))
      expect(e).toEqual(new OptionsMissing({ path: optionsPathFor(index, "nixos"), scope: "nixos" }))
    }).pipe(Effect.provide(layer)))

  effectIt.live("answers from the file `index build` writes next to the package index", () =>
    Effect.gen(function*() {
      const built = yield* buildOptionsFile(optionsPathFor(index, "home"), "home", optionsDataFile("home"))
      expect(built.count).toBeGreaterThan(1000)
      const options = yield* NixOptions
      expect((yield* options.search("home", "enable git", 1))[0]?.record.name).toBe("programs.git.enable")
      expect((yield* options.get("home", "programs.git.enable"))?.type).toBe("boolean")
      expect(yield* options.suggest("home", "programs.git.enabel")).toContain("programs.git.enable")
      expect((yield* options.status("home")).count).toBe(built.count)
    }).pipe(Effect.provide(layer)))
})

describe("importOptions: NixOS's own options.json", () => {
  it("reads literal expressions, Markdown descriptions and JSON defaults", async () => {
    const { importOptions } = await import("../../src/domain/options/importOptions.js")
    const { records } = importOptions({
      "services.openssh.enable": {
        declarations: ["nixos/modules/services/networking/ssh/sshd.nix"],
        default: false,
        description: { _type: "mdDoc", text: "Whether to enable the OpenSSH secure shell daemon." },
        loc: ["services", "openssh", "enable"],
        readOnly: false,
        type: "boolean"
      },
      "services.openssh.ports": {
        declarations: [],
        default: [22],
        example: { _type: "literalExpression", text: "[ 22 2222 ]" },
        description: "Specifies on which ports the SSH daemon listens.",
        loc: ["services", "openssh", "ports"],
        readOnly: false,
        type: "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)"
      },
      "time.timeZone": { default: null, description: "The time zone.", loc: ["time", "timeZone"], readOnly: false, type: "null or string", declarations: [] }
    })
    expect(records.map((r) => [r.name, r.default, r.example, r.description])).toEqual([
      ["services.openssh.enable", "false", null, "Whether to enable the OpenSSH secure shell daemon."],
      ["services.openssh.ports", "[ 22 ]", "[ 22 2222 ]", "Specifies on which ports the SSH daemon listens."],
      ["time.timeZone", "null", null, "The time zone."]
    ])
    expect(readFileSync(optionsDataFile("nixos")).length).toBeGreaterThan(0)
  })
})
