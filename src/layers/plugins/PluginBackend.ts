/**
 * The backend that serves plugin intents: it asks the plugin's handler for an answer or a plan, and
 * carries plugin plans out step by step through the Nix choke point (mutating steps only when the
 * dry-run policy allows). Other intents: CannotServe, so the chain moves on.
 */
import { Effect, Stream } from "effect"
import type { ExecutionResult, Plan, Step } from "../../domain/Plan.js"
import { Message, StepStarted, type ProgressEvent } from "../../domain/ProgressEvent.js"
import { CannotServe, type ServeError } from "../../domain/errors.js"
import { type Handlers, serveWith } from "../../domain/backends/handlers.js"
import type { Backend } from "../../services/Backend.js"
import { DryRunPolicy } from "../../services/DryRunPolicy.js"
import { Nix } from "../../services/Nix.js"
import { PLUGIN_BACKEND, type PluginServices } from "../../services/Plugin.js"
import type { LoadedPlugins } from "../../services/Plugins.js"


const numberIn = (plan: Plan, key: string): number | undefined => {
  const v = plan.preview?.[key]
  return typeof v === "number" ? v : undefined
}

export const makePluginBackend = (loaded: LoadedPlugins): Effect.Effect<Backend, never, PluginServices> =>
  Effect.gen(function*() {
    const context = yield* Effect.context<PluginServices>()
    const nix = yield* Nix
    const policy = yield* DryRunPolicy
    const runStep = (step: Step): Effect.Effect<ReadonlyArray<ProgressEvent>, ServeError> =>
      step.mutating && !policy.allows(step.argv, true)
        ? Effect.succeed([new Message({ level: 3, text: `dry run: not running ${step.argv.join(" ")}` })])
        : nix.run({ argv: step.argv, mutating: step.mutating, env: step.env, interactive: step.interactive }).pipe(
          Effect.map((r) => r.stdout.split("\n").filter((l) => l.trim() !== "").map((text) => new Message({ level: 3, text })))
        )
    const handlers: Handlers<ServeError> = {
      plugin: (intent) => {
        const handler = loaded.handlerFor(intent)
        return handler === undefined
          ? Effect.fail(new CannotServe({ backend: PLUGIN_BACKEND, reason: `no plugin "${intent.plugin}" serves "${intent.kind}"` }))
          : Effect.provide(handler(intent), context)
      }
    }
    return {
      name: PLUGIN_BACKEND,
      description: "plugins (src/plugins): doctor, history and whatever else is installed",
      serve: serveWith(PLUGIN_BACKEND, handlers, () => "not a plugin request"),
      execute: (plan) =>
        Stream.fromIterable(plan.steps.map((step, index) => ({ step, index }))).pipe(
          Stream.flatMap(({ step, index }) =>
            Stream.concat(
              Stream.make(new StepStarted({ index: index + 1, total: plan.steps.length, argv: [...step.argv], description: step.description })),
              Stream.fromIterableEffect(runStep(step))
            ))
        ),
      result: (plan): Effect.Effect<ExecutionResult> =>
        Effect.succeed({
          plan,
          generationBefore: numberIn(plan, "generationBefore"),
          generationAfter: numberIn(plan, "generationAfter"),
          summary: [`ran ${plan.steps.length} command${plan.steps.length === 1 ? "" : "s"} for ${plan.backend}`]
        })
    }
  })
