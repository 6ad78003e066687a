/**
 * The home-manager backend: serves home-scoped intents (generations, rollback, switch / build, flake
 * update) for the user, whether home-manager runs standalone or as a NixOS module (detected once, on
 * the first home request: src/layers/home/detectHome.ts). As a module, applying home.nix is a system
 * rebuild: those plans are the system backend's, and it carries them out.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Either, Stream } from "effect"
import { type Intent, Rebuild } from "../../../domain/Intent.js"
import { type KindTable, lookup } from "../../../domain/backends/handlers.js"
import { CannotServe, NotAFlake, type ServeError } from "../../../domain/errors.js"
import type { HomeInfo } from "../../../domain/home/HomeInfo.js"
import { backendName, modeNote, rollbackPlan, switchPlan } from "../../../domain/home/homePlans.js"
import { homeResult } from "../../../domain/home/homeResult.js"
import { answer, planned, type GenerationDiff, type Outcome, type Plan } from "../../../domain/Plan.js"
import { describeDiff } from "../../../domain/system/describeDiff.js"
import { diffGenerations } from "../../../domain/system/generationDiff.js"
import { flakeRef } from "../../../domain/system/SystemInfo.js"
import type { Backend } from "../../../services/Backend.js"
import type { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { Nix } from "../../../services/Nix.js"
import { Settings } from "../../../services/Settings.js"
import { SystemHost } from "../../../services/SystemHost.js"
import { flakeUpdatePlan, type FlakeTarget } from "../common/flakeUpdatePlan.js"
import { detectHome } from "./detectHome.js"
import { currentHomeGeneration, homeGenerationContents, readHomeGenerations } from "./homeGenerations.js"
import { homeSwitchPreview } from "./homePreview.js"
import { detectSystem } from "../../system/detectSystem.js"
import { executePlan } from "../common/executePlan.js"
import { type ConfigServices, SystemBackend } from "../system/SystemBackend.js"
import { configEditing } from "../config/configEditing.js"
import type { ConfigTarget } from "../config/configHandlers.js"
import { rebuildPlan } from "../../../domain/backends/system/systemPlans.js"
import { cachedOnFirstUse } from "../../../services/cachedOnFirstUse.js"

/** Diffs shown with the list: the last few steps between consecutive generations. */
const diffCount = 3

export const HomeBackend: Effect.Effect<Backend, never, Nix | Settings | DryRunPolicy | SystemHost | FileSystem.FileSystem | ConfigServices> = Effect.gen(function*() {
  const nix = yield* Nix
  const settings = yield* Settings
  const host = yield* SystemHost
  const files = yield* FileSystem.FileSystem
  /** home-manager's files are read through this call's FileSystem. */
  const withFiles = Effect.provideService(FileSystem.FileSystem, files)
  const system = yield* SystemBackend
  const systemInfo = cachedOnFirstUse(detectSystem(settings.root).pipe(Effect.provideService(Nix, nix), Effect.provideService(SystemHost, host), withFiles))
  const detect = cachedOnFirstUse(withFiles(detectHome(nix, settings, systemInfo)))
  const befores = new WeakMap<Plan, number | undefined>()
  const config = yield* configEditing(backendName)

  const generationsAnswer = (info: HomeInfo) => Effect.gen(function*() {
    const gens = yield* readHomeGenerations(info.profile)
    const recent = yield* Effect.forEach(gens.slice(-(diffCount + 1)), homeGenerationContents)
    const diffs: Array<GenerationDiff> = []
    for (let i = 1; i < recent.length; i++) diffs.push(diffGenerations(recent[i - 1]!, recent[i]!))
    return answer({
      _tag: "generations",
      profile: info.profile,
      generations: gens.map(({ number, date, current, storePath }) => ({ number, date, current, label: storePath })),
      diffs
    })
  })

  /** The rollback plan, with what going back changes (the programs of both generations). */
  const rollback = (i: Extract<Intent, { _tag: "rollback" }>, info: HomeInfo) => Effect.gen(function*() {
    const gens = yield* readHomeGenerations(info.profile)
    const plan = yield* Either.match(rollbackPlan(info, i, gens, settings.interactive), {
      onLeft: (e): Effect.Effect<Plan, ServeError> => Effect.fail(e),
      onRight: (p): Effect.Effect<Plan, ServeError> => Effect.succeed(p)
    })
    const from = gens.find((g) => g.current)
    const to = gens.find((g) => g.number === plan.preview?.["to"])
    if (from === undefined || to === undefined || from === to) return planned(plan)
    const diff = diffGenerations(yield* homeGenerationContents(from), yield* homeGenerationContents(to))
    return planned({ ...plan, notes: [...plan.notes, `Going to generation ${to.number} changes: ${describeDiff(diff).join("; ")}.`], preview: { ...plan.preview, diff } })
  })

  /** Module: a system rebuild builds and activates the user's generation. Standalone: home-manager switch / build. */
  const rebuild = (i: Extract<Intent, { _tag: "rebuild" }>, info: HomeInfo): Effect.Effect<Outcome, ServeError, FileSystem.FileSystem> => {
    if (info.mode === "module") {
      return Effect.map(system.serve(i), (o) => o._tag === "Plan"
        ? planned({ ...o.plan, notes: [modeNote(info), "Applying home.nix is a NixOS rebuild: it builds the system with your home-manager generation in it.", ...o.plan.notes] })
        : o)
    }
    const plan = switchPlan(info, i, settings.interactive)
    if (plan === undefined) {
      return Effect.fail(new CannotServe({ backend: backendName, reason: `home-manager has no "${i.mode}" mode (it has switch and build)` }))
    }
    // Evaluated first under --execute too (a fraction of a second): a home.nix that does not evaluate stops here, with its position.
    return Effect.gen(function*() {
      const current = (yield* readHomeGenerations(info.profile)).find((g) => g.current)
      return planned(yield* homeSwitchPreview(nix, info, plan, current))
    })
  }

  /** Which flake a home flake update updates: --flake-dir, else home-manager's own flake (as a module: the system's). */
  const flakeTarget = (info: HomeInfo): Effect.Effect<FlakeTarget, ServeError, FileSystem.FileSystem> => {
    if (settings.flakeDir !== undefined) return Effect.succeed({ dir: settings.flakeDir, reason: "--flake-dir", next: ["Then apply it: ask-nix --home switch home-manager."] })
    if (info.mode === "standalone") {
      return info.flakeDir === undefined
        ? Effect.fail(new NotAFlake({ dir: info.paths.flakeDirs[0]!, detail: `home-manager is not configured with a flake here (no flake.nix in ${info.paths.flakeDirs.join(" or ")})` }))
        : Effect.succeed({ dir: info.flakeDir, reason: "home-manager's flake", next: [`Then apply it: home-manager switch --flake ${info.flakeDir} (ask-nix --home switch home-manager).`] })
    }
    return Effect.flatMap(Effect.orElseSucceed(systemInfo, () => undefined), (s): Effect.Effect<FlakeTarget, ServeError> =>
      s?.config._tag === "flake"
        ? Effect.succeed({
          dir: s.config.dir, reason: `home-manager is a module of the system flake (${s.config.reason})`,
          next: [`Then apply it: ${s.elevation.tool ?? ""}${s.elevation.tool ? " " : ""}${s.rebuildTool ?? "nixos-rebuild"} switch --flake ${flakeRef(s.config)} (ask-nix --system apply my config).`]
        })
        : Effect.fail(new NotAFlake({ dir: settings.root === "/" ? "/etc/nixos" : `${settings.root}/etc/nixos`, detail: "home-manager is a NixOS module here and the system is not configured with a flake (no /etc/nixos/flake.nix): update its channels with ask-nix --system update" })))
  }

  /**
   * The file a home-manager edit goes to: home.nix (standalone), or, as a NixOS module, the system's
   * configuration with the options under home-manager.users.<user>; and the switch that applies it.
   */
  const homeTarget = (info: HomeInfo): Effect.Effect<ConfigTarget, ServeError> =>
    info.mode === "standalone"
      ? Effect.map(
        settings.config === undefined && info.configFile !== undefined
          ? Effect.succeed({ main: info.configFile, how: info.reason, searchPath: [], notes: [] })
          : config.find(files, host.hostname, "home"),
        (found) => {
          const apply = switchPlan(info, new Rebuild({ mode: "switch" }), settings.interactive)
          return {
            backend: backendName, kind: "home", main: found.main, how: found.how, options: "home", prefix: [],
            apply: apply?.steps ?? [], applyPreview: apply?.preview ?? {}, notes: found.notes, searchPath: found.searchPath
          }
        }
      )
      : Effect.gen(function*() {
        const s = yield* Effect.mapError(systemInfo, (e): ServeError => e)
        const found = yield* config.find(files, host.hostname, "nixos")
        const apply = rebuildPlan(s, new Rebuild({ mode: "switch" }))
        return {
          backend: backendName, kind: "nixos", main: found.main, how: found.how, options: "home",
          prefix: ["home-manager", "users", info.user], apply: apply.steps, applyPreview: apply.preview ?? {},
          notes: [modeNote(info), ...found.notes], searchPath: found.searchPath
        }
      })

  const handlers: KindTable<[HomeInfo], Effect.Effect<Outcome, ServeError, FileSystem.FileSystem>> = {
    generations: (_, info) => generationsAnswer(info),
    rollback,
    rebuild,
    "flake-update": (i, info) => Effect.map(Effect.flatMap(flakeTarget(info), (t) => flakeUpdatePlan(nix, backendName, i, t)), planned),
    install: (i, info) => Effect.map(Effect.flatMap(homeTarget(info), (t) => config.packages(i, t)), planned),
    remove: (i, info) => Effect.map(Effect.flatMap(homeTarget(info), (t) => config.packages(i, t)), planned),
    configure: (i, info) => Effect.map(Effect.flatMap(homeTarget(info), (t) => config.configure(i, t)), planned)
  }

  const serve = (intent: Intent): Effect.Effect<Outcome, ServeError> =>
    Effect.flatMap(detect, (info) =>
      withFiles(lookup(handlers, intent, info) ??
        Effect.fail(new CannotServe({ backend: backendName, reason: `"${intent._tag}" is not a home-manager operation (home-manager: generations, rollback, switch, build, flake update)` }))))

  const switchBack = (info: HomeInfo) => (n: number) => [`${info.profile}-${n}-link/activate`]

  return {
    name: backendName,
    description: "home-manager: its generations, switch and rollback, standalone or as a NixOS module",
    serve,
    execute: (plan) => plan.backend !== backendName
      ? system.execute(plan)
      : config.execute(plan, (p) => Stream.unwrap(Effect.gen(function*() {
        const info = yield* detect
        // as a module, an edit is applied by a system rebuild (elevated as the system backend does it)
        if (info.mode === "module") return system.execute({ ...p, backend: system.name, writes: undefined })
        befores.set(p, yield* currentHomeGeneration(info.profile))
        return executePlan(p, { nix, currentGeneration: withFiles(currentHomeGeneration(info.profile)), switchBack: switchBack(info) })
      }).pipe(withFiles))),
    result: (plan) => plan.backend !== backendName && system.result !== undefined
      ? system.result(plan)
      : config.result(plan, Effect.flatMap(detect, (info) => Effect.map(withFiles(currentHomeGeneration(info.profile)), (after) => homeResult(info, plan, befores.get(plan), after))))
  } satisfies Backend
})
