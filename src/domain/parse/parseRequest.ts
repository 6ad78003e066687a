/**
 * The parser engine: a request in plain words -> an Understood intent. Pure and synchronous.
 * The words themselves live in ./grammar (verbs, phrases, fillers, aliases); this file only reads them.
 *
 * Order: normalize -> plugin phrases -> politeness off -> built-in phrases -> "how do i ..." ->
 * verb table -> not understood. A mutating intent is never produced for a request with a negation
 * that its phrase did not expect, and carries a confidence the pipeline compares to CONFIDENCE_THRESHOLD.
 */
import {
  Clean, Explain, Generations, Help, Info, Install, type Intent, isMutating, List, PluginIntent, Provides,
  Rebuild, Remove, Rollback, Search, Try, type Understood, Unknown, Update
} from "../Intent.js"
import { explain } from "../explanations.js"
import type { BuiltinKind, RebuildMode } from "./grammar/types.js"
import type { NameResolver } from "./NameResolver.js"
import { normalize } from "./normalize.js"
import { cleanQuery, readObject } from "./objects.js"
import { compilePattern, type Matcher, type Slots } from "./pattern.js"
import { matchPhrases } from "./phraseIndex.js"
import type { PhraseRule } from "./PhraseRule.js"
import { resolvePackages } from "./resolvePackages.js"
import { stripFillers } from "./stripFillers.js"
import { matchVerb } from "./verbIndex.js"

/** Mutating intents below this are not carried out without asking (terminal) or at all (non-interactive). */
export const CONFIDENCE_THRESHOLD = 0.6

export interface ParseContext {
  readonly names?: NameResolver | undefined
  readonly rules?: ReadonlyArray<PhraseRule> | undefined
}

interface Draft {
  readonly kind: BuiltinKind
  readonly slots: Slots
  readonly confidence: number
  readonly notes: ReadonlyArray<string>
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>
  readonly negated: boolean
  readonly scope?: "system" | undefined
  readonly mode?: RebuildMode | undefined
  /** Came from the verb table ("install x"), not from a whole phrase. */
  readonly verb?: string | undefined
}

const NEGATION_WORDS: ReadonlySet<string> = new Set(["not", "never", "no", "nothing", "without", "neither", "nor", "none", "except", "excluding", "instead", "rather", "avoid", "refuse", "forbid"])
const hasNegation = (text: string) => text.split(" ").some((w) => NEGATION_WORDS.has(w))
const HEDGES: ReadonlySet<string> = new Set(["if", "unless", "whether", "maybe", "perhaps", "probably", "might", "possibly"])
const SYSTEM_HINT = /system|nixos|os\b|global|users|everyone|machine-wide/
const SYSTEM_WIDE = /(?<![\w-])(system-wide|systemwide|system wide|for all users|for every user|for everyone|globally|machine-wide|on the whole system|for the whole system|for the entire system|to the system profile|in the system profile)(?![\w-])/
const SYSTEM_MENTION = /(?<![\w-])(?:(?:my|the|our|this|whole|entire|full|complete|nixos) )*(?:nixos system|operating system|system|nixos|os)(?![\w-])/
const scopeKinds: ReadonlySet<string> = new Set(["update", "rollback", "generations", "rebuild"])
const explicitExplainVerbs: ReadonlySet<string> = new Set(["explain", "explain to me", "define", "eli5", "teach me about", "help me understand", "can you explain", "meaning of"])

const howTo: ReadonlyArray<Matcher> = [
  "how (do|can|should|would|could|might|shall) (i|we|one|you) {rest}", "how to {rest}", "how is one supposed to {rest}",
  "what is the (command|way|best way|right way|proper way|correct way) to {rest}", "(tell|show|teach) me how to {rest}",
  "what (command|commands) (do|should|can) i (use|run|type) to {rest}", "i (do not know|wonder|am wondering|want to know|would like to know) how to {rest}",
  "is there a way to {rest}", "what do i (type|run|do) to {rest}", "any idea how to {rest}",
  "(is|would) it (be) [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "(is|would) it [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "what (happens|would happen|will happen) (if|when) (i|we|you) {rest}", "(can|could) (i|we) safely {rest}",
  "do (i|we) (need|have) to {rest}"
].map(compilePattern)

const draft = (kind: BuiltinKind, slots: Slots, confidence: number, extra: Partial<Draft> = {}): Draft => ({
  kind, slots, confidence, notes: [], corrections: [], negated: false, ...extra
})

/** Text -> a draft intent, before package words are read. */
const understand = (text: string, depth = 0): Draft | undefined => {
  if (text === "") return undefined
  const plain = text.includes(",") ? text.replace(/ ?, ?/g, " ") : text
  for (const { phrase, slots } of matchPhrases(plain)) {
    if (phrase.kind === "explain") {
      const q = slots["query2"] !== undefined ? `${slots["query"]} vs ${slots["query2"]}` : slots["query"] ?? "nix"
      const e = explain(q) ?? (slots["query2"] !== undefined ? explain(`${slots["query2"]} vs ${slots["query"]}`) : undefined)
      if (e === undefined) continue
      return draft("explain", { query: e.topic }, phrase.confidence ?? 0.9)
    }
    const pk = phrase.kind
    if (slots["pkgs"] !== undefined && (pk === "install" || pk === "remove" || pk === "info" || pk === "try" || pk === "update")) {
      // "is it safe to ..." is not a question about a package called "it": try the next phrase
      const r = readObject(slots["pkgs"], { everything: pk === "update" })
      if (r._tag === "unclear" || r._tag === "empty") continue
    }
    return draft(phrase.kind, slots, phrase.confidence ?? 0.9, {
      negated: phrase.negated === true || phrase.kind === "try",
      scope: phrase.scope,
      mode: phrase.mode,
      notes: phrase.note !== undefined ? [phrase.note] : []
    })
  }
  if (depth === 0) {
    for (const m of howTo) {
      const s = m(text)
      if (s === undefined) continue
      const inner = understand(stripFillers(s["rest"] ?? "").text, 1)
      if (inner === undefined) break
      const how = `A question, not an order: I will not do it. To do it, say: ${s["rest"]}`
      if (inner.kind === "install" || inner.kind === "remove" || inner.kind === "try" || inner.kind === "update") {
        const r = readObject(inner.slots["pkgs"] ?? "", { everything: true })
        if (r._tag === "packages") return draft("info", { pkgs: inner.slots["pkgs"] ?? "" }, 0.8, { notes: [how] })
        if (r._tag === "category") return draft("search", { query: r.query }, 0.8, { notes: [how] })
      }
      if (isMutatingKind(inner.kind)) return draft("help", {}, 0.8, { notes: [how] })
      return inner
    }
  }
  const v = matchVerb(text)
  if (v !== undefined) {
    const notes = v.correctedTo !== undefined ? [`"${v.verb}" read as "${v.correctedTo}"`] : []
    const corrections = v.correctedTo !== undefined ? [{ from: v.verb, to: v.correctedTo }] : []
    const confidence = v.correctedTo !== undefined ? 0.85 : 0.95
    const takesQuery = v.kind === "search" || v.kind === "provides" || v.kind === "explain"
    if (v.kind === "explain") {
      const e = explain(v.rest)
      if (e !== undefined) return draft("explain", { query: e.topic }, 0.9)
      if (explicitExplainVerbs.has(v.verb) && v.rest !== "") return draft("explain", { query: v.rest }, 0.7, { notes: ["No built-in explanation matches; showing what I can."] })
      return draft("info", { pkgs: v.rest }, 0.75)
    }
    return draft(v.kind, takesQuery ? { query: v.rest } : { pkgs: v.rest }, confidence, { notes, corrections, verb: v.verb })
  }
  return undefined
}

const isMutatingKind = (k: string) => k === "install" || k === "remove" || k === "update" || k === "rollback" || k === "clean" || k === "try" || k === "rebuild"

const unknown = (text: string, notes: ReadonlyArray<string>): Understood => ({
  intent: new Unknown({ text }, true), confidence: 0, notes, corrections: []
})

const int = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined
  const n = Number.parseInt(s, 10)
  return Number.isFinite(n) ? n : undefined
}

/** Words as the user cased them ("python3Packages.requests" survives lower-casing). */
const originalCase = (raw: string, rawLower: string, word: string): string => {
  const i = rawLower.indexOf(word)
  if (i < 0) return word
  const w = raw.slice(i, i + word.length)
  // Keep inner capitals (python3Packages), not a capitalised or shouted word (Firefox, FIREFOX).
  return /[a-z]/.test(w) && /[A-Z]/.test(w.slice(1)) ? w : word
}

const finish = (d: Draft, raw: string, ctx: ParseContext, question: boolean, tentative: boolean): Understood => {
  const notes = [...d.notes]
  const corrections = [...d.corrections]
  let confidence = d.confidence
  let scope = d.scope
  let category: string | undefined
  const slots = d.slots
  let intent: Intent

  const packagesFor = (kind: "install" | "remove" | "update" | "info" | "try"): ReadonlyArray<string> | Understood | { category: string } | "everything" => {
    // "run cowsay hello": the program is the first word of the command
    const words = slots["pkgs"] ?? (slots["cmd"] !== undefined ? slots["cmd"].split(" ")[0]! : "")
    const reading = readObject(words, { everything: kind === "update" })
    switch (reading._tag) {
      case "empty":
        return kind === "update" ? "everything" : unknown(raw, [`${kind} what? Name a package, e.g. "${kind} firefox".`])
      case "everything":
        if (reading.system) scope = "system"
        return "everything"
      case "unclear":
        return unknown(raw, [`Could not tell which package you mean: ${reading.reason}.`])
      case "category":
        return { category: reading.query }
      case "packages": {
        const rawLower = raw.toLowerCase()
        const words = reading.packages.map((p) =>
          p.how === "as written" || p.how === "split" || p.how === "channel" ? { ...p, word: originalCase(raw, rawLower, p.word) } : p)
        if (words.some((p) => p.how === "split")) notes.push(`Read "${slots["pkgs"]}" as separate packages: ${words.map((p) => p.word).join(", ")}`)
        const r = resolvePackages(words, ctx.names)
        notes.push(...r.notes)
        corrections.push(...r.corrections)
        confidence -= r.doubt
        return r.packages
      }
    }
  }

  switch (d.kind) {
    case "install": case "remove": case "update": case "info": case "try": {
      const p = packagesFor(d.kind)
      if (p === "everything") {
        if (d.kind !== "update") return unknown(raw, [`"${d.kind}" everything is not something I will do; name the packages.`])
        intent = new Update({ packages: [] }, true)
        break
      }
      if ("intent" in p) return p
      if ("category" in p) {
        if (d.kind === "remove" || d.kind === "update") return unknown(raw, [`Which ${p.category}? Name the package to ${d.kind}.`])
        intent = new Search({ query: p.category }, true)
        if (d.kind === "install" || d.kind === "try") {
          category = p.category
          notes.push(`"${p.category}" is a kind of program, not a package: I will show choices to pick from.`)
        }
        confidence = Math.min(confidence, 0.9)
        break
      }
      const pkgs = p as ReadonlyArray<string>
      switch (d.kind) {
        case "install": intent = new Install({ packages: pkgs }, true); break
        case "remove": intent = new Remove({ packages: pkgs }, true); break
        case "update": intent = new Update({ packages: pkgs }, true); break
        case "info": intent = new Info({ packages: pkgs }, true); break
        case "try": {
          const command = slots["cmd"] !== undefined ? (raw.toLowerCase().includes(slots["cmd"]) ? originalCase(raw, raw.toLowerCase(), slots["cmd"]) : slots["cmd"]) : undefined
          intent = command !== undefined ? new Try({ packages: pkgs, command }, true) : new Try({ packages: pkgs }, true)
          break
        }
      }
      break
    }
    case "search": {
      const q = cleanQuery(slots["query"] ?? "")
      if (q === "") return unknown(raw, ["Search for what? e.g. \"search text editor\"."])
      intent = new Search({ query: q }, true)
      break
    }
    case "provides": {
      const q = cleanQuery((slots["query"] ?? "").replace(/(^| )(command|binary|executable|program|tool|called|named|the)( |$)/g, " ").trim())
      if (q === "" || q.includes(" ")) {
        if (q === "") return unknown(raw, ["Which command? e.g. \"what provides rg\"."])
      }
      intent = new Provides({ query: q.split(" ")[0]! })
      break
    }
    case "explain": intent = new Explain({ query: slots["query"] ?? "" }, true); break
    case "list": intent = new List({}, true); break
    case "generations": intent = new Generations({}, true); break
    case "help": intent = new Help({}, true); break
    case "rollback": {
      const g = int(slots["n"])
      intent = g === undefined ? new Rollback({}, true) : new Rollback({ generation: g }, true)
      break
    }
    case "clean": {
      const k = int(slots["n"])
      intent = k === undefined ? new Clean({}, true) : new Clean({ keep: k }, true)
      break
    }
    case "rebuild": intent = new Rebuild({ mode: d.mode ?? "switch" }, true); scope = "system"; break
    case "unknown": return unknown(raw, d.notes.length > 0 ? d.notes : ["This is not a request about packages or Nix. Say \"help\" to see what I understand."])
  }

  if (isMutating(intent)) {
    if (tentative) { confidence = Math.min(confidence, 0.55); notes.push("Worded as a question (\"can I ...\"): I will ask before doing it.") }
    else if (question && d.verb !== undefined) confidence -= 0.15
  }
  if (category !== undefined) return { intent, confidence: Math.max(0, Math.min(1, confidence)), notes, corrections, scope, category }
  return { intent, confidence: Math.max(0, Math.min(1, confidence)), notes, corrections, scope }
}

const ruleCache = new WeakMap<PhraseRule, ReadonlyArray<Matcher>>()
const matchersOf = (rule: PhraseRule) => {
  let ms = ruleCache.get(rule)
  if (ms === undefined) { ms = rule.patterns.map(compilePattern); ruleCache.set(rule, ms) }
  return ms
}

const builtinKinds: ReadonlySet<string> = new Set([
  "install", "remove", "update", "search", "list", "rollback", "generations", "clean", "info", "try",
  "provides", "explain", "help", "rebuild"
])

/** Plugin phrases first: they extend the grammar without touching this engine. */
const matchRules = (texts: ReadonlyArray<string>, rules: ReadonlyArray<PhraseRule>): Draft | Understood | undefined => {
  for (const rule of rules) {
    for (const m of matchersOf(rule)) {
      for (const text of texts) {
        const s = m(text)
        if (s === undefined) continue
        const rest = s["rest"] ?? ""
        if (rule.plugin !== undefined) {
          return {
            intent: new PluginIntent({ plugin: rule.plugin, kind: rule.kind, text: rest, args: { mutating: rule.mutating === true } }, true),
            confidence: 0.9,
            notes: [`Matched the phrase "${rule.patterns.find((_, i) => matchersOf(rule)[i] === m)}" of the plugin ${rule.plugin}`],
            corrections: []
          }
        }
        if (builtinKinds.has(rule.kind)) {
          const takesQuery = rule.kind === "search" || rule.kind === "provides" || rule.kind === "explain"
          return draft(rule.kind as BuiltinKind, takesQuery ? { query: rest } : { pkgs: rest }, 0.9, { negated: true })
        }
      }
    }
  }
  return undefined
}

export const parseRequest = (text: string, ctx: ParseContext = {}): Understood => {
  const n = normalize(text)
  if (n.text === "") {
    return n.question
      ? { intent: new Help({}, true), confidence: 0.8, notes: ["A question mark alone: here is what I understand."], corrections: [] }
      : unknown(text, ["The request is empty. Say \"help\" to see examples."])
  }
  const core = stripFillers(n.text)
  if (core.text === "") return { intent: new Help({}, true), confidence: 0.8, notes: ["Nothing but politeness: here is what I understand."], corrections: [] }

  if (ctx.rules !== undefined && ctx.rules.length > 0) {
    const r = matchRules(core.text === n.text ? [n.text] : [core.text, n.text], ctx.rules)
    if (r !== undefined) return "intent" in r ? r : finish(r, text, ctx, n.question && !core.polite, core.tentative)
  }

  let body = core.text
  let systemWide = false
  const maybeSystem = SYSTEM_HINT.test(body)
  if (maybeSystem && SYSTEM_WIDE.test(body)) {
    systemWide = true
    body = stripFillers(body.replace(SYSTEM_WIDE, " ").replace(/\s+/g, " ").trim()).text
  }
  let d: Draft | undefined
  if (maybeSystem && SYSTEM_MENTION.test(body)) {
    const stripped = stripFillers(body.replace(SYSTEM_MENTION, " ").replace(/\s+/g, " ").trim()).text
    const s = understand(stripped)
    if (s !== undefined && scopeKinds.has(s.kind)) d = { ...s, scope: "system" }
  }
  d ??= understand(body)
  if (d === undefined) {
    // "flakes?": a Nix word alone is a question about it
    const e = body.split(" ").length <= 3 ? explain(body) : undefined
    if (e !== undefined) return { intent: new Explain({ query: e.topic }, true), confidence: 0.75, notes: [], corrections: [] }
    // "i want to edit videos": a need, not a command: show programs for it
    if (core.need && !hasNegation(body)) {
      const q = cleanQuery(body)
      // "i want to edit videos" (an activity and what it is done to); "i want to sleep" is not about software
      if (q !== "" && q.split(" ").length >= 2 && q.split(" ").length <= 6) {
        return {
          intent: new Search({ query: q }, true), confidence: 0.7, corrections: [], category: q,
          notes: [`"${q}" sounds like a need, not a package: I will show programs to pick from.`]
        }
      }
    }
    const words = body.split(" ")
    const hint = hasNegation(body)
      ? "The request contains a negation (\"not\", \"don't\" ...): I will not act on it. Say plainly what you want done."
      : words.length === 1 && ctx.names?.exists(words[0]!) === true
      ? `"${words[0]}" is a package: say "install ${words[0]}" or "tell me about ${words[0]}".`
      : "I did not understand this. Say \"help\" to see what I understand."
    return unknown(text, [hint])
  }
  if (isMutatingKind(d.kind) && core.text.split(" ").some((w) => HEDGES.has(w))) {
    d = { ...d, confidence: Math.min(d.confidence, 0.5), notes: [...d.notes, "The request is hedged (\"if\", \"maybe\" ...): I will ask before doing it."] }
  }
  if (isMutatingKind(d.kind) && !d.negated && hasNegation(core.text)) {
    return unknown(text, ["The request contains a negation (\"not\", \"don't\", \"without\" ...): I will not act on it. Say plainly what you want done."])
  }
  if (systemWide && d.scope === undefined) d = { ...d, scope: "system" }
  return finish(d, text, ctx, n.question && !core.polite, core.tentative)
}
