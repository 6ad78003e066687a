/**
 * A stand-in for evaluating configurations in the in-memory test world (there is no Nix to ask): it reads
 * the files with ask-nix's own parser and answers from what they literally say — an option's value is
 * its literal definition, a package list is its elements — so the whole pipeline can be run without Nix.
 * The real evaluation is tested against the 19.09 trees (test/nixfile/configEditEval.test.ts).
 */
import { Effect, Either, Layer } from "effect"
import { existsSync, readFileSync, statSync } from "node:fs"
import { ConfigEvalFailed, ConfigSyntaxError } from "../../src/domain/configErrors.js"
import { diffClosures } from "../../src/domain/configEval/closureDiff.js"
import { unwrapDefinition } from "../../src/domain/nixfile/attrs.js"
import { collectConfigFiles } from "../../src/domain/nixfile/configFiles.js"
import { locate } from "../../src/domain/nixfile/locate.js"
import { moduleShape } from "../../src/domain/nixfile/moduleShape.js"
import { nixValueToJson, readLiteral } from "../../src/domain/nixfile/nixValue.js"
import { elementPackage, listElements, packageLists } from "../../src/domain/nixfile/packageList.js"
import { parseNix } from "../../src/domain/nixfile/parseNix.js"
import { ConfigEvaluator, type ConfigEvaluatorShape } from "../../src/services/ConfigEvaluator.js"

const read = (main: string) =>
  Effect.runSync(Effect.either(collectConfigFiles(main, {
    read: (p) => Effect.sync(() => (existsSync(p) ? readFileSync(p, "utf8") : undefined)),
    isDirectory: (p) => Effect.sync(() => existsSync(p) && statSync(p).isDirectory()),
    home: "/home/test"
  })))

/** What the files literally give `option`: a literal value, or the package attribute paths of its lists. */
const literalValue = (main: string, option: ReadonlyArray<string>): unknown => {
  const files = read(main)
  if (Either.isLeft(files)) throw files.left
  let packages: Array<{ readonly __drv: string }> | undefined
  for (const path of files.right.order) {
    const parsed = parseNix(files.right.texts.get(path)!)
    if (!parsed.ok) continue
    const shape = moduleShape(parsed.root)
    if (!shape.ok) continue
    for (const d of locate(shape.shape.body, [...shape.shape.configPrefix, ...option], shape.shape.scope).definitions) {
      const literal = readLiteral(unwrapDefinition(d.value).value)
      if (literal !== undefined) return nixValueToJson(literal)
      for (const site of packageLists(d.value, d.scope).lists) {
        if (site.conditional) continue
        for (const el of listElements(site.list)) {
          const p = elementPackage(el, site.scope)
          if (p !== undefined) (packages ??= []).push({ __drv: p.join(".") })
        }
      }
    }
  }
  return packages ?? null
}

export const ConfigEvaluatorStatic: Layer.Layer<ConfigEvaluator> = Layer.succeed(ConfigEvaluator, {
  parseCheck: (file) => {
    const r = parseNix(readFileSync(file, "utf8"))
    return r.ok ? Effect.void : Effect.fail(new ConfigSyntaxError({ path: file, line: r.error.line, column: r.error.column, message: r.error.message }))
  },
  values: (target, options, packages = []) =>
    Effect.try({
      try: () => ({ options: options.map((o) => literalValue(target.modules[0]!, o)), packages: packages.map((p) => p.join(".")) }),
      catch: (e) => new ConfigEvalFailed({ path: target.modules[0]!, message: e instanceof Error ? e.message : String(e) })
    }),
  packageChanges: ({ kind }, before, after) =>
    Effect.sync(() => {
      const option = kind === "home" ? ["home", "packages"] : ["environment", "systemPackages"]
      const set = (main: string) => {
        const v = literalValue(main, option)
        return new Map((Array.isArray(v) ? v : []).map((p: { readonly __drv: string }) => [p.__drv, ["(static)"]]))
      }
      return diffClosures(set(before.modules[0]!), set(after.modules[0]!))
    }),
  // the literal reading has nothing more to check than parseCheck did
  evaluates: () => Effect.void
} satisfies ConfigEvaluatorShape)
