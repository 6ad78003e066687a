/**
 * One configuration change, from request to proof, before anything is written:
 *   read the files -> plan the edit (pure) -> write the edited copies to a scratch folder ->
 *   `nix-instantiate --parse` each edited copy -> evaluate only the touched options (~0.2-0.5 s) and
 *   check each has the value asked for (or the package is / is not in the list) -> optionally compare
 *   the system (home-manager generation) derivations before and after (~4 s, the package preview), or,
 *   without the preview (--execute), instantiate the edited one (the whole file evaluates).
 * Writing is a separate step (`writeConfigChange`), taken only with --execute.
 */
import { Effect, Either } from "effect"
import { createHash } from "node:crypto"
import { ConfigEvalFailed, type ConfigError, ConfigSyntaxError } from "../../../domain/configErrors.js"
import type { ClosureDiff } from "../../../domain/configEval/closureDiff.js"
import type { EvalEnv, SearchPathEntry } from "../../../domain/configEval/evalArgv.js"
import type { ConfigKind } from "../../../domain/nixfile/configFiles.js"
import { unifiedDiff } from "../../../domain/diff/unifiedDiff.js"
import { type ConfigChange, type ConfigFiles, type EditPlan, planConfigEdit } from "../../../domain/nixfile/configEdit.js"
import { nixValueToJson, renderNixValue } from "../../../domain/nixfile/nixValue.js"
import { ConfigEvaluator } from "../../../services/ConfigEvaluator.js"
import { ConfigStore, type WrittenFile } from "../../../services/ConfigStore.js"
import type { RunError } from "../../../services/Nix.js"

export interface ConfigChangeRequest {
  readonly kind: ConfigKind
  /** The configuration file (configuration.nix, home.nix, or a flake's module). */
  readonly main: string
  readonly changes: ReadonlyArray<ConfigChange>
  /** Modules evaluated together with it (none in normal use). */
  readonly extraModules?: ReadonlyArray<string>
  /** Also compare the system derivations before and after (the slow part). */
  readonly preview: boolean
  /** <nixpkgs> (<home-manager>) to evaluate with instead of NIX_PATH's: a flake's own inputs. */
  readonly searchPath?: ReadonlyArray<SearchPathEntry> | undefined
}

export interface ProvenChange {
  readonly files: ConfigFiles
  readonly plan: EditPlan
  /** Unified diff of every edited file ("" when there is nothing to change). */
  readonly diff: string
  /** What the edited configuration evaluates to, per change ("hardware.bluetooth.enable = true"). */
  readonly proof: ReadonlyArray<string>
  readonly timings: { readonly planMs: number; readonly checkMs: number; readonly previewMs: number }
  readonly preview: ClosureDiff | undefined
}

const names = (value: unknown): ReadonlyArray<string> =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === "object" && v !== null && "__drv" in v ? String(v.__drv) : "?")) : []

/** What a configuration's evaluation depends on in its files: their paths and texts (edited or not). */
const contentKey = (files: ConfigFiles, edits: ReadonlyArray<{ readonly path: string; readonly after: string }>, extra: ReadonlyArray<string>): string => {
  const edited = new Map(edits.map((e) => [e.path, e.after]))
  const hash = createHash("sha256")
  for (const p of files.order) hash.update(`${p}\0${edited.get(p) ?? files.texts.get(p) ?? ""}\0`)
  for (const m of extra) hash.update(`${m}\0`)
  return hash.digest("hex")
}

/** Error texts name the scratch copies; say the person's files instead. */
const unscratch = (scratchRoot: string) => (e: ConfigEvalFailed): ConfigEvalFailed =>
  new ConfigEvalFailed({
    path: e.path.split(scratchRoot).join(""),
    message: e.message.split(scratchRoot).join(""),
    ...(e.file !== undefined ? { file: e.file.split(scratchRoot).join("") } : {}),
    ...(e.line !== undefined ? { line: e.line } : {})
  })

export const proveConfigChange = (
  req: ConfigChangeRequest
): Effect.Effect<ProvenChange, ConfigError | RunError, ConfigStore | ConfigEvaluator> =>
  Effect.scoped(Effect.gen(function*() {
    const store = yield* ConfigStore
    const evaluator = yield* ConfigEvaluator
    const extra = req.extraModules ?? []
    const env: EvalEnv = { kind: req.kind, searchPath: req.searchPath }
    const started = performance.now()
    const files = yield* store.read(req.main)
    const planned = planConfigEdit(files, req.changes)
    if (Either.isLeft(planned)) return yield* Effect.fail(planned.left)
    const plan = planned.right
    const planMs = performance.now() - started
    const diff = plan.edits.map((e) => unifiedDiff(e.before, e.after, { from: e.path, to: e.path })).join("")
    if (plan.edits.length === 0) {
      return { files, plan, diff, proof: [], timings: { planMs, checkMs: 0, previewMs: 0 }, preview: undefined }
    }
    // --execute will write these: a file the user cannot write is said now, not after the evaluations
    if (!req.preview) yield* store.writable(plan.edits.map((e) => e.path))
    const checkStarted = performance.now()
    const copy = yield* store.scratch(files, plan.edits)
    const scratchRoot = copy.slice(0, copy.length - files.main.length)
    for (const e of plan.edits) {
      yield* evaluator.parseCheck(`${scratchRoot}${e.path}`).pipe(
        Effect.mapError((err) =>
          err._tag === "ConfigSyntaxError"
            ? new ConfigSyntaxError({ path: e.path, line: err.line, column: err.column, message: err.message.split(scratchRoot).join("") })
            : err)
      )
    }
    const packages = req.changes.flatMap((c) => (c.kind === "setOption" ? [] : [c.pkg]))
    const values = yield* evaluator.values({ ...env, modules: [copy, ...extra] }, req.changes.map((c) => c.option), packages).pipe(
      Effect.mapError((e) => (e._tag === "ConfigEvalFailed" ? unscratch(scratchRoot)(e) : e))
    )
    const proof: Array<string> = []
    let p = 0
    for (const [i, c] of req.changes.entries()) {
      const got = values.options[i]
      const option = c.option.join(".")
      if (c.kind === "setOption") {
        if (JSON.stringify(got) !== JSON.stringify(nixValueToJson(c.value))) {
          return yield* Effect.fail(new ConfigEvalFailed({
            path: req.main,
            message: `after the edit ${option} is ${JSON.stringify(got)}, not ${renderNixValue(c.value)}: another definition wins (mkForce, or a module setting it too)`
          }))
        }
        proof.push(`${option} = ${renderNixValue(c.value)}`)
      } else {
        const drv = values.packages[p++] ?? "?"
        const present = names(got).includes(drv)
        if (present !== (c.kind === "addPackage")) {
          return yield* Effect.fail(new ConfigEvalFailed({
            path: req.main,
            message: c.kind === "addPackage"
              ? `after the edit ${option} still does not hold ${drv}`
              : `after the edit ${option} still holds ${drv} (another module adds it)`
          }))
        }
        proof.push(`${option} ${present ? "holds" : "no longer holds"} ${drv}`)
      }
    }
    const checkMs = performance.now() - checkStarted
    const previewStarted = performance.now()
    const preview = req.preview
      ? yield* evaluator.packageChanges(
        env,
        { modules: [files.main, ...extra], contentKey: contentKey(files, [], extra) },
        { modules: [copy, ...extra], contentKey: contentKey(files, plan.edits, extra) }
      ).pipe(
        Effect.mapError((e) => (e._tag === "ConfigEvalFailed" ? unscratch(scratchRoot)(e) : e))
      )
      : undefined
    // Without the preview, the option values alone do not prove the file evaluates (Nix is lazy: a
    // misspelt package or a wrong-typed value elsewhere in it is never looked at), and a file that
    // does not evaluate is never written: the whole configuration is evaluated once more.
    if (!req.preview) {
      yield* evaluator.evaluates(env, { modules: [copy, ...extra], contentKey: contentKey(files, plan.edits, extra) }).pipe(
        Effect.mapError((e) => (e._tag === "ConfigEvalFailed" ? unscratch(scratchRoot)(e) : e))
      )
    }
    return { files, plan, diff, proof, timings: { planMs, checkMs, previewMs: performance.now() - previewStarted }, preview }
  }))

/** Writes a proven change (atomically, with backups). */
export const writeConfigChange = (proven: ProvenChange): Effect.Effect<ReadonlyArray<WrittenFile>, ConfigError, ConfigStore> =>
  Effect.flatMap(ConfigStore, (store) => store.write(proven.plan.edits))
