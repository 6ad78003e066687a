/** `ask-nix index build|status`, through the IndexBuilder and PackageIndex services. Progress goes to stderr (JSON events under --json). */
import { Effect } from "effect"
import { exitCode, userMessage, type AppError } from "../domain/errors.js"
import { errorJson } from "../domain/resultJson.js"
import { Output } from "../services/Output.js"
import type { SettingsShape } from "../services/Settings.js"
import { IndexBuilder } from "../services/IndexBuilder.js"
import { PackageIndex } from "../services/PackageIndex.js"
import { NixOptions, type OptionsStatus } from "../services/NixOptions.js"
import * as FileSystem from "@effect/platform/FileSystem"
import type { IndexStatus } from "../domain/index/IndexAnswers.js"
import type { BuildProgress } from "../domain/index/IndexBuild.js"
import { downloadBar, downloadStep } from "../domain/index/downloadBar.js"
import { formatBytes } from "./render.js"

const statusLines = (s: IndexStatus): ReadonlyArray<string> => {
  const ageH = (Date.now() - Date.parse(s.builtAt)) / 3_600_000
  return [
    `index:    ${s.path}`,
    `source:   ${s.source}`,
    `revision: ${s.revision ?? "unknown"}`,
    `packages: ${s.packages}`,
    `built:    ${s.builtAt} (${ageH < 48 ? `${ageH.toFixed(1)} hours` : `${(ageH / 24).toFixed(0)} days`} ago)`,
    `size:     ${formatBytes(s.sizeBytes)}`,
    `commands: ${s.programs === null ? "guessed (no programs database)" : `from ${s.programs} (certain)`}`
  ]
}

const fail = (e: AppError) => Effect.gen(function*() {
  const out = yield* Output
  if (out.json) yield* out.result({ ok: false, error: errorJson(e) })
  else yield* out.note(userMessage(e))
  return exitCode(e)
})

/** What `index build` was asked to build from, beyond the global settings. */
export interface IndexBuildFlags {
  readonly from?: string | undefined
  readonly url?: string | undefined
  readonly download?: boolean | undefined
  readonly programs?: string | undefined
  readonly nixosOptions?: string | undefined
  /** home-manager options (same formats), for `ask-nix option` in the home-manager scope. */
  readonly homeOptions?: string | undefined
}

/**
 * Progress on stderr: a live bar for a download on a terminal (redrawn at most every 100 ms by the builder),
 * a line a tenth when piped; other stages one line each. JSON events are kept for stdout (a twentieth of a
 * download each).
 */
const progressWriter = (json: boolean, events: Array<BuildProgress>) => {
  const tty = process.stderr.isTTY === true
  let live = false
  let lastStep = -1
  return (p: BuildProgress) => {
    if (p.bytes !== undefined) {
      const step = downloadStep(p.bytes.received, p.bytes.total, json ? 20 : 10)
      const fresh = step !== lastStep
      lastStep = step
      if (json) { if (fresh) events.push(p); return }
      if (tty) { process.stderr.write(`\r\x1b[K${p.message} ${downloadBar(p.bytes.received, p.bytes.total)}`); live = true }
      else if (fresh) process.stderr.write(`${p.message} ${downloadBar(p.bytes.received, p.bytes.total)}\n`)
      return
    }
    events.push(p)
    if (json) return
    if (live) { process.stderr.write("\n"); live = false }
    process.stderr.write(`${p.message}\n`)
  }
}

/**
 * The options files, built with the index: from the files given, else (NixOS options) from the NixOS
 * manual's options.json when the system has it. Options that cannot be built are a warning, not a failure.
 */
const buildOptions = (settings: SettingsShape, from: { readonly nixos: string | undefined; readonly home: string | undefined }) =>
  Effect.gen(function*() {
    const options = yield* NixOptions
    const fs = yield* FileSystem.FileSystem
    const manual = `${settings.root.replace(/\/$/, "")}/run/current-system/sw/share/doc/nixos/options.json`
    const nixos = from.nixos ?? ((yield* Effect.orElseSucceed(fs.exists(manual), () => false)) ? manual : undefined)
    const built: Array<OptionsStatus> = []
    const warnings: Array<string> = []
    for (const [scope, file] of [["nixos", nixos], ["home", from.home]] as const) {
      if (file === undefined) continue
      const r = yield* Effect.either(options.build(scope, file))
      if (r._tag === "Right") built.push(r.right)
      else warnings.push(`${scope} options not built: ${userMessage(r.left)}`)
    }
    return { built, warnings }
  })

export const indexBuild = (settings: SettingsShape, flags: IndexBuildFlags) => Effect.gen(function*() {
  const out = yield* Output
  const builder = yield* IndexBuilder
  const started = performance.now()
  const events: Array<BuildProgress> = []
  const result = yield* Effect.onInterrupt(builder.build({
    ...flags,
    file: settings.file,
    flake: settings.file === undefined && settings.flake !== "nixpkgs" ? settings.flake : undefined,
    out: settings.index,
    onProgress: progressWriter(out.json, events)
  }), () => out.note(`Stopped: the index at ${settings.index} was left as it was.`))
  for (const e of events) yield* out.event("progress", { ...e })
  for (const line of statusLines(result.status)) yield* out.text(line)
  const options = yield* buildOptions(settings, { nixos: flags.nixosOptions, home: flags.homeOptions })
  for (const o of options.built) yield* out.text(`options:  ${o.count} ${o.scope === "nixos" ? "NixOS" : "home-manager"} options from ${o.source} (${o.path})`)
  for (const w of options.warnings) yield* out.note(`warning: ${w}`)
  yield* out.result({
    ok: true, intent: "index-build", ...result.status, skipped: result.skipped, warnings: [...result.warnings, ...options.warnings],
    options: options.built, timings: { totalMs: Math.round(performance.now() - started) }
  })
  return 0
}).pipe(Effect.catchAll(fail))

export const indexStatus = Effect.gen(function*() {
  const out = yield* Output
  const status = yield* (yield* PackageIndex).status
  for (const line of statusLines(status)) yield* out.text(line)
  yield* out.result({ ok: true, intent: "index-status", ...status })
  return 0
}).pipe(Effect.catchAll(fail))
