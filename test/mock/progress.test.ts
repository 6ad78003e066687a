/** Progress state, line formatting and the three renderers. */
import { it } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect, vi } from "vitest"
import { foldProgress, formatProgress, initialProgress } from "../../src/domain/progress/ProgressState.js"
import { makeProgressRenderer, plainLine } from "../../src/layers/progress/renderProgress.js"
import { ActivityProgress, ActivityStarted, BuildLogLine, Message, NixError, PhaseChanged, StepStarted, type ProgressEvent } from "../../src/domain/ProgressEvent.js"

const events: ReadonlyArray<ProgressEvent> = [
  new StepStarted({ index: 1, total: 2, argv: ["nix", "profile", "install"], description: "install hello" }),
  new ActivityStarted({ id: 1, activity: "builds", text: "", parent: 0, fields: [] }),
  new ActivityStarted({ id: 2, activity: "build", text: "building '/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-hello-2.12.drv'", parent: 0, fields: ["/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-hello-2.12.drv", "", 1, 1] }),
  new ActivityProgress({ id: 1, activity: "builds", done: 0, expected: 3, running: 1, failed: 0 }),
  new PhaseChanged({ id: 2, phase: "buildPhase" }),
  new ActivityStarted({ id: 3, activity: "fileTransfer", text: "downloading", parent: 0, fields: [] }),
  new ActivityProgress({ id: 3, activity: "fileTransfer", done: 2_097_152, expected: 4_194_304, running: 0, failed: 0 })
]

describe("progress state", () => {
  it("folds builds, phase, downloads and speed into one line", () => {
    let s = initialProgress
    let t = 1000
    for (const e of events) s = foldProgress(s, e, (t += 0))
    expect(formatProgress(s, 3000)).toBe("[1/2] 0/3 builds · building hello-2.12 (buildPhase) · 2.0 MB of 4.0 MB at 1.0 MB/s")
  })
})

describe("renderers", () => {
  it.effect("json: one object per event with a type, on stdout (through Console)", () => {
    const spy = vi.spyOn(globalThis.console, "log").mockImplementation(() => undefined)
    const r = makeProgressRenderer("json")
    return Effect.gen(function*() {
      yield* r.render(new BuildLogLine({ id: 2, line: "make" }))
      yield* r.render(new Message({ level: 4, text: "evaluating file '/x.nix'" }))
      expect(spy.mock.calls.map((c) => JSON.parse(String(c[0])))).toEqual([{ type: "progress", event: "BuildLogLine", id: 2, line: "make" }])
    }).pipe(Effect.ensuring(Effect.sync(() => spy.mockRestore())))
  })

  it("plain: readable lines for what matters", () => {
    expect(events.map(plainLine).filter((l) => l !== undefined)).toEqual(["[1/2] install hello", "building hello-2.12", "  phase buildPhase"])
    expect(plainLine(new NixError({ text: "error: boom" }))).toBe("error: boom")
  })

  it.effect("tty: throttled redraws of one line, errors on their own line, cleared at the end", () => {
    let written = ""
    let now = 0
    const r = makeProgressRenderer("tty", (t) => { written += t }, () => now)
    return Effect.gen(function*() {
      for (const e of events) { now += 10; yield* r.render(e) }
      const redraws = written.split("\r\x1b[K").length - 1
      expect(redraws).toBeLessThanOrEqual(2)
      now += 200
      yield* r.render(new NixError({ text: "error: boom" }))
      expect(written).toContain("error: boom\n")
      yield* r.finish
      expect(written.endsWith("\r\x1b[K")).toBe(true)
    })
  })
})
