// Every edit case (editCases.ts) proven by the real evaluator against nixpkgs / home-manager 19.09, on
// each Nix: the edited files pass `nix-instantiate --parse`, the edited configuration evaluates, every
// option set has the value asked for, every package added is in the option's final list and every
// package removed is not. The fixtures are copied; the copies are edited and written.
import { it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { expect } from "vitest"
import type { ConfigKind } from "../../src/domain/nixfile/configFiles.js"
import { planConfigEdit } from "../../src/domain/nixfile/configEdit.js"
import { nixValueToJson } from "../../src/domain/nixfile/nixValue.js"
import { ConfigEvaluator } from "../../src/services/ConfigEvaluator.js"
import { copyFixture, readConfig } from "../support/configFixtures.js"
import { configEvaluatorFor, testModules } from "../support/configEvalLayer.js"
import { describeNix } from "../support/describeNix.js"
import { editCases } from "./editCases.js"

const names = (value: unknown): ReadonlyArray<string> =>
  Array.isArray(value) ? value.map((v: { readonly __drv?: string }) => v.__drv ?? "?") : []

describeNix("configuration edits, evaluated", (nix) => {
  for (const c of editCases) {
    it.live(c.name, () =>
      Effect.gen(function*() {
        const evaluator = yield* ConfigEvaluator
        const copied = copyFixture(c.fixture)
        const main = c.main ? join(dirname(copied), c.main) : copied
        const kind: ConfigKind = c.fixture.startsWith("home/") ? "home" : "nixos"
        const plan = planConfigEdit(readConfig(main), c.changes)
        if (Either.isLeft(plan)) throw new Error(JSON.stringify(plan.left))
        for (const e of plan.right.edits) {
          expect(readFileSync(e.path, "utf8")).toBe(e.before)
          writeFileSync(e.path, e.after)
          yield* evaluator.parseCheck(e.path)
        }
        const options = c.changes.map((ch) => ch.option)
        const packages = c.changes.flatMap((ch) => (ch.kind === "setOption" ? [] : [ch.pkg]))
        const values = yield* evaluator.values({ kind, modules: testModules(kind, main) }, options, packages)
        let p = 0
        c.changes.forEach((ch, i) => {
          const value = values.options[i]
          if (ch.kind === "setOption") expect(value, ch.option.join(".")).toEqual(nixValueToJson(ch.value))
          else if (ch.kind === "addPackage") expect(names(value)).toContain(values.packages[p++])
          else expect(names(value)).not.toContain(values.packages[p++])
        })
      }).pipe(Effect.provide(configEvaluatorFor(nix))))
  }
})
