/**
 * The first link of the chain: answers what can be answered in-process, from the profile's own files,
 * the package index and the Nix daemon's socket, without starting a process. Mutations stay with
 * Nix's own commands (the profile and nix-env backends): every mutating intent is CannotServe here.
 * Its clean preview is offered separately (cleanPreview.ts) for the plan of whichever backend cleans.
 */
import { Effect, Option, Stream } from "effect"
import { type Handlers, serveWith } from "../../../domain/backends/handlers.js"
import { CannotServe } from "../../../domain/errors.js"
import { answer, type Outcome } from "../../../domain/Plan.js"
import type { DaemonOptions } from "../../daemon/DaemonClient.js"
import type { Backend } from "../../../services/Backend.js"
import { PackageIndex, type PackageIndexShape } from "../../../services/PackageIndex.js"
import { Settings } from "../../../services/Settings.js"
import { infoAnswer, providesAnswer, searchAnswer } from "./indexAnswers.js"
import { generationsAnswer, listAnswer } from "./profileAnswers.js"

const cannot = (reason: string) => new CannotServe({ backend: "native", reason })

export interface NativeBackendOptions {
  readonly profile: string
  /** Absent: search, info and provides are CannotServe. */
  readonly index: PackageIndexShape | undefined
  /** Where the daemon listens and how long to wait for it (info's installed size). */
  readonly daemon?: DaemonOptions | undefined
}

export const makeNativeBackend = (options: NativeBackendOptions): Backend => {
  const daemon = options.daemon ?? { timeoutMs: 2000 }
  const withIndex = (f: (index: PackageIndexShape) => Effect.Effect<Outcome, CannotServe>) =>
    options.index === undefined ? Effect.fail(cannot("no package index service")) : f(options.index)
  const handlers: Handlers<CannotServe> = {
    list: () => Effect.map(listAnswer(options.profile), answer),
    generations: () => Effect.map(generationsAnswer(options.profile), answer),
    search: (i) => withIndex((index) => searchAnswer(index, i.query)),
    provides: (i) => withIndex((index) => providesAnswer(index, i.query)),
    info: (i) => withIndex((index) => Effect.map(infoAnswer(index, i.packages, options.profile, daemon), answer))
  }
  return {
    name: "native",
    description: "answers from the profile's files, the package index and the Nix daemon, without starting Nix",
    serve: serveWith("native", handlers, (kind) => `"${kind}" is left to Nix's own commands (native only reads)`),
    execute: (plan) => Stream.fail(cannot(`native does not carry out plans (${plan.intent._tag})`))
  }
}

/** The native backend for this call: the profile from Settings, the index if one is provided. */
export const NativeBackend: Effect.Effect<Backend, never, Settings> = Effect.gen(function*() {
  const settings = yield* Settings
  const index = yield* Effect.serviceOption(PackageIndex)
  return makeNativeBackend({ profile: settings.profile, index: Option.getOrUndefined(index) })
})
