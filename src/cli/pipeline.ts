/**
 * One request, start to finish: words -> intent -> (scope, checks) -> backend chain -> answer, or a plan
 * that is shown (dry run) or carried out (--execute) with progress. Returns the process exit code.
 */
import { Effect, Stream } from "effect"
import { describeIntent, Install, intentProblem, intentToJson, isMutating, PluginIntent, type Scope, Search, type Intent, type Understood, whatItDoes } from "../domain/Intent.js"
import { exitCode, NeedsConfirmation, NotUnderstood, RequestRejected, userMessage, type AppError } from "../domain/errors.js"
import type { Answer, ExecutionResult, Outcome, Plan } from "../domain/Plan.js"
import { checkPackageName } from "../domain/AttrPath.js"
import { CONFIDENCE_THRESHOLD } from "../domain/parse/parseRequest.js"
import type { Backend } from "../services/Backend.js"
import { BackendChain, type Tried } from "../services/BackendChain.js"
import { DryRunPolicy } from "../services/DryRunPolicy.js"
import { IntentParser } from "../services/IntentParser.js"
import { Output } from "../services/Output.js"
import { Prompter } from "../services/Prompter.js"
import { Settings } from "../services/Settings.js"
import { answerJson, answerLines, planJson, planLines, resultLines } from "./render.js"
import { builtinAnswer } from "./builtin.js"
import { Wiring } from "../services/Wiring.js"
import { decideScope } from "../domain/system/decideScope.js"
import { CleanPreview } from "../services/CleanPreview.js"
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

interface Served {
  readonly backend: Backend
  readonly outcome: Outcome
  readonly tried: ReadonlyArray<{ readonly backend: string; readonly reason: string }>
  readonly backendMs: number
}

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

export const runRequest = (req: Request) => {
  const started = performance.now()
  return Effect.gen(function*() {
    const settings = yield* Settings
    const out = yield* Output
    const wiring = yield* Wiring
    for (const w of wiring.warnings) yield* out.note(`warning: ${w}`)

    let understood = yield* takeSuggestion(yield* understand(req))
    const problem = intentProblem(understood.intent)
    if (problem !== undefined) return yield* new RequestRejected({ reason: problem })
    const scope = decideScope(understood, settings)

    yield* out.text(`Understood: ${describeIntent(understood.intent)}${scopeLabel[scope.scope]}${understood.question === true ? " (a question: the plan is the answer)" : ""}`)
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
      return yield* finishAnswer(builtin, "builtin", [], 0, started)
    }

    // Category requests ("install a pdf viewer"): show choices; a terminal picks, a script gets exit 2.
    if (understood.category !== undefined && intent._tag === "search") {
      const picked = yield* chooseFromCategory(intent, understood.category, started)
      if (picked === undefined) return 2
      understood = { ...understood, intent: new Install({ packages: [picked] }), confidence: 1, category: undefined }
    }

    yield* checkNames(understood.intent)

    const served = yield* serve(understood.intent, scope.scope)
    if (served.outcome._tag === "Answer") {
      return yield* finishAnswer(served.outcome.answer, served.backend.name, served.tried, served.backendMs, started)
    }
    return yield* handlePlan(served, served.outcome.plan, understood, scope.scope, req, started)
  }).pipe(
    Effect.catchAll((e: AppError) => reportError(e, started))
  )
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

const serve = (intent: Intent, scope: Scope) => Effect.gen(function*() {
  const wiring = yield* Wiring
  if (intent._tag === "plugin") {
    const backend = wiring.pluginBackend
    const t0 = performance.now()
    const outcome = intent.plugin === "command"
      ? wiring.pluginCommand(intent.kind, intent.text === "" ? [] : intent.text.split(" "))
      : backend.serve(intent).pipe(Effect.catchTag("CannotServe", (e) => new NotUnderstood({ text: intent.text, hint: e.reason })))
    if (outcome === undefined) {
      return yield* new NotUnderstood({ text: intent.kind, hint: `No plugin handles "${intent.kind}".` })
    }
    return { backend, outcome: yield* outcome, tried: [], backendMs: performance.now() - t0 } satisfies Served
  }
  if (scope === "system") {
    // On a machine that is not NixOS, the system backend says so (NotNixOS), with the --user alternative.
    const system = wiring.systemBackend
    const t0 = performance.now()
    const outcome = yield* system.serve(intent)
    return { backend: system, outcome, tried: [], backendMs: performance.now() - t0 } satisfies Served
  }
  if (scope === "home") {
    const home = wiring.homeBackend
    const t0 = performance.now()
    const outcome = yield* home.serve(intent)
    return { backend: home, outcome, tried: [], backendMs: performance.now() - t0 } satisfies Served
  }
  const chain = yield* BackendChain
  const out = yield* Output
  const declined: Array<string> = []
  const onDeclined = (t: Tried) => Effect.zipRight(
    Effect.sync(() => { declined.push(`${t.backend}: ${t.reason}`) }),
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
      yield* out.result({ ok: !(isMutating(plan.intent) && !policy.dryRun), ...base, timings: timings(started, served.backendMs) })
      return isMutating(plan.intent) && policy.dryRun ? 0 : 1
    }
    if (policy.dryRun) {
      if (understood.confidence < CONFIDENCE_THRESHOLD) {
        yield* out.text("I am not sure I understood you; check the plan before running it.")
      }
      // A plan without steps (everything already as asked) has nothing to carry out.
      yield* out.text(plan.steps.length === 0 ? "Nothing to do." : "Run again with --execute to do it.")
      yield* out.result({ ok: true, ...base, timings: timings(started, served.backendMs) })
      return 0
    }
    if (understood.confidence < CONFIDENCE_THRESHOLD && !settings.yes) {
      const reason = `I am not sure what you meant by "${req.text.slice(0, 120)}" (I read it as: ${describeIntent(understood.intent)}).`
      if (!settings.interactive) {
        return yield* new NeedsConfirmation({ reason: `${reason} Nothing was changed. Rephrase, use a typed command (ask-nix ${understood.intent._tag} ...), or add --yes.`, choices: [] })
      }
      const prompter = yield* Prompter
      if (!(yield* prompter.confirm(`${reason} Go ahead?`))) {
        yield* out.text("Nothing was changed.")
        yield* out.result({ ok: false, ...base, cancelled: true, timings: timings(started, served.backendMs) })
        return 2
      }
    }

    const wiring = yield* Wiring
    const t0 = performance.now()
    yield* served.backend.execute(plan).pipe(
      Stream.tap(wiring.renderProgress),
      Stream.runDrain,
      Effect.ensuring(wiring.finishProgress)
    )
    const result: ExecutionResult = served.backend.result !== undefined
      ? yield* served.backend.result(plan)
      : { plan, summary: ["Done."] }
    const executeMs = performance.now() - t0
    for (const line of resultLines(result, scope)) yield* out.text(line)
    yield* wiring.onExecuted({
      at: new Date().toISOString(), request: req.text, intent: plan.intent, backend: served.backend.name,
      profile: settings.profile, scope, generationBefore: result.generationBefore, generationAfter: result.generationAfter,
      argv: plan.steps.map((s) => s.argv)
    })
    yield* out.result({
      ok: true, ...base, summary: result.summary, generationBefore: result.generationBefore ?? null,
      generationAfter: result.generationAfter ?? null, ...(result.data ?? {}),
      timings: timings(started, served.backendMs + executeMs)
    })
    return 0
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

const reportError = (e: AppError, started: number) => Effect.gen(function*() {
  const out = yield* Output
  const message = userMessage(e)
  if (out.json) {
    // The error's own fields as they are (an error with a `message` field of its own keeps it).
    const { _tag, ...fields } = e
    const error: Record<string, unknown> = { type: _tag, message }
    yield* out.result({ ok: false, error: Object.assign(error, fields), timings: timings(started, 0) })
  } else {
    yield* out.note(message)
  }
  return exitCode(e)
})
