/**
 * ConfigEvaluator over the Nix choke point. A failing evaluation is read here (not by the generic
 * failure classifier, which would call "attribute 'x' missing" a missing package) and reported with
 * Nix's own message, file and line.
 */
import { Effect, Layer, Schema } from "effect"
import { ConfigEvalFailed, ConfigSyntaxError } from "../domain/configErrors.js"
import { type ClosureDiff, closurePackages, diffClosures } from "../domain/configEval/closureDiff.js"
import { drvClosureArgv, instantiateArgv, optionValuesArgv, parseCheckArgv } from "../domain/configEval/evalArgv.js"
import { NixOutputInvalid } from "../domain/errors.js"
import { ConfigEvaluator, type ConfigEvaluatorShape, type EvaluatedValues } from "../services/ConfigEvaluator.js"
import { Nix, type ProcessResult, type RunError } from "../services/Nix.js"
import { parseEvalError } from "../domain/system/evalError.js"

/** Option values take a fraction of a second; a whole system a few seconds (minutes on a slow disk). */
const valuesTimeoutMs = 120_000
const systemTimeoutMs = 600_000

const Values = Schema.Struct({ options: Schema.Array(Schema.Unknown), packages: Schema.Array(Schema.String) })
const decodeValues = Schema.decodeUnknownEither(Schema.parseJson(Values))

const evalFailure = (path: string, r: ProcessResult): ConfigEvalFailed => {
  const info = parseEvalError(r.stderr)
  return new ConfigEvalFailed({
    path,
    message: info?.message.join("\n") ?? (r.stderr.trim().split("\n").slice(-3).join("\n") || `exit code ${r.exitCode}`),
    ...(info?.file !== undefined ? { file: info.file } : {}),
    ...(info?.line !== undefined ? { line: info.line } : {})
  })
}

export const makeConfigEvaluator = Effect.gen(function*() {
  const nix = yield* Nix

  const parseCheck: ConfigEvaluatorShape["parseCheck"] = (file) =>
    nix.exec({ argv: parseCheckArgv(file), mutating: false, timeoutMs: valuesTimeoutMs }).pipe(
      Effect.flatMap((r) => {
        if (r.exitCode === 0) return Effect.void
        const info = parseEvalError(r.stderr)
        return Effect.fail(new ConfigSyntaxError({
          path: info?.file ?? file,
          line: info?.line ?? 0,
          column: info?.column ?? 0,
          message: info?.message.join(" ") ?? r.stderr.trim()
        }))
      })
    )

  const values: ConfigEvaluatorShape["values"] = (target, options, packages = []) => {
    const argv = optionValuesArgv(target, options, packages)
    return nix.exec({ argv, mutating: false, timeoutMs: valuesTimeoutMs }).pipe(
      Effect.flatMap((r): Effect.Effect<EvaluatedValues, ConfigEvalFailed | NixOutputInvalid> => {
        if (r.exitCode !== 0) return Effect.fail(evalFailure(target.modules[0] ?? "", r))
        const decoded = decodeValues(r.stdout)
        return decoded._tag === "Right"
          ? Effect.succeed(decoded.right)
          : Effect.fail(new NixOutputInvalid({ argv: [...argv], detail: "the option values are not the JSON expected" }))
      })
    )
  }

  const closure = (drv: string) =>
    nix.run({ argv: drvClosureArgv(drv), mutating: false, timeoutMs: valuesTimeoutMs }).pipe(
      Effect.map((r) => closurePackages(r.stdout.split("\n").filter((l) => l !== "")))
    )

  const packageChanges: ConfigEvaluatorShape["packageChanges"] = (kind, before, after) => {
    const argv = instantiateArgv(kind, [before, after])
    return nix.exec({ argv, mutating: false, timeoutMs: systemTimeoutMs }).pipe(
      Effect.flatMap((r): Effect.Effect<ClosureDiff, ConfigEvalFailed | RunError> => {
        if (r.exitCode !== 0) return Effect.fail(evalFailure(after[0] ?? "", r))
        const drvs = r.stdout.split("\n").filter((l) => l.endsWith(".drv"))
        if (drvs.length !== 2) {
          return Effect.fail(new NixOutputInvalid({ argv: [...argv], detail: `expected two derivations, got ${drvs.length}` }))
        }
        return Effect.all([closure(drvs[0]!), closure(drvs[1]!)], { concurrency: 2 }).pipe(
          Effect.map(([a, b]) => diffClosures(a, b))
        )
      })
    )
  }

  return { parseCheck, values, packageChanges } satisfies ConfigEvaluatorShape
})

export const ConfigEvaluatorLive = Layer.effect(ConfigEvaluator, makeConfigEvaluator)
