// What a dry run of a configuration edit costs, step by step, on each Nix: planning the edit (pure),
// the evaluation copy, Nix's syntax check, the touched options' values (the proof), and the package
// preview (system derivation before and after, in one evaluation, then the .drv closures).
//   node bench/bundled.mjs bench/config-dryrun.ts [rounds]
import { NodeContext } from "@effect/platform-node"
import { Effect, Either, Layer } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { planConfigEdit } from "../src/domain/nixfile/configEdit.js"
import { nixBool } from "../src/domain/nixfile/nixValue.js"
import { ConfigStoreLive } from "../src/layers/ConfigStoreLive.js"
import { SettingsTest } from "../src/layers/SettingsTest.js"
import { ConfigEvaluator } from "../src/services/ConfigEvaluator.js"
import { ConfigStore } from "../src/services/ConfigStore.js"
import { copyFixture } from "../test/support/configFixtures.js"
import { configEvaluatorFor, testModules } from "../test/support/configEvalLayer.js"
import { nixInstalls } from "../test/support/nixInstalls.js"

const rounds = Number(process.argv[2] ?? 3)
const store = ConfigStoreLive.pipe(Layer.provide(Layer.merge(NodeContext.layer, SettingsTest({ stateDir: mkdtempSync(join(tmpdir(), "ask-nix-bench-")) }))))
const ms = (t: number) => performance.now() - t
const range = (xs: ReadonlyArray<number>) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} ms`

for (const nix of nixInstalls) {
  const steps = { plan: [] as Array<number>, copy: [] as Array<number>, parse: [] as Array<number>, values: [] as Array<number>, preview: [] as Array<number> }
  for (let r = 0; r < rounds; r++) {
    await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const s = yield* ConfigStore
      const ev = yield* ConfigEvaluator
      const main = copyFixture("nixos/template")
      const files = yield* s.read(main)
      let t = performance.now()
      const plan = planConfigEdit(files, [{ kind: "setOption", option: ["hardware", "bluetooth", "enable"], value: nixBool(true) }])
      steps.plan.push(ms(t))
      if (Either.isLeft(plan)) throw new Error("plan failed")
      t = performance.now()
      const copy = yield* s.scratch(files, plan.right.edits)
      steps.copy.push(ms(t))
      t = performance.now()
      yield* ev.parseCheck(copy)
      steps.parse.push(ms(t))
      t = performance.now()
      const v = yield* ev.values({ kind: "nixos", modules: testModules("nixos", copy) }, [["hardware", "bluetooth", "enable"]])
      steps.values.push(ms(t))
      if (v.options[0] !== true) throw new Error("not enabled")
      t = performance.now()
      const diff = yield* ev.packageChanges("nixos", { modules: testModules("nixos", main) }, { modules: testModules("nixos", copy) })
      steps.preview.push(ms(t))
      if (!diff.added.some((p) => p.name === "bluez")) throw new Error("no bluez")
    })).pipe(Effect.provide(Layer.merge(store, configEvaluatorFor(nix)))))
  }
  console.log(`nix ${nix.version}, ${rounds} rounds (template configuration, enable bluetooth):`)
  console.log(`  plan ${range(steps.plan)} | copy ${range(steps.copy)} | nix-instantiate --parse ${range(steps.parse)} | option values ${range(steps.values)} | package preview ${range(steps.preview)}`)
}
