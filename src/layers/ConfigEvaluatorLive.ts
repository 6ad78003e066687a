/**
 * ConfigEvaluator over the Nix choke point. A failing evaluation is read here (not by the generic
 * failure classifier, which would call "attribute 'x' missing" a missing package) and reported with
 * Nix's own message, file and line.
 */
import { Context, Effect, Either, Layer, Schema } from "effect"
import { createHash } from "node:crypto"
import { readFileSync, realpathSync } from "node:fs"
import { dirname, join } from "node:path"
import { ConfigEvalFailed, ConfigSyntaxError } from "../domain/configErrors.js"
import { closurePackages, diffClosures } from "../domain/configEval/closureDiff.js"
import { drvClosureArgv, type EvalEnv, fingerprintArgv, instantiateArgv, optionValuesArgv, parseCheckArgv } from "../domain/configEval/evalArgv.js"
import { NixOutputInvalid } from "../domain/errors.js"
import { ConfigEvaluator, type ConfigEvaluatorShape, type EvalSide, type EvaluatedValues } from "../services/ConfigEvaluator.js"
import { Settings } from "../services/Settings.js"
import { writeAtomicSync } from "./index/writeAtomic.js"
import { Nix, type ProcessResult } from "../services/Nix.js"
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

const decodeStrings = Schema.decodeUnknownEither(Schema.parseJson(Schema.Array(Schema.String)))

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex")

const realpathOr = (path: string): string => {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/**
 * The package sets of configurations seen before, one small JSON file each under the cache folder,
 * keyed by the files' texts, Nix's version and the real <nixpkgs>. A missing or unreadable entry is
 * evaluated again; a failed write only costs the next preview its speed.
 */
const readCached = (path: string): ReadonlyMap<string, ReadonlyArray<string>> | undefined => {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"))
    if (!Array.isArray(parsed)) return undefined
    const entries = parsed.filter((e): e is [string, Array<string>] =>
      Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && Array.isArray(e[1]) && e[1].every((v: unknown) => typeof v === "string"))
    return entries.length === parsed.length ? new Map(entries) : undefined
  } catch {
    return undefined
  }
}

const writeCached = (path: string, packages: ReadonlyMap<string, ReadonlyArray<string>>): void => {
  try {
    writeAtomicSync(path, Buffer.from(JSON.stringify([...packages])))
  } catch {
    // the preview was computed; only its reuse is lost
  }
}

/** The evaluator; with a cache folder, package sets of unchanged configurations are reused. */
export const makeConfigEvaluator = (cacheDir: string | undefined) => Effect.gen(function*() {
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

  /** Nix's version and the real folders of <nixpkgs> (<home-manager>): a channel update changes them. */
  const fingerprint = (env: EvalEnv) =>
    nix.exec({ argv: fingerprintArgv(env), mutating: false, timeoutMs: valuesTimeoutMs }).pipe(
      Effect.map((r) => {
        if (r.exitCode !== 0) return undefined
        const parts = decodeStrings(r.stdout)
        return Either.isRight(parts) ? parts.right.map((p) => (p.startsWith("/") ? realpathOr(p) : p)).join("\n") : undefined
      })
    )

  const packageChanges: ConfigEvaluatorShape["packageChanges"] = (evalEnv, before, after) =>
    Effect.gen(function*() {
      const env = cacheDir === undefined ? undefined : yield* fingerprint(evalEnv)
      const keyOf = (side: EvalSide) =>
        env === undefined || side.contentKey === undefined ? undefined : sha256(`${env}\n${evalEnv.kind}\n${side.contentKey}`)
      const keys = [keyOf(before), keyOf(after)]
      const cached = keys.map((k) => (k === undefined || cacheDir === undefined ? undefined : readCached(join(cacheDir, k))))
      const todo = [before, after].filter((_, i) => cached[i] === undefined)
      const argv = instantiateArgv(evalEnv, todo.map((s) => s.modules))
      const fresh: Array<ReadonlyMap<string, ReadonlyArray<string>>> = []
      if (todo.length > 0) {
        const r = yield* nix.exec({ argv, mutating: false, timeoutMs: systemTimeoutMs })
        if (r.exitCode !== 0) return yield* Effect.fail(evalFailure(after.modules[0] ?? "", r))
        const drvs = r.stdout.split("\n").filter((l) => l.endsWith(".drv"))
        if (drvs.length !== todo.length) {
          return yield* Effect.fail(new NixOutputInvalid({ argv: [...argv], detail: `expected ${todo.length} derivations, got ${drvs.length}` }))
        }
        fresh.push(...yield* Effect.all(drvs.map(closure), { concurrency: 2 }))
      }
      const sets = cached.map((c) => c ?? fresh.shift()!)
      keys.forEach((k, i) => {
        if (k !== undefined && cacheDir !== undefined && cached[i] === undefined) writeCached(join(cacheDir, k), sets[i]!)
      })
      return diffClosures(sets[0]!, sets[1]!)
    })

  const evaluates: ConfigEvaluatorShape["evaluates"] = (evalEnv, side) =>
    Effect.gen(function*() {
      if (cacheDir !== undefined && side.contentKey !== undefined) {
        const env = yield* fingerprint(evalEnv)
        if (env !== undefined && readCached(join(cacheDir, sha256(`${env}\n${evalEnv.kind}\n${side.contentKey}`))) !== undefined) return
      }
      const r = yield* nix.exec({ argv: instantiateArgv(evalEnv, [side.modules]), mutating: false, timeoutMs: systemTimeoutMs })
      if (r.exitCode !== 0) return yield* Effect.fail(evalFailure(side.modules[0] ?? "", r))
    })

  return { parseCheck, values, packageChanges, evaluates } satisfies ConfigEvaluatorShape
})

/** Without a cache (tests that must evaluate every time). */
export const ConfigEvaluatorUncached = Layer.effect(ConfigEvaluator, makeConfigEvaluator(undefined))

/** Package sets cached next to the package index (Settings.index). A part of a call's services (MainLayer.ts). */
export const ConfigEvaluatorLive = Effect.map(
  Effect.flatMap(Settings, (settings) => makeConfigEvaluator(join(dirname(settings.index), "config-closures"))),
  (service) => Context.make(ConfigEvaluator, service)
)
