/** `ask-nix index build|status`, through the IndexBuilder and PackageIndex services. Progress goes to stderr (JSON events under --json). */
import { Effect } from "effect"
import { exitCode, userMessage, type AppError } from "../domain/errors.js"
import { Output } from "../services/Output.js"
import type { SettingsShape } from "../services/Settings.js"
import { IndexBuilder } from "../services/IndexBuilder.js"
import { PackageIndex } from "../services/PackageIndex.js"
import type { IndexStatus } from "../domain/index/IndexAnswers.js"
import { formatBytes } from "./render.js"

const statusLines = (s: IndexStatus): ReadonlyArray<string> => {
  const ageH = (Date.now() - Date.parse(s.builtAt)) / 3_600_000
  return [
    `index:    ${s.path}`,
    `source:   ${s.source}`,
    `revision: ${s.revision ?? "unknown"}`,
    `packages: ${s.packages}`,
    `built:    ${s.builtAt} (${ageH < 48 ? `${ageH.toFixed(1)} hours` : `${(ageH / 24).toFixed(0)} days`} ago)`,
    `size:     ${formatBytes(s.sizeBytes)}`
  ]
}

const fail = (e: AppError) => Effect.gen(function*() {
  const out = yield* Output
  if (out.json) yield* out.result({ ok: false, error: { type: e._tag, message: userMessage(e) } })
  else yield* out.note(userMessage(e))
  return exitCode(e)
})

export const indexBuild = (settings: SettingsShape, from: string | undefined) => Effect.gen(function*() {
  const out = yield* Output
  const builder = yield* IndexBuilder
  const started = performance.now()
  const events: Array<{ stage: string; message: string }> = []
  const result = yield* builder.build({
    from,
    file: settings.file,
    flake: settings.file === undefined && settings.flake !== "nixpkgs" ? settings.flake : undefined,
    out: settings.index,
    onProgress: (p) => { events.push(p); if (!out.json) process.stderr.write(`${p.message}\n`) }
  })
  for (const e of events) yield* out.event("progress", e)
  for (const line of statusLines(result.status)) yield* out.text(line)
  yield* out.result({ ok: true, intent: "index-build", ...result.status, skipped: result.skipped, warnings: result.warnings, timings: { totalMs: Math.round(performance.now() - started) } })
  return 0
}).pipe(Effect.catchAll(fail))

export const indexStatus = Effect.gen(function*() {
  const out = yield* Output
  const status = yield* (yield* PackageIndex).status
  for (const line of statusLines(status)) yield* out.text(line)
  yield* out.result({ ok: true, intent: "index-status", ...status })
  return 0
}).pipe(Effect.catchAll(fail))
