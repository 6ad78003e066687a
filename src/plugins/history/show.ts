/** "what did I change last week": the changes ask-nix made in a profile in a time window, oldest first. */
import { Clock, Effect } from "effect"
import type { PluginIntent } from "../../domain/Intent.js"
import { answer, type Outcome } from "../../domain/Plan.js"
import { showArgv } from "../../domain/backends/instructions/commands.js"
import { generationText, type HistoryEntry } from "../../domain/history/HistoryEntry.js"
import { History } from "../../services/History.js"
import { Settings } from "../../services/Settings.js"
import { inWindow, parseWindow, type Window } from "./when.js"

const SHOWN = 50

const line = (e: HistoryEntry): string => {
  const when = e.at.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "")
  const gens = generationText(e)
  return `${when}  ${e.summary}${gens ? `  (${gens})` : ""}${e.request && e.request !== e.summary ? `  asked: "${e.request}"` : ""}`
}

export interface HistoryView {
  /** The profile shown (as History names it). */
  readonly profile: string
  /** Given with --profile: repeated in the commands shown. */
  readonly explicit: boolean
  readonly location: string
}

const withProfile = (profile: string | undefined, ...words: ReadonlyArray<string>) =>
  showArgv(["ask-nix", ...(profile === undefined ? [] : ["--profile", profile]), ...words])

export const historyAnswer = (entries: ReadonlyArray<HistoryEntry>, window: Window | undefined, view: HistoryView): Outcome => {
  const inTime = entries.filter((e) => inWindow(window, Date.parse(e.at)))
  const hits = inTime.filter((e) => e.profile === view.profile)
  const others = new Map<string, { readonly scope: string; n: number }>()
  for (const e of inTime) {
    if (e.profile === view.profile) continue
    const o = others.get(e.profile) ?? { scope: e.scope, n: 0 }
    o.n++
    others.set(e.profile, o)
  }
  const shown = hits.slice(-SHOWN)
  const span = window?.label ?? "so far"
  const changes = (n: number) => `${n} change${n === 1 ? "" : "s"}`
  const elsewhere = [...others].map(([p, { scope, n }]) =>
    scope === "home" ? `  ${changes(n)} to home-manager (undo the last with: ask-nix --home rollback)`
      : scope === "system" ? `  ${changes(n)} to the NixOS system (undo the last with: ask-nix --system rollback)`
      : `  ${changes(n)} in ${p}: ${withProfile(p, "history")}`)
  return answer({
    _tag: "custom",
    kind: "history",
    data: {
      profile: view.profile, window: window?.label ?? null, total: hits.length, entries: shown, file: view.location,
      otherProfiles: Object.fromEntries([...others].map(([p, o]) => [p, o.n]))
    },
    lines: [
      ...(hits.length === 0
        ? [`ask-nix has not changed ${view.profile} ${span === "so far" ? "yet" : span}.`]
        : [
          `What ask-nix changed in ${view.profile} ${span} (${hits.length} operation${hits.length === 1 ? "" : "s"}${hits.length > SHOWN ? `, last ${SHOWN} shown` : ""}):`,
          ...shown.map((e) => `  ${line(e)}`),
          `To undo the last one: ${withProfile(view.explicit ? view.profile : undefined, "undo")}`
        ]),
      ...(elsewhere.length > 0 ? ["Other profiles:", ...elsewhere] : [])
    ]
  })
}

export const showHistory = (intent: PluginIntent) =>
  Effect.gen(function*() {
    const settings = yield* Settings
    const history = yield* History
    const now = yield* Clock.currentTimeMillis
    const entries = yield* history.entries
    return historyAnswer(entries, parseWindow(intent.text, now), {
      profile: yield* history.profileKey(settings.profile), explicit: !settings.defaultProfile, location: history.location
    })
  })
