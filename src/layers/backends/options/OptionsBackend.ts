/**
 * Answers `option` questions (search the NixOS / home-manager options, show one and its current value)
 * from the options data next to the package index. A link of the chain; it serves nothing else. The
 * answering code is loaded on the first `option` question only.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { Effect, Stream } from "effect"
import { type Handlers, serveWith } from "../../../domain/backends/handlers.js"
import { CannotServe, type ServeError } from "../../../domain/errors.js"
import type { Backend } from "../../../services/Backend.js"
import type { ConfigEvaluator } from "../../../services/ConfigEvaluator.js"
import type { NixOptions } from "../../../services/NixOptions.js"
import type { Settings } from "../../../services/Settings.js"
import { SystemHost } from "../../../services/SystemHost.js"

export const backendName = "options"

export const OptionsBackend: Effect.Effect<Backend, never, NixOptions | ConfigEvaluator | Settings | SystemHost | FileSystem.FileSystem> =
  Effect.gen(function*() {
    const services = yield* Effect.context<NixOptions | ConfigEvaluator | Settings>()
    const files = yield* FileSystem.FileSystem
    const host = yield* SystemHost
    const handlers: Handlers<ServeError> = {
      option: (i) =>
        Effect.promise(() => import("./optionAnswer.js")).pipe(
          Effect.flatMap((m) => m.optionAnswer(i, files, host.hostname)),
          Effect.provide(services)
        )
    }
    return {
      name: backendName,
      description: "NixOS and home-manager options: search, show, current values",
      serve: serveWith(backendName, handlers, (kind) => `"${kind}" is not a question about options`),
      execute: (plan) => Stream.fail(new CannotServe({ backend: backendName, reason: `options only answers questions (${plan.intent._tag})` }))
    } satisfies Backend
  })
