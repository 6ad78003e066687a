/**
 * What the system and home-manager backends hold to edit configurations: a handle that loads the
 * editing code (the Nix parser, the options search, the evaluator's use) only when a request edits a
 * configuration, so that no other call pays for it; and the execution of an edit: write the files
 * (atomically, backups kept), then run the backend's own steps (the rebuild) unless --edit-only.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Stream } from "effect"
import { ConfigEditRefused } from "../../../domain/configErrors.js"
import type { ServeError } from "../../../domain/errors.js"
import type { Configure, Install, Remove } from "../../../domain/Intent.js"
import type { ConfigKind } from "../../../domain/nixfile/configFiles.js"
import type { ExecutionResult, Plan, WrittenConfig } from "../../../domain/Plan.js"
import type { ProgressEvent } from "../../../domain/ProgressEvent.js"
import type { ConfigEvaluator } from "../../../services/ConfigEvaluator.js"
import type { ConfigStore } from "../../../services/ConfigStore.js"
import type { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import type { NixOptions } from "../../../services/NixOptions.js"
import { Settings } from "../../../services/Settings.js"
import type { ConfigTarget, FoundTarget } from "./configHandlers.js"
import { cachedOnFirstUse } from "../../../services/cachedOnFirstUse.js"

export const configEditing = (backend: string) =>
  Effect.gen(function*() {
    const services = yield* Effect.context<ConfigStore | ConfigEvaluator | NixOptions | DryRunPolicy | Settings>()
    const settings = yield* Settings
    /** "for my user" in a NixOS configuration: users.users.<$USER>; home-manager's packages are already the user's. */
    const accountOf = (i: Install | Remove, t: ConfigTarget): Effect.Effect<string | undefined, ServeError> => {
      if (i.forUser !== true || t.kind !== "nixos" || t.prefix.length > 0) return Effect.succeed(undefined)
      const user = settings.configEnv.USER
      return user !== undefined && user !== ""
        ? Effect.succeed(user)
        : Effect.fail(new ConfigEditRefused({
          path: t.main,
          reason: "the packages are for your user (users.users.<name>.packages), but USER is not set, so ask-nix cannot tell which user you are",
          hint: "Set USER to your user name and ask again."
        }))
    }
    const load = cachedOnFirstUse(
      Effect.promise(() => import("./configHandlers.js")).pipe(
        Effect.flatMap((m) => Effect.map(m.makeConfigHandlers, (handlers) => ({ m, handlers }))),
        Effect.provide(services)
      )
    )
    const configPlans = new WeakSet<Plan>()
    const written = new WeakMap<Plan, ReadonlyArray<WrittenConfig>>()
    const mark = (p: Plan) => {
      configPlans.add(p)
      return p
    }
    return {
      /** The file to edit for `kind`: --config, else found as nixos-rebuild / home-manager find it. */
      find: (files: FileSystem.FileSystem, hostname: string, kind: ConfigKind): Effect.Effect<FoundTarget, ServeError> =>
        Effect.flatMap(load, ({ m }) => m.findTarget(files, settings, hostname, kind)),
      configure: (i: Configure, t: ConfigTarget): Effect.Effect<Plan, ServeError> =>
        Effect.map(Effect.flatMap(load, ({ handlers }) => handlers.configure(i, t)), mark),
      /** A package list: the system's, home-manager's, or ("for my user") the user's own account's. */
      packages: (i: Install | Remove, t: ConfigTarget): Effect.Effect<Plan, ServeError> =>
        Effect.map(Effect.flatMap(Effect.zip(load, accountOf(i, t)), ([{ m, handlers }, user]) =>
          handlers.packages(i, t, [...t.prefix, ...m.packageOption(t.kind === "nixos" && t.prefix.length > 0 ? "home" : t.kind, user)],
            user !== undefined ? ["users", "users", user] : undefined)), mark),
      /** Carries out a plan: an edit's files first, then `runSteps` (the rebuild) when it has steps. */
      execute: <R>(plan: Plan, runSteps: (plan: Plan) => Stream.Stream<ProgressEvent, ServeError, R>): Stream.Stream<ProgressEvent, ServeError, R> =>
        !configPlans.has(plan)
          ? runSteps(plan)
          : Stream.concat(
            Stream.drain(Stream.fromEffect(Effect.flatMap(load, ({ handlers }) =>
              Effect.tap(handlers.write(plan), (w) => Effect.sync(() => written.set(plan, w)))))),
            plan.steps.length > 0 ? runSteps(plan) : Stream.empty
          ),
      /** The result: the files written (and the rebuild's result when it ran). */
      result: <R>(plan: Plan, base: Effect.Effect<ExecutionResult, ServeError, R>): Effect.Effect<ExecutionResult, ServeError, R> => {
        const w = written.get(plan)
        if (w === undefined) return base
        const wrote = w.map((f) => `Wrote ${f.path} (the old file is kept at ${f.backup}).`)
        if (plan.steps.length === 0) {
          return Effect.succeed({
            plan,
            writes: w,
            summary: [...wrote, "Not applied yet (--edit-only). Apply it with: ask-nix apply my config. To undo the edit: ask-nix undo that"]
          })
        }
        return Effect.map(base, (r) => ({ ...r, writes: w, summary: [...wrote, ...r.summary] }))
      },
      backend
    }
  })

export type ConfigEditing = Effect.Effect.Success<ReturnType<typeof configEditing>>
