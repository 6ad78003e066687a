/**
 * The NixOS system backend: serves system-scoped intents (update, rollback, generations, rebuild,
 * list) through nixos-rebuild / nixos-rebuild-ng, on the system found under Settings.root.
 * Detection runs once, on the first system request (user-scope requests never touch /etc).
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Either, Ref, Stream } from "effect"
import { describeIntent, type Intent } from "../../../domain/Intent.js"
import { type KindTable, lookup } from "../../../domain/backends/handlers.js"
import {
  CannotServe, ManualStepsRequired, NotAFlake, NotNixOS, type ServeError
} from "../../../domain/errors.js"
import { planned, type ExecutionResult, type Outcome, type Plan } from "../../../domain/Plan.js"
import type { Backend } from "../../../services/Backend.js"
import { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { Nix } from "../../../services/Nix.js"
import { Settings } from "../../../services/Settings.js"
import { detectSystem } from "../../system/detectSystem.js"
import { writable } from "../../system/files.js"
import { currentGeneration, readGenerations } from "../../system/readGenerations.js"
import { SystemHost } from "../../../services/SystemHost.js"
import { flakeRef, type SystemInfo } from "../../../domain/system/SystemInfo.js"
import { executeSystemPlan } from "./executeSystemPlan.js"
import { dryBuildAnswer, dryBuildPreview } from "./dryBuildPreview.js"
import { cleanPlan } from "../../../domain/backends/system/cleanPlan.js"
import { generationsAnswer, listAnswer, withRollbackChanges } from "./systemAnswers.js"
import { backendName, rebuildPlan, rollbackPlan, targetOf, updatePlan } from "../../../domain/backends/system/systemPlans.js"
import { rebuildArgv } from "../../../domain/system/rebuildArgv.js"
import { resultFor } from "../../../domain/backends/system/systemResult.js"
import { flakeUpdatePlan } from "../common/flakeUpdatePlan.js"
import { systemFlakeSteps } from "../../../domain/backends/system/systemPlans.js"

/** What to offer on a machine that is not NixOS. */
export const userAlternative = (intent: Intent): string | undefined =>
  intent._tag === "rebuild" ? undefined : `ask-nix --user ${describeIntent(intent)}`

const configSteps = (info: SystemInfo, intent: Intent & { readonly packages: ReadonlyArray<string> }) => {
  const where = info.config._tag === "flake" ? `${info.config.dir}/configuration.nix (or the module your flake uses)` : info.config.file
  const verb = intent._tag === "install" ? "add" : "remove"
  const tool = info.rebuildTool ?? "nixos-rebuild"
  const sudo = info.elevation.tool === undefined ? "" : `${info.elevation.tool} `
  return new ManualStepsRequired({
    steps: [
      `${verb} ${intent.packages.map((p) => `pkgs.${p}`).join(" ")} ${verb === "add" ? "to" : "from"} environment.systemPackages in ${where}`,
      `${sudo}${tool} switch${info.config._tag === "flake" ? ` --flake ${flakeRef(info.config)}` : ""}`,
      `(or, for your user only: ask-nix --user ${describeIntent(intent)})`
    ]
  })
}

export const SystemBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | SystemHost | FileSystem.FileSystem> = Effect.gen(function*() {
  const nix = yield* Nix
  const settings = yield* Settings
  const policy = yield* DryRunPolicy
  const host = yield* SystemHost
  const files = yield* FileSystem.FileSystem
  /** The system's files are read through this call's FileSystem. */
  const withFiles = Effect.provideService(FileSystem.FileSystem, files)
  const detect = yield* Effect.cached(detectSystem(settings.root).pipe(
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
    install: (i, info) => Effect.fail(configSteps(info, i)),
    remove: (i, info) => Effect.fail(configSteps(info, i))
  }

  const serve = (intent: Intent): Effect.Effect<Outcome, ServeError> =>
    detect.pipe(
      Effect.flatMap((info) =>
        !info.isNixOS
          ? Effect.fail(new NotNixOS({ root: settings.root, alternative: userAlternative(intent) }))
          : lookup(handlers, intent, info) ??
            Effect.fail(new CannotServe({ backend: backendName, reason: `"${intent._tag}" is not a NixOS system operation` }))),
      withFiles
    )

  const execute: Backend["execute"] = (plan) =>
    Stream.unwrap(Effect.map(nixos, (info) =>
      executeSystemPlan({
        nix, policy, info, terminal: settings.interactive,
        recordBefore: (p, g) => Ref.update(befores, (m) => new Map(m).set(p, g))
      }, plan))).pipe(Stream.provideService(FileSystem.FileSystem, files))

  return {
    name: backendName,
    description: "NixOS system: nixos-rebuild / nixos-rebuild-ng on the system profile",
    serve,
    execute,
    result: (plan: Plan): Effect.Effect<ExecutionResult, ServeError> =>
      Effect.gen(function*() {
        const info = yield* nixos
        const before = (yield* Ref.get(befores)).get(plan)
        const after = yield* currentGeneration(info.paths)
        return resultFor(info, plan, before, after, policy.dryRun)
      }).pipe(withFiles)
  } satisfies Backend
})
