/**
 * The dry-run preview of `home-manager switch` / `build`, without building: the configuration is
 * evaluated as standalone home-manager evaluates it, and its `home.packages` are compared with the
 * programs of the current generation. A configuration that does not evaluate fails the plan with
 * Nix's message and position; when <home-manager> or <nixpkgs> cannot be found (a flake-based setup,
 * say) the plan goes ahead without a preview and says so.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Schema } from "effect"
import { NixFailed, type ServeError } from "../../../domain/errors.js"
import type { HomeInfo } from "../../../domain/home/HomeInfo.js"
import type { HomeGeneration } from "../../../domain/home/homePlans.js"
import { homePackagesArgv } from "../../../domain/home/homeEvalArgv.js"
import type { Plan } from "../../../domain/Plan.js"
import { parseDrvName } from "../../../domain/profile/drvName.js"
import { describeDiff } from "../../../domain/system/describeDiff.js"
import { diffGenerations } from "../../../domain/system/generationDiff.js"
import { parseEvalError } from "../../../domain/system/evalError.js"
import type { NixShape } from "../../../services/Nix.js"
import { exists } from "../../system/files.js"
import { homeGenerationContents } from "./homeGenerations.js"

const decodeNames = Schema.decodeUnknownEither(Schema.parseJson(Schema.Array(Schema.String)))
const evalTimeoutMs = 120_000
const notOnPath = /file '(home-manager|nixpkgs)[^']*' was not found in the Nix search path/

const withNote = (plan: Plan, note: string, extra: Readonly<Record<string, unknown>> = {}): Plan =>
  ({ ...plan, notes: [...plan.notes, note], preview: { ...plan.preview, ...extra } })

export const homeSwitchPreview = (
  nix: NixShape,
  info: HomeInfo,
  plan: Plan,
  current: HomeGeneration | undefined
): Effect.Effect<Plan, ServeError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const file = info.configFile
    if (file === undefined) return withNote(plan, "No preview: no home.nix to evaluate.")
    const checkout = yield* Effect.findFirst(info.paths.checkouts, exists)
    const argv = homePackagesArgv(file, checkout._tag === "Some" ? checkout.value : undefined)
    const r = yield* nix.exec({ argv, mutating: false, timeoutMs: evalTimeoutMs })
    if (r.exitCode !== 0) {
      const m = notOnPath.exec(r.stderr)
      if (m !== null) return withNote(plan, `No preview: <${m[1]}> is not on NIX_PATH here (home-manager itself may still find it).`)
      const e = parseEvalError(r.stderr)
      const where = e?.file !== undefined ? ` (${e.file}:${e.line ?? "?"})` : ""
      return yield* new NixFailed({
        argv: [...argv], exitCode: r.exitCode,
        message: `${file} does not evaluate, so home-manager ${plan.intent._tag === "rebuild" ? plan.intent.mode : "switch"} would fail: ${e?.message.join(" ") ?? "see below"}${where}. Nothing was changed`,
        stderrTail: r.stderr.trim().split("\n").slice(-6)
      })
    }
    const names = decodeNames(r.stdout.trim())
    if (names._tag === "Left") return withNote(plan, "No preview: the evaluation printed no package list.")
    const next = new Map(names.right.map((n) => { const d = parseDrvName(n); return [d.name, d.version] as const }))
    const listed = `home.packages (evaluated, nothing built): ${names.right.join(", ") || "none"}.`
    if (current === undefined) return withNote(plan, listed, { packages: names.right })
    const before = yield* homeGenerationContents(current)
    const diff = diffGenerations(before, { number: current.number + 1, nixosVersion: undefined, kernel: undefined, packages: next })
    return withNote(
      withNote(plan, listed),
      `Compared with the programs of generation ${current.number}: ${describeDiff(diff).join("; ")}.`,
      { packages: names.right, diff }
    )
  })
