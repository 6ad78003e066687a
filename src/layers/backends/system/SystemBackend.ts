/**
 * The NixOS system backend: serves system-scoped intents (update, rollback, generations, rebuild,
 * list) through nixos-rebuild / nixos-rebuild-ng, on the system found under Settings.root.
 * Detection runs once, on the first system request (user-scope requests never touch /etc).
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Either, Ref, Stream } from "effect"
import { describeIntent, type Intent, Rebuild, systemFormOf } from "../../../domain/Intent.js"
import { type KindTable, lookup } from "../../../domain/backends/handlers.js"
import { CannotServe, NotAFlake, NotNixOS, type ServeError } from "../../../domain/errors.js"
import { planned, type ExecutionResult, type Outcome, type Plan } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { Nix } from "../../../services/Nix.js"
import { Settings } from "../../../services/Settings.js"
import { detectSystem } from "../../system/detectSystem.js"
import { writable } from "../../system/files.js"
import { currentGeneration, readGenerations } from "../../system/readGenerations.js"
import { SystemHost } from "../../../services/SystemHost.js"
import type { SystemInfo } from "../../../domain/system/SystemInfo.js"
import type { ConfigEvaluator } from "../../../services/ConfigEvaluator.js"
import type { ConfigStore } from "../../../services/ConfigStore.js"
import type { NixOptions } from "../../../services/NixOptions.js"
import { configEditing } from "../config/configEditing.js"
import type { ConfigTarget } from "../config/configHandlers.js"
import { executeSystemPlan } from "./executeSystemPlan.js"
import { dryBuildAnswer, dryBuildPreview } from "./dryBuildPreview.js"
import { cleanPlan } from "../../../domain/backends/system/cleanPlan.js"
import { generationsAnswer, listAnswer, withRollbackChanges } from "./systemAnswers.js"
import { backendName, rebuildPlan, rollbackPlan, targetOf, updatePlan } from "../../../domain/backends/system/systemPlans.js"
import { rebuildArgv } from "../../../domain/system/rebuildArgv.js"
import { resultFor } from "../../../domain/backends/system/systemResult.js"
import { flakeUpdatePlan } from "../common/flakeUpdatePlan.js"
import { systemFlakeSteps } from "../../../domain/backends/system/systemPlans.js"
import { cachedOnFirstUse } from "../../../services/cachedOnFirstUse.js"

/** What to offer on a machine that is not NixOS. */
export const userAlternative = (intent: Intent): string | undefined =>
  // a kind that exists only for the system (a rebuild, a NixOS setting) has no user-profile counterpart
  systemFormOf(intent._tag)?.always === true ? undefined : `ask-nix --user ${describeIntent(intent)}`

/** What editing the configuration needs (loaded only when a request edits it). */
export type ConfigServices = ConfigStore | ConfigEvaluator | NixOptions

export const SystemBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | SystemHost | FileSystem.FileSystem | ConfigServices> = Effect.gen(function*() {
  const nix = yield* Nix
  const settings = yield* Settings
  const policy = yield* DryRunPolicy
  const host = yield* SystemHost
  const files = yield* FileSystem.FileSystem
  const config = yield* configEditing(backendName)
  /** The system's files are read through this call's FileSystem. */
  const withFiles = Effect.provideService(FileSystem.FileSystem, files)
  const detect = cachedOnFirstUse(detectSystem(settings.root).pipe(
    Effect.provideService(Nix, nix),
    Effect.provideService(SystemHost, host),
    withFiles
  ))
  const befores = yield* Ref.make(new Map<Plan, number | undefined>())

  const nixos = Effect.flatMap(detect, (info): Effect.Effect<SystemInfo, ServeError> =>
    info.isNixOS ? Effect.succeed(info) : Effect.fail(new NotNixOS({ root: settings.root, alternative: undefined })))

  const generationState = (info: SystemInfo) =>
    Effect.map(readGenerations(info.paths), (gens) => ({
      numbers: gens.map((g) => g.number),
      current: gens.find((g) => g.current)?.number
    }))

  const withPreview = (info: SystemInfo, plan: Plan): Effect.Effect<Plan, ServeError, FileSystem.FileSystem> =>
    policy.dryRun
      ? Effect.flatMap(currentGeneration(info.paths), (current) => dryBuildPreview(nix, info, plan, current))
      : Effect.succeed(plan)

  /** What the system backend does per kind, on a NixOS system (`info`). */
  const handlers: KindTable<[SystemInfo], Effect.Effect<Outcome, ServeError, FileSystem.FileSystem>> = {
    generations: (_, info) => generationsAnswer(info),
    list: (_, info) => listAnswer(info),
    rebuild: (i, info) =>
      i.mode === "dry-build"
        ? Effect.flatMap(currentGeneration(info.paths), (current) => dryBuildAnswer(nix, info, current))
        : Effect.map(withPreview(info, rebuildPlan(info, i)), planned),
    update: (i, info) =>
      writable(info.config._tag === "flake" ? info.config.dir : info.paths.configDir).pipe(
        Effect.flatMap((w) => withPreview(info, updatePlan(info, i, w))),
        Effect.map(planned)
      ),
    rollback: (i, info) =>
      Effect.flatMap(generationState(info), (gens) =>
        Either.match(rollbackPlan(info, i, gens), {
          onLeft: (e): Effect.Effect<Outcome, ServeError, FileSystem.FileSystem> => Effect.fail(e),
          onRight: (p): Effect.Effect<Outcome, ServeError, FileSystem.FileSystem> => Effect.map(withRollbackChanges(info, p), planned)
        })),
    clean: (i, info) => Effect.map(generationState(info), (gens) => planned(cleanPlan(info, i, gens))),
    "flake-update": (i, info) => {
      const dir = settings.flakeDir ?? (info.config._tag === "flake" ? info.config.dir : undefined)
      if (dir === undefined) {
        return Effect.fail(new NotAFlake({ dir: info.paths.configDir, detail: `the system uses channels (no ${info.paths.flakeNix}): update them with ask-nix --system update` }))
      }
      const reason = settings.flakeDir !== undefined ? "--flake-dir" : info.config._tag === "flake" ? `the system's flake: ${info.config.reason}` : ""
      const next = [`Then apply it: ${rebuildArgv(targetOf(info), "switch").join(" ")} (ask-nix --system apply my config).`]
      return Effect.all([flakeUpdatePlan(nix, backendName, i, { dir, reason, next }), writable(dir)]).pipe(
        Effect.map(([plan, canWrite]) => planned(systemFlakeSteps(info, plan, canWrite)))
      )
    },
    // configuration.nix is edited (environment.systemPackages), proven by evaluation, then rebuilt
    install: (i, info) => Effect.map(Effect.flatMap(systemTarget(info), (t) => config.packages(i, t)), planned),
    remove: (i, info) => Effect.map(Effect.flatMap(systemTarget(info), (t) => config.packages(i, t)), planned),
    configure: (i, info) => Effect.map(Effect.flatMap(systemTarget(info), (t) => config.configure(i, t)), planned)
  }

  /** configuration.nix (or the module the system's flake starts from), and the rebuild that applies it. */
  const systemTarget = (info: SystemInfo): Effect.Effect<ConfigTarget, ServeError> =>
    Effect.map(config.find(files, host.hostname, "nixos"), (found) => {
      const apply = rebuildPlan(info, new Rebuild({ mode: "switch" }))
      return {
        backend: backendName, kind: "nixos", main: found.main, how: found.how, options: "nixos", prefix: [],
        apply: apply.steps, applyPreview: apply.preview ?? {},
        notes: found.notes, searchPath: found.searchPath
      }
    })

  const serve = (intent: Intent): Effect.Effect<Outcome, ServeError> =>
    detect.pipe(
      Effect.flatMap((info) =>
        !info.isNixOS
          ? Effect.fail(new NotNixOS({ root: settings.root, alternative: userAlternative(intent) }))
          : lookup(handlers, intent, info) ??
            Effect.fail(new CannotServe({ backend: backendName, reason: `"${intent._tag}" is not a NixOS system operation` }))),
      withFiles
    )

  const runSteps = (plan: Plan) =>
    Stream.unwrap(Effect.map(nixos, (info) =>
      executeSystemPlan({
        nix, policy, info, terminal: settings.interactive,
        recordBefore: (p, g) => Ref.update(befores, (m) => new Map(m).set(p, g))
      }, plan))).pipe(Stream.provideService(FileSystem.FileSystem, files))

  // a configuration edit writes its files first, then rebuilds (unless --edit-only)
  const execute: Backend["execute"] = (plan) => config.execute(plan, runSteps)

  return {
    name: backendName,
    description: "NixOS system: nixos-rebuild / nixos-rebuild-ng on the system profile",
    serve,
    execute,
    result: (plan: Plan): Effect.Effect<ExecutionResult, ServeError> =>
      config.result(plan, Effect.gen(function*() {
        const info = yield* nixos
        const before = (yield* Ref.get(befores)).get(plan)
        const after = yield* currentGeneration(info.paths)
        return resultFor(info, plan, before, after, policy.dryRun)
      }).pipe(withFiles))
  } satisfies Backend
})
