// What a dry run of a configuration edit costs, on each Nix, with proveConfigChange as ask-nix runs it:
// planning (pure), the evaluation copy and checks (nix-instantiate --parse, the touched options'
// values), and the package preview: cold (both sides evaluated in one nix-instantiate), with the
// "before" side cached (another edit of the same configuration), and repeated (both cached).
//   node bench/bundled.mjs bench/config-dryrun.ts [rounds]
import { NodeContext } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { nixBool } from "../src/domain/nixfile/nixValue.js"
import { proveConfigChange } from "../src/layers/backends/config/configChange.js"
import { ConfigStoreLive } from "../src/layers/ConfigStoreLive.js"
import { SettingsTest } from "../src/layers/SettingsTest.js"
import { copyFixture } from "../test/support/configFixtures.js"
import { configEvaluatorFor, testModules } from "../test/support/configEvalLayer.js"
import { nixInstalls } from "../test/support/nixInstalls.js"

const rounds = Number(process.argv[2] ?? 3)
const store = ConfigStoreLive.pipe(Layer.provide(Layer.merge(NodeContext.layer, SettingsTest({ stateDir: mkdtempSync(join(tmpdir(), "ask-nix-bench-")) }))))
const range = (xs: ReadonlyArray<number>) => (xs.length === 0 ? "-" : `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} ms`)
const set = (option: string) => ({ kind: "setOption" as const, option: option.split("."), value: nixBool(true) })

for (const nix of nixInstalls) {
  const t = { plan: [] as Array<number>, check: [] as Array<number>, cold: [] as Array<number>, warm: [] as Array<number>, repeat: [] as Array<number> }
  for (let r = 0; r < rounds; r++) {
    const main = copyFixture("nixos/template")
    const layer = Layer.merge(store, configEvaluatorFor(nix, mkdtempSync(join(tmpdir(), "ask-nix-bench-closures-"))))
    const prove = (option: string) =>
      proveConfigChange({ kind: "nixos", main, changes: [set(option)], extraModules: testModules("nixos", main).slice(1), preview: true })
    await Effect.runPromise(Effect.gen(function*() {
      const cold = yield* prove("hardware.bluetooth.enable")
      if (!cold.preview?.added.some((p) => p.name === "bluez")) throw new Error("no bluez")
      t.plan.push(cold.timings.planMs)
      t.check.push(cold.timings.checkMs)
      t.cold.push(cold.timings.previewMs)
      t.warm.push((yield* prove("services.openssh.enable")).timings.previewMs)
      t.repeat.push((yield* prove("hardware.bluetooth.enable")).timings.previewMs)
    }).pipe(Effect.provide(layer)))
  }
  console.log(`nix ${nix.version}, ${rounds} rounds, the generated 19.09 template, enable bluetooth:`)
  console.log(`  plan ${range(t.plan)} | copy + nix-instantiate --parse + option values ${range(t.check)}`)
  console.log(`  package preview: cold ${range(t.cold)} | "before" cached ${range(t.warm)} | repeated ${range(t.repeat)}`)
}
