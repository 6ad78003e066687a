// The live ConfigEvaluator: Nix's syntax check with its file and line, evaluation failures with Nix's
// message, and the package preview from the .drv closures (enabling bluetooth adds bluez), on each Nix.
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { expect } from "vitest"
import { ConfigEvaluator } from "../../src/services/ConfigEvaluator.js"
import { copyFixture, fixtureDir } from "../support/configFixtures.js"
import { configEvaluatorFor, testModules } from "../support/configEvalLayer.js"
import { describeNix } from "../support/describeNix.js"

const bad = (name: string) => join(fixtureDir(`bad/${name}`), "configuration.nix")

describeNix("ConfigEvaluatorLive", (nix) => {
  const layer = configEvaluatorFor(nix)

  it.live("a file that does not parse: Nix's message, file and line", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip((yield* ConfigEvaluator).parseCheck(bad("syntax")))
      expect(e).toMatchObject({ _tag: "ConfigSyntaxError", path: bad("syntax"), line: 5, column: 30 })
      expect(e._tag === "ConfigSyntaxError" && e.message).toContain("unexpected '='")
    }).pipe(Effect.provide(layer)))

  it.live("an unterminated string", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip((yield* ConfigEvaluator).parseCheck(bad("unterminated")))
      expect(e).toMatchObject({ _tag: "ConfigSyntaxError", path: bad("unterminated") })
    }).pipe(Effect.provide(layer)))

  it.live.each([
    ["undefined-package", /notARealPackage|attribute .* missing/],
    ["unknown-option", /services\.notAService|does not exist/],
    ["wrong-type", /timeZone|not of type/]
  ] as const)("a configuration that does not evaluate (%s) says why", ([name, pattern]) =>
    Effect.gen(function*() {
      const evaluator = yield* ConfigEvaluator
      yield* evaluator.parseCheck(bad(name))
      const what = name === "wrong-type" ? ["time", "timeZone"] : name === "unknown-option" ? ["services", "openssh", "enable"] : ["environment", "systemPackages"]
      const e = yield* Effect.flip(evaluator.values({ kind: "nixos", modules: testModules("nixos", bad(name)) }, [what]))
      expect(e._tag).toBe("ConfigEvalFailed")
      expect(e._tag === "ConfigEvalFailed" && e.message).toMatch(pattern)
    }).pipe(Effect.provide(layer)))

  it.live("enabling bluetooth adds bluez to the system, before anything is built", () =>
    Effect.gen(function*() {
      const evaluator = yield* ConfigEvaluator
      const main = copyFixture("nixos/dotted")
      const after = join(dirname(main), "with-bluetooth.nix")
      writeFileSync(after, `{ imports = [ ./configuration.nix ]; hardware.bluetooth.enable = true; }\n`)
      const diff = yield* evaluator.packageChanges({ kind: "nixos" }, { modules: testModules("nixos", main) }, { modules: testModules("nixos", after) })
      expect(diff.added.map((p) => p.name)).toContain("bluez")
      expect(diff.added.find((p) => p.name === "bluez")?.version).toBe("5.50")
      expect(diff.removed).toEqual([])
    }).pipe(Effect.provide(layer)), 300_000)

  it.live("home-manager: adding a package shows it with its version", () =>
    Effect.gen(function*() {
      const evaluator = yield* ConfigEvaluator
      const main = copyFixture("home/basic")
      const after = join(dirname(main), "with-jq.nix")
      writeFileSync(after, `{ pkgs, ... }: { imports = [ ./home.nix ]; home.packages = [ pkgs.jq ]; }\n`)
      const diff = yield* evaluator.packageChanges({ kind: "home" }, { modules: testModules("home", main) }, { modules: testModules("home", after) })
      expect(diff.added).toContainEqual({ name: "jq", version: "1.6" })
    }).pipe(Effect.provide(layer)), 300_000)

  it.live("a configuration seen before (same files, Nix and nixpkgs) is not evaluated again", () =>
    Effect.gen(function*() {
      const main = copyFixture("home/basic")
      const after = join(dirname(main), "with-jq.nix")
      writeFileSync(after, `{ pkgs, ... }: { imports = [ ./home.nix ]; home.packages = [ pkgs.jq ]; }\n`)
      const cacheDir = mkdtempSync(join(tmpdir(), "ask-nix-closures-"))
      const first = yield* Effect.flatMap(ConfigEvaluator, (ev) =>
        ev.packageChanges({ kind: "home" }, { modules: testModules("home", main), contentKey: "before" }, { modules: testModules("home", after), contentKey: "after" })
      ).pipe(Effect.provide(configEvaluatorFor(nix, cacheDir)))
      expect(readdirSync(cacheDir)).toHaveLength(2)
      // modules that cannot even be read: only the cache can answer
      const again = yield* Effect.flatMap(ConfigEvaluator, (ev) =>
        ev.packageChanges({ kind: "home" }, { modules: ["/nonexistent/a.nix"], contentKey: "before" }, { modules: ["/nonexistent/b.nix"], contentKey: "after" })
      ).pipe(Effect.provide(configEvaluatorFor(nix, cacheDir)))
      expect(again).toEqual(first)
      expect(first.added).toContainEqual({ name: "jq", version: "1.6" })
    }), 300_000)
})
