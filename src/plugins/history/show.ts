/** "what did I change last week": the recorded operations in a time window, oldest first. */
import { Clock, Effect } from "effect"
import type { PluginIntent } from "../../domain/Intent.js"
import { answer, type Outcome } from "../../domain/Plan.js"
import { Settings } from "../../services/Settings.js"
import { generationText, type HistoryEntry } from "./entry.js"
import { readEntries } from "./store.js"
import { inWindow, parseWindow, type Window } from "./when.js"

const SHOWN = 50

const line = (e: HistoryEntry): string => {
  const when = e.at.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "")
  const gens = generationText(e)
  return `${when}  ${e.summary}${gens ? `  (${gens})` : ""}${e.request && e.request !== e.summary ? `  asked: "${e.request}"` : ""}`
}

export const historyAnswer = (entries: ReadonlyArray<HistoryEntry>, window: Window | undefined, stateFile: string): Outcome => {
  const hits = entries.filter((e) => inWindow(window, Date.parse(e.at)))
  const shown = hits.slice(-SHOWN)
  const span = window?.label ?? "so far"
  return answer({
    _tag: "custom",
    kind: "history",
    data: { window: window?.label ?? null, total: hits.length, entries: shown, file: stateFile },
    lines: hits.length === 0
      ? [`ask-nix has not changed anything ${span === "so far" ? "yet" : span}.`]
      : [
        `What ask-nix changed ${span} (${hits.length} operation${hits.length === 1 ? "" : "s"}${hits.length > SHOWN ? `, last ${SHOWN} shown` : ""}):`,
        ...shown.map((e) => `  ${line(e)}`),
        'To undo the last one: ask-nix undo that'
      ]
  })
}

export const showHistory = (intent: PluginIntent) =>
  Effect.gen(function*() {
    const settings = yield* Settings
    const now = yield* Clock.currentTimeMillis
    const entries = yield* readEntries(settings.stateDir)
    return historyAnswer(entries, parseWindow(intent.text, now), `${settings.stateDir}/history.jsonl`)
  })
