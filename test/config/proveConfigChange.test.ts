// A configuration change proven before it is written, on each Nix: the diff, the evaluated values of the
// touched options, the package preview; a change that another definition overrides, and a configuration
// that does not evaluate, are refused with the person's file names (not the scratch copies').
import { NodeContext } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { expect } from "vitest"
import { nixBool, nixString } from "../../src/domain/nixfile/nixValue.js"
import { proveConfigChange, writeConfigChange } from "../../src/layers/backends/config/configChange.js"
import { ConfigStoreLive } from "../../src/layers/ConfigStoreLive.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { ConfigEvaluator } from "../../src/services/ConfigEvaluator.js"
import { copyFixture } from "../support/configFixtures.js"
import { configEvaluatorFor, testModules } from "../support/configEvalLayer.js"
import { describeNix } from "../support/describeNix.js"
import { add, set } from "../nixfile/editCases.js"

const store = ConfigStoreLive.pipe(Layer.provide(Layer.merge(NodeContext.layer, SettingsTest({ stateDir: mkdtempSync(join(tmpdir(), "ask-nix-prove-")) }))))
const base = (main: string) => testModules("nixos", main).slice(1)

describeNix("proveConfigChange", (nix) => {
  const layer = Layer.merge(store, configEvaluatorFor(nix))

  it.live("enable bluetooth on the generated template: diff, proof, bluez in the preview; then written", () =>
    Effect.gen(function*() {
      const main = copyFixture("nixos/template")
      const before = readFileSync(main, "utf8")
      const proven = yield* proveConfigChange({ kind: "nixos", main, changes: [set("hardware.bluetooth.enable", nixBool(true))], extraModules: base(main), preview: true })
      expect(proven.diff).toContain("+  hardware.bluetooth.enable = true;")
      expect(proven.proof).toEqual(["hardware.bluetooth.enable = true"])
      expect(proven.preview?.added.map((p) => p.name)).toContain("bluez")
      expect(readFileSync(main, "utf8")).toBe(before)
      yield* writeConfigChange(proven)
      const values = yield* (yield* ConfigEvaluator).values({ kind: "nixos", modules: testModules("nixos", main) }, [["hardware", "bluetooth", "enable"]])
      expect(values.options).toEqual([true])
    }).pipe(Effect.provide(layer)), 300_000)

  it.live("an edit that another definition overrides is refused and nothing is written", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "ask-nix-override-"))
      const main = join(dir, "configuration.nix")
      writeFileSync(main, "{ ... }:\n{\n  imports = [ ./office.nix ];\n  time.timeZone = \"UTC\";\n}\n")
      writeFileSync(join(dir, "office.nix"), "{ lib, ... }:\n{\n  time.timeZone = lib.mkForce \"UTC\";\n}\n")
      const e = yield* Effect.flip(proveConfigChange({ kind: "nixos", main, changes: [set("time.timeZone", nixString("Europe/Paris"))], extraModules: base(main), preview: false }))
      expect(e._tag).toBe("ConfigEvalFailed")
      expect(e._tag === "ConfigEvalFailed" && e.message).toContain("another definition wins")
      expect(readFileSync(main, "utf8")).toContain("\"UTC\"")
    }).pipe(Effect.provide(layer)))

  it.live("a configuration that does not evaluate is reported with the person's file, not the scratch copy", () =>
    Effect.gen(function*() {
      const main = copyFixture("bad/undefined-package")
      const e = yield* Effect.flip(proveConfigChange({ kind: "nixos", main, changes: [add("firefox")], extraModules: base(main), preview: false }))
      expect(e._tag).toBe("ConfigEvalFailed")
      const text = e._tag === "ConfigEvalFailed" ? `${e.message} ${e.file ?? ""}` : ""
      expect(text).toMatch(/notARealPackage/)
      expect(text).not.toContain("ask-nix-eval-")
      expect(readFileSync(main, "utf8")).not.toContain("firefox")
    }).pipe(Effect.provide(layer)))

  it.live("without the preview (--execute), a file that does not evaluate is refused even when the touched option evaluates", () =>
    Effect.gen(function*() {
      for (const [fixture, says] of [["bad/undefined-package", /notARealPackage/], ["bad/wrong-type", /time\.timeZone|not of type/]] as const) {
        const main = copyFixture(fixture)
        const before = readFileSync(main, "utf8")
        const e = yield* Effect.flip(proveConfigChange({ kind: "nixos", main, changes: [set("hardware.bluetooth.enable", nixBool(true))], extraModules: base(main), preview: false }))
        expect(e._tag).toBe("ConfigEvalFailed")
        const text = e._tag === "ConfigEvalFailed" ? `${e.message} ${e.file ?? ""}` : ""
        expect(text).toMatch(says)
        expect(text).not.toContain("ask-nix-eval-")
        expect(readFileSync(main, "utf8")).toBe(before)
      }
    }).pipe(Effect.provide(layer)), 300_000)

  it.live("home-manager: a package added to home.packages is in the generation", () =>
    Effect.gen(function*() {
      const main = copyFixture("home/with-pkgs")
      const proven = yield* proveConfigChange({ kind: "home", main, changes: [add("jq", ["home", "packages"])], extraModules: testModules("home", main).slice(1), preview: true })
      expect(proven.proof).toEqual(["home.packages holds jq-1.6"])
      expect(proven.preview?.added).toContainEqual({ name: "jq", version: "1.6" })
      expect(dirname(main)).not.toBe("")
    }).pipe(Effect.provide(layer)), 300_000)
})
