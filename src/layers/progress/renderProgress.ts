/**
 * Progress renderers: a live, throttled line on a terminal; plain lines when piped; JSON lines (one
 * `{"type":"progress",...}` object per event, on stdout) under --json. Errors and step markers are
 * always printed as lines of their own.
 */
import { Console, Effect } from "effect"
import type { ProgressEvent } from "../../domain/ProgressEvent.js"
import { foldProgress, formatProgress, initialProgress, shortName, type ProgressState } from "../../domain/progress/ProgressState.js"

export type ProgressMode = "tty" | "plain" | "json"

export interface ProgressRenderer {
  readonly render: (event: ProgressEvent) => Effect.Effect<void>
  /** Clears the live line (call when the stream ends or fails). */
  readonly finish: Effect.Effect<void>
}

/** Minimum time between two redraws of the live line. */
export const redrawEveryMs = 100

export const eventToJson = (e: ProgressEvent): Record<string, unknown> => {
  const { _tag, ...fields } = e as ProgressEvent & Record<string, unknown>
  return { type: "progress", event: _tag, ...fields }
}

/** The line a piped run prints for an event, if any. */
export const plainLine = (e: ProgressEvent): string | undefined => {
  switch (e._tag) {
    case "StepStarted": return `[${e.index}/${e.total}] ${e.description ?? e.argv.join(" ")}`
    case "ActivityStarted":
      return e.activity === "build" ? `building ${shortName(String(e.fields[0] ?? e.text))}`
        : e.activity === "substitute" || e.activity === "copyPath" ? (e.text === "" ? undefined : e.text)
        : undefined
    case "PhaseChanged": return `  phase ${e.phase}`
    case "BuildLogLine": return `  | ${e.line}`
    case "NixError": return e.text
    case "Message": return e.level <= 1 ? e.text : undefined
    case "RawLine": return e.line
    default: return undefined
  }
}

export const makeProgressRenderer = (
  mode: ProgressMode,
  write: (text: string) => void = (t) => process.stderr.write(t),
  now: () => number = () => Date.now()
): ProgressRenderer => {
  if (mode === "json") {
    // -v makes Nix chatty (every file it evaluates): messages above "info" stay out of the JSON lines
    return {
      render: (e) => (e._tag === "Message" && e.level > 3 ? Effect.void : Console.log(JSON.stringify(eventToJson(e)))),
      finish: Effect.void
    }
  }
  if (mode === "plain") {
    return {
      render: (e) => {
        const line = plainLine(e)
        return line === undefined ? Effect.void : Console.error(line)
      },
      finish: Effect.void
    }
  }
  let state: ProgressState = initialProgress
  let lastDraw = 0
  let shown = false
  const clear = () => { if (shown) { write("\r\x1b[K"); shown = false } }
  const width = () => Math.max(20, (process.stderr.columns ?? 80) - 1)
  return {
    render: (e) => Effect.sync(() => {
      const t = now()
      state = foldProgress(state, e, t)
      if (e._tag === "NixError" || e._tag === "StepStarted") {
        clear()
        write(`${plainLine(e)}\n`)
      }
      if (t - lastDraw >= redrawEveryMs) {
        lastDraw = t
        write(`\r\x1b[K${formatProgress(state, t).slice(0, width())}`)
        shown = true
      }
    }),
    finish: Effect.sync(clear)
  }
}

/** The brief's shape: one function per mode. Use makeProgressRenderer for the `finish` step on a TTY. */
export const renderProgress = (mode: ProgressMode): ((event: ProgressEvent) => Effect.Effect<void>) =>
  makeProgressRenderer(mode).render
