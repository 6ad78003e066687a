/**
 * One request, start to finish: words -> intent -> (scope, checks) -> backend chain -> answer, or a plan
 * that is shown (dry run) or carried out (--execute) with progress. Returns the process exit code.
 */
import { Effect, Stream } from "effect"
import { describeIntent, Install, intentProblem, intentToJson, isMutating, PluginIntent, type Scope, Search, type Intent, type Understood, whatItDoes } from "../domain/Intent.js"
import { exitCode, ManualStepsRequired, NeedsConfirmation, NotUnderstood, RequestRejected, userMessage, type AppError } from "../domain/errors.js"
import { showArgv } from "../domain/backends/instructions/commands.js"
import { type Answer, type ExecutionResult, type Outcome, type Plan, planActs } from "../domain/Plan.js"
import { checkPackageName } from "../domain/AttrPath.js"
import { actsWithoutAsking } from "../domain/parse/parseRequest.js"
import type { Backend } from "../services/Backend.js"
import { BackendChain, type Tried } from "../services/BackendChain.js"
import { DryRunPolicy } from "../services/DryRunPolicy.js"
import { IntentParser } from "../services/IntentParser.js"
import { Output } from "../services/Output.js"
import { Prompter } from "../services/Prompter.js"
import { Settings } from "../services/Settings.js"
import { errorJson } from "../domain/resultJson.js"
import { answerJson, answerLines, planJson, planLines, resultLines } from "./render.js"
import { builtinAnswer } from "./builtin.js"
import { withMatchingOptions } from "./explainOptions.js"
import { explainWords } from "../domain/explanations.js"
import { Wiring } from "../services/Wiring.js"
import { decideScope } from "../domain/system/decideScope.js"
import { CleanPreview } from "../services/CleanPreview.js"
import { ProfileLock } from "../services/ProfileLock.js"
import { History } from "../services/History.js"
import { undoCommand } from "../domain/history/undoCommand.js"
import { changedNothing } from "../domain/history/HistoryEntry.js"
import { goBack, withNote } from "./goBack.js"
import { nameSuggestions, suggestionText, whyAsk } from "../domain/confirmation/whyAsk.js"
import { confirm } from "./confirm.js"
import * as path from "node:path"
import { imperativeOf } from "../domain/imperative.js"

export interface Request {
  /** The words as the user gave them (for a typed subcommand: "<subcommand> <words>"). */
  readonly text: string
  /**
   * Set by typed subcommands: the kind is known. The words still go through the parser (so both routes
   * give the same intent: aliases, filler, lists); when the parser reads another kind, `intent` is used.
   */
  readonly typed?: { readonly intent: Intent; readonly parse: boolean } | undefined
  /** A plugin's typed subcommand and its words. */
  readonly command?: { readonly name: string; readonly words: ReadonlyArray<string> } | undefined
}

export interface Served {
  readonly backend: Backend
  readonly outcome: Outcome
  readonly tried: ReadonlyArray<{ readonly backend: string; readonly reason: string }>
  readonly backendMs: number
}

/** Intents that change the user's profile (not `try`, which only builds, nor a NixOS rebuild). */
const changesProfile = (intent: Intent): boolean => isMutating(intent) && intent._tag !== "try" && intent._tag !== "rebuild"

const packagesOf = (intent: Intent): ReadonlyArray<string> =>
  "packages" in intent ? intent.packages : []

const checkNames = (intent: Intent) => {
  for (const name of packagesOf(intent)) {
    const bad = checkPackageName(name)
    if (bad !== undefined) return Effect.fail(bad)
  }
  return Effect.void
}

const timings = (started: number, backendMs: number) => ({
  totalMs: Math.round((performance.now() - started) * 100) / 100,
  backendMs: Math.round(backendMs * 100) / 100
})

/** Understand the request: a typed subcommand's intent, or the parser's reading of a sentence. */
const understand = (req: Request) => Effect.gen(function*() {
  if (req.command !== undefined) {
    const intent = new PluginIntent({ plugin: "command", kind: req.command.name, text: req.command.words.join(" "), args: {} })
    return { intent, confidence: 1, notes: ["typed command"], corrections: [] } satisfies Understood
  }
  const parser = yield* IntentParser
  if (req.typed === undefined) return yield* parser.parse(req.text)
  const typed = req.typed.intent
  const direct: Understood = { intent: typed, confidence: 1, notes: ["typed command"], corrections: [] }
  if (!req.typed.parse) return direct
  const parsed = yield* parser.parse(req.text)
  const sameKind = parsed.intent._tag === typed._tag ||
    (typed._tag === "install" && parsed.category !== undefined)
  // A typed command is explicit: the user knows what they want, so it is fully confident.
  return sameKind ? { ...parsed, confidence: 1 } : direct
})

/** The backend that was serving when something failed, and those that declined before it (for --json). */
interface Involved {
  backend?: string | undefined
  tried: Array<Tried>
}

export const runRequest = (req: Request) => {
  const started = performance.now()
  const involved: Involved = { tried: [] }
  return Effect.gen(function*() {
    const settings = yield* Settings
    const out = yield* Output
    const wiring = yield* Wiring
    for (const w of wiring.warnings) yield* out.note(`warning: ${w}`)

    let understood = yield* takeSuggestion(yield* understand(req))
    const problem = intentProblem(understood.intent)
    if (problem !== undefined) return yield* new RequestRejected({ reason: problem })
    const scope = decideScope(understood, settings)

    // (not understood: the error says so, once)
    if (understood.intent._tag !== "unknown") yield* out.text(`Understood: ${describeIntent(understood.intent)}${scopeLabel[scope.scope]}${understood.question === true ? " (a question: the plan is the answer)" : ""}`)
    for (const c of understood.corrections) yield* out.note(`(read "${c.from}" as "${c.to}")`)
    if (settings.showIntent) {
      yield* out.event("intent", { ...intentToJson(understood), scope: scope.scope, scopeReason: scope.reason })
      if (!out.json) {
        yield* out.text(`  kind: ${understood.intent._tag}, confidence ${understood.confidence.toFixed(2)}, scope: ${scope.scope} (${scope.reason})`)
        for (const n of understood.notes) yield* out.text(`  - ${n}`)
      }
    }

    const intent = understood.intent
    if (intent._tag === "unknown") {
      const s = understood.suggestion
      const hint = s === undefined ? understood.notes[0]
        : `Did you mean: ${describeIntent(s.intent)}? Then say it that way, e.g. ${imperativeOf(s.intent, "user").replace(" --execute", "")}.`
      return yield* new NotUnderstood({ text: intent.text.slice(0, 200), hint })
    }

    const builtin = builtinAnswer(intent, wiring.helpGroups)
    if (builtin !== undefined) {
      const answer = intent._tag === "explain" ? yield* withMatchingOptions(builtin, explainWords(intent.query) !== undefined) : builtin
      return yield* finishAnswer(answer, "builtin", [], 0, started)
    }

    // Category requests ("install a pdf viewer"): show choices; a terminal picks, a script gets exit 2.
    if (understood.category !== undefined && intent._tag === "search") {
      const picked = yield* chooseFromCategory(intent, understood.category, started)
      if (picked === undefined) return 2
      understood = { ...understood, intent: new Install({ packages: [picked] }), confidence: 1, category: undefined }
    }

    yield* checkNames(understood.intent)
    // A corrected name is a suggestion: nothing is planned or built for it without a yes.
    if (settings.execute && isMutating(understood.intent) && understood.question !== true && !(yield* confirm(whyAsk(understood, req.text)))) {
      return yield* new NeedsConfirmation({ reason: "Nothing was changed.", choices: [] })
    }

    const final = understood
    const work = Effect.gen(function*() {
      // "go back" is decided from the history inside the lock, like the plan: from the profile as it is.
      const back = yield* goBack(final.intent, scope.scope)
      const served = yield* serve(back.intent, scope.scope, involved).pipe(Effect.map((s) => withNote(s, back.note)))
      involved.backend = served.backend.name
      involved.tried = [...served.tried]
      if (served.outcome._tag === "Answer") {
        return yield* finishAnswer(served.outcome.answer, served.backend.name, served.tried, served.backendMs, started)
      }
      return yield* handlePlan(served, served.outcome.plan, final, scope.scope, req, started)
    })
    // A change to the profile is planned and carried out holding its lock: the plan is made from the
    // profile as it is once no other ask-nix is changing it (two installs at once lost one package).
    if (!(settings.execute && scope.scope === "user" && changesProfile(final.intent))) return yield* work
    const lock = yield* ProfileLock
    return yield* Effect.scoped(Effect.zipRight(
      lock.hold(settings.profile, (pid) => out.note(`Waiting for another ask-nix that is changing this profile (process ${pid})…`)),
      work
    ))
  }).pipe(
    Effect.catchAll((e: AppError) => reportError(e, started, involved))
  )
}

/** Which profile history files a change under: the user's (--profile), the NixOS system's, home-manager's. */
const recordedProfile: Readonly<Record<Scope, (s: { readonly profile: string; readonly root: string }) => string>> = {
  user: (s) => s.profile,
  system: (s) => path.join(s.root, "nix/var/nix/profiles/system"),
  home: () => "home-manager"
}

const scopeLabel: Readonly<Record<Scope, string>> = { user: "", system: " (system)", home: " (home-manager)" }

/**
 * Not understood, but the second opinion proposes a reading: at a terminal, ask "Did you mean ...?" and
 * go on with it only on yes (it is then what the person asked for, under the same dry-run rules).
 */
const takeSuggestion = (understood: Understood) => Effect.gen(function*() {
  const s = understood.suggestion
  const settings = yield* Settings
  if (understood.intent._tag !== "unknown" || s === undefined || !settings.interactive || settings.json) return understood
  const prompter = yield* Prompter
  if (!(yield* prompter.confirm(`I did not understand that. Did you mean: ${describeIntent(s.intent)}?`))) return understood
  return { intent: s.intent, confidence: 1, corrections: [], notes: [`You confirmed the reading "${describeIntent(s.intent)}".`] } satisfies Understood
})

const serve = (intent: Intent, scope: Scope, involved: Involved) => Effect.gen(function*() {
  const wiring = yield* Wiring
  if (intent._tag === "plugin") {
    const backend = wiring.pluginBackend
    involved.backend = backend.name
    const t0 = performance.now()
    const outcome = intent.plugin === "command"
      ? wiring.pluginCommand(intent.kind, intent.text === "" ? [] : intent.text.split(" "))
      : backend.serve(intent).pipe(Effect.catchTag("CannotServe", (e) => new NotUnderstood({ text: intent.text, hint: e.reason })))
    if (outcome === undefined) {
      return yield* new NotUnderstood({ text: intent.kind, hint: `No plugin handles "${intent.kind}".` })
    }
    return { backend, outcome: yield* outcome, tried: [], backendMs: performance.now() - t0 } satisfies Served
  }
  // The system and home-manager scopes have one backend each, no chain. On a machine that is not NixOS,
  // the system backend says so (NotNixOS), with the --user alternative.
  if (scope !== "user") {
    const backend = yield* (scope === "system" ? wiring.systemBackend : wiring.homeBackend)
    involved.backend = backend.name
    const t0 = performance.now()
    const outcome = yield* backend.serve(intent)
    return { backend, outcome, tried: [], backendMs: performance.now() - t0 } satisfies Served
  }
  const chain = yield* BackendChain
  const out = yield* Output
  const declined: Array<string> = []
  involved.backend = chain.backends[0]?.name
  const onDeclined = (t: Tried) => Effect.zipRight(
    Effect.sync(() => {
      declined.push(`${t.backend}: ${t.reason}`)
      involved.tried.push(t)
      involved.backend = chain.backends[involved.tried.length]?.name
    }),
    // Said before the slow part starts, not after: evaluating all of nixpkgs takes a while.
    t.backend === "native" && intent._tag === "search"
      ? Effect.zipRight(
        out.note(`No usable package index (${t.reason}): searching with Nix, which can take a minute…`),
        out.event("progress", { event: "SlowSearch", reason: t.reason })
      )
      : Effect.void
  )
  return yield* chain.serve(intent, onDeclined).pipe(
    // A real failure after some backends passed: say why they passed (a stale index, a missing command).
    Effect.tapError(() => declined.length > 0 && !out.json ? out.note(`(tried first: ${declined.join("; ")})`) : Effect.void)
  )
})

const finishAnswer = (answer: Answer, backend: string, tried: Served["tried"], backendMs: number, started: number) =>
  Effect.gen(function*() {
    const out = yield* Output
    for (const line of answerLines(answer)) yield* out.text(line)
    yield* out.result({ ok: true, intent: answer._tag === "custom" ? answer.kind : answer._tag, backend, tried, ...answerJson(answer), timings: timings(started, backendMs) })
    return 0
  })

const chooseFromCategory = (intent: Search, category: string, started: number) => Effect.gen(function*() {
  const out = yield* Output
  const settings = yield* Settings
  const chain = yield* BackendChain
  const served = yield* chain.serve(intent)
  const results = served.outcome._tag === "Answer" && served.outcome.answer._tag === "search" ? served.outcome.answer.results.slice(0, 5) : []
  if (results.length === 0) {
    yield* out.text(`I could not find a ${category}. Try: ask-nix search ${category}`)
    yield* out.result({ ok: false, intent: "search", backend: served.backend.name, results: [], timings: timings(started, served.backendMs) })
    return undefined
  }
  const choices = results.map((r) => ({ title: `${r.attrPath}  ${r.description ?? ""}`.trim(), value: r.attrPath }))
  if (settings.interactive && !settings.json) {
    const prompter = yield* Prompter
    const picked = yield* prompter.choose(`Which ${category}?`, choices)
    if (picked !== undefined) return picked
    yield* out.text("Nothing chosen; nothing changed.")
    return undefined
  }
  yield* out.text(`"${category}" could be several packages. Pick one and ask again, e.g. ask-nix install ${results[0]!.attrPath}`)
  for (const c of choices) yield* out.text(`  ${c.title}`)
  yield* out.result({
    ok: false, intent: "search", needsChoice: true, category, backend: served.backend.name,
    results: results.map((r) => ({ attrPath: r.attrPath, pname: r.pname, version: r.version, description: r.description })),
    timings: timings(started, served.backendMs)
  })
  return undefined
})

const handlePlan = (served: Served, planned: Plan, understood: Understood, scope: Scope, req: Request, started: number) =>
  Effect.gen(function*() {
    const out = yield* Output
    const policy = yield* DryRunPolicy
    const settings = yield* Settings
    // The clean preview ("would free 1.2 GiB") comes from the daemon, in-process; unchanged without one.
    const plan = scope === "user" && planned.intent._tag === "clean" && planned.manual !== true
      ? yield* (yield* CleanPreview).enrich(planned)
      : planned
    // A question ("how do i install firefox?") is answered with the plan and never carried out, even with --execute.
    const asked = understood.question === true
    const dryRun = policy.dryRun || asked
    const base = {
      intent: plan.intent._tag, backend: served.backend.name, tried: served.tried, scope,
      dryRun, manual: plan.manual === true, plan: planJson(plan), notes: plan.notes, preview: plan.preview ?? null
    }
    for (const line of planLines(plan, dryRun)) yield* out.text(line)
    if (asked) return yield* answerQuestion(plan, scope, base, policy.dryRun, served.backendMs, started)

    if (plan.manual === true) {
      if (served.tried.length > 0 && !out.json) {
        yield* out.note(`(${served.tried.map((t) => `${t.backend}: ${t.reason}`).join("; ")})`)
      }
      // A change shown in a dry run is what was asked; carrying it out, or a question ask-nix could not
      // answer itself, is a failure that leaves the steps to the person.
      const shown = isMutating(plan.intent) && policy.dryRun
      const cannot = shown ? {} : { error: errorJson(new ManualStepsRequired({ steps: plan.steps.map((st) => showArgv(st.argv)) })) }
      yield* out.result({ ok: shown, ...base, ...cannot, timings: timings(started, served.backendMs) })
      return shown ? 0 : 1
    }
    const suggested = nameSuggestions(understood)
    const unsure = !actsWithoutAsking(understood.confidence)
    if (policy.dryRun) {
      if (unsure) yield* out.text("I am not sure I understood you; check the plan before running it.")
      if (suggested.length > 0) yield* out.text(`${suggestionText(suggested)} With --execute I will ask first (or add --yes).`)
      // A plan without steps (everything already as asked) has nothing to carry out.
      yield* out.text(planActs(plan) ? "Run again with --execute to do it." : "Nothing to do.")
      yield* out.result({ ok: true, ...base, timings: timings(started, served.backendMs) })
      return 0
    }
    if (!(yield* confirm(whyAsk(understood, req.text, plan, settings.confirm === "always")))) {
      yield* out.text("Nothing was changed.")
      yield* out.result({ ok: false, ...base, cancelled: true, timings: timings(started, served.backendMs) })
      return 2
    }

    const wiring = yield* Wiring
    const t0 = performance.now()
    yield* served.backend.execute(plan).pipe(
      Stream.tap(wiring.renderProgress),
      Stream.runDrain,
      Effect.ensuring(wiring.finishProgress),
      // Said when a signal stops the work, and when it fails after the profile changed: where the profile is now.
      Effect.onInterrupt(() => Effect.zipRight(profileNow(served.backend, plan, "stopped"), writtenBeforeFailure(served, plan, scope, req, "stopped"))),
      // (A failed switch-back already says where the profile is.)
      Effect.tapError((e) => Effect.zipRight(
        e._tag === "SwitchBackFailed" ? Effect.void : profileNow(served.backend, plan, "failed"),
        writtenBeforeFailure(served, plan, scope, req, "failed")
      ))
    )
    const result: ExecutionResult = served.backend.result !== undefined
      ? yield* served.backend.result(plan)
      : { plan, summary: ["Done."] }
    const executeMs = performance.now() - t0
    // A configuration edit is undone by putting its files back (ask-nix undo), whatever was rebuilt.
    const undo = (result.writes ?? []).length > 0 ? "ask-nix undo" : undoCommand({
      scope, before: result.generationBefore, after: result.generationAfter,
      profile: settings.profileNamed ? settings.profile : undefined, file: settings.file
    })
    for (const line of resultLines(result, undo)) yield* out.text(line)
    const record = yield* recordChange(served, plan, scope, req, result)
    yield* wiring.onExecuted(record)
    yield* out.result({
      ok: true, ...base, summary: result.summary, generationBefore: result.generationBefore ?? null,
      generationAfter: result.generationAfter ?? null, ...(result.data ?? {}),
      timings: timings(started, served.backendMs + executeMs)
    })
    return 0
  })

/**
 * After an interrupted or failed execution: the profile's generation now, compared with before (read
 * afresh). A failure that comes after the switch must not read as "nothing was changed".
 */
/** Records a change carried out (or a configuration edit written) in the history, for "undo". */
const recordChange = (served: Served, plan: Plan, scope: Scope, req: Request, result: ExecutionResult) => Effect.gen(function*() {
  const out = yield* Output
  const settings = yield* Settings
  const record = {
    at: new Date().toISOString(), request: req.text, intent: plan.intent, backend: served.backend.name,
    profile: recordedProfile[scope](settings),
    scope, generationBefore: result.generationBefore, generationAfter: result.generationAfter,
    argv: plan.steps.map((s) => s.argv), ...(result.writes !== undefined ? { writes: result.writes } : {})
  }
  // The change is made: a history that cannot be written is a warning, not a failure of the change.
  // A run that changed nothing is no change to undo.
  if (!changedNothing(record)) {
    yield* (yield* History).record(record).pipe(
      Effect.catchTag("FileError", (e) => out.note(`warning: this change was not recorded in the history (${userMessage(e)}), so "undo" will not know about it.`))
    )
  }
  return record
})

/**
 * A configuration edit is written before its rebuild runs: when the rebuild then fails (or is stopped),
 * the file stays edited. Say so (where the old file is, how to undo it) and record the edit, so that
 * "undo that" puts back this file and not an older edit.
 */
const writtenBeforeFailure = (served: Served, plan: Plan, scope: Scope, req: Request, how: "stopped" | "failed") => Effect.gen(function*() {
  if (served.backend.result === undefined || (plan.writes ?? []).length === 0) return
  const out = yield* Output
  const r = yield* Effect.either(served.backend.result(plan))
  const writes = r._tag === "Right" ? r.right.writes ?? [] : []
  if (writes.length === 0) return
  for (const w of writes) yield* out.note(`${w.path} was written before the rebuild ${how}, so it holds the edit (the old file is kept at ${w.backup}).`)
  yield* out.note("Fix the problem above and apply it with: ask-nix apply my config. Or put the file back: ask-nix undo that")
  if (r._tag === "Right") yield* recordChange(served, plan, scope, req, r.right)
})

const profileNow = (backend: Backend, plan: Plan, how: "stopped" | "failed") => Effect.gen(function*() {
  if (backend.result === undefined) return
  const out = yield* Output
  const settings = yield* Settings
  const r = yield* Effect.either(backend.result(plan))
  if (r._tag === "Left") {
    yield* out.note(`Could not read the profile after the work ${how} (${userMessage(r.left)}). Check it with: ask-nix generations`)
    return
  }
  const { generationBefore: before, generationAfter: after } = r.right
  if (before === after) {
    if (how === "stopped") yield* out.note(`Stopped Nix; ${settings.profile} is on generation ${before ?? "none"}, as it was.`)
    return
  }
  yield* out.note(`Note: the profile ${settings.profile} did change before Nix ${how}: it is on generation ${after ?? "none"} now (it was on ${before ?? "none"}). ` +
    `To go back: ask-nix${!settings.profileNamed ? "" : ` --profile ${settings.profile}`} --execute rollback --to ${before ?? 1}`)
})

/** The plan was the answer: say what would do it, and that nothing was done. */
const answerQuestion = (plan: Plan, scope: Scope, base: Record<string, unknown>, dryRun: boolean, backendMs: number, started: number) =>
  Effect.gen(function*() {
    const out = yield* Output
    const command = imperativeOf(plan.intent, scope)
    const explanation = whatItDoes(plan.intent)
    if (!dryRun) yield* out.text("That was a question, so nothing was done (not even with --execute).")
    yield* out.text(`To do it: ${command}`)
    if (explanation !== undefined) yield* out.text(explanation)
    yield* out.result({ ok: true, ...base, question: true, executed: false, command, explanation: explanation ?? null, timings: timings(started, backendMs) })
    return 0
  })

const reportError = (e: AppError, started: number, involved: Involved) => Effect.gen(function*() {
  const out = yield* Output
  if (out.json) {
    // Which backend failed and which declined first, when a backend was asked at all.
    const backend = involved.backend !== undefined || involved.tried.length > 0 ? { backend: involved.backend ?? null, tried: involved.tried } : {}
    yield* out.result({ ok: false, error: errorJson(e), ...backend, timings: timings(started, 0) })
  } else {
    yield* out.note(userMessage(e))
  }
  return exitCode(e)
})
