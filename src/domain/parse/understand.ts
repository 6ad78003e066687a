/**
 * Text (normalized, politeness off) -> a draft intent: the phrase table first, then questions wrapped
 * around an order, then the verb table.
 */
import { readsOf } from "../Intent.js"
import { explain } from "../explanations.js"
import { type Draft, draft, isMutatingKind } from "./draft.js"
import { negationWords, pointsBackBreaks, questionFrames } from "./grammar/questions.js"
import { readObject } from "./objects.js"
import { compile, prepare } from "./pattern.js"
import { matchPhrases } from "./phraseIndex.js"
import { stripFillers } from "./stripFillers.js"
import { isAsking, matchVerb } from "./verbIndex.js"
import { CONFIDENCE_THRESHOLD } from "./threshold.js"

const howTo = questionFrames.map(compile)
/** "is there a way to install x", "what is the command to remove y": a how-to question, not a search for "way to install x". */
const HOW_TO_SLOT = /^((the |a )?((best|right|proper|correct|easiest|simplest|quickest|recommended|fastest|nix|nixos) )?(way|ways|command|commands) to )?(install|reinstall|uninstall|remove|delete|update|upgrade|roll back|rollback|go back|undo|revert|clean|garbage)( |$)/
const explicitExplainVerbs: ReadonlySet<string> = new Set(["explain", "explain to me", "define", "eli5", "teach me about", "help me understand", "can you explain", "meaning of"])

/** Text -> a draft intent, before package words are read. */
export const understand = (text: string, depth = 0): Draft | undefined => {
  if (text === "") return undefined
  const plain = text.includes(",") ? text.replace(/ ?, ?/g, " ") : text
  for (const { phrase, slots } of matchPhrases(plain)) {
    if (phrase.kind === "explain") {
      const q = slots["query2"] !== undefined ? `${slots["query"]} vs ${slots["query2"]}` : slots["query"] ?? "nix"
      // "flakes vs channels": the pair when it is a topic, else the first of the two
      // (when the first is a topic: "should i use nix-env" is not, and the next phrase reads it)
      const e = explain(q) ?? (slots["query2"] !== undefined
        ? explain(`${slots["query2"]} vs ${slots["query"]}`) ?? explain(slots["query"] ?? "")
        : undefined)
      if (e === undefined) continue
      return draft("explain", { query: e.topic }, phrase.confidence ?? 0.9)
    }
    const pk = phrase.kind
    // "is there a way to install x": left to the question frames below, which answer it as a question about x
    if ((pk === "search" || pk === "info") && HOW_TO_SLOT.test(slots["query"] ?? slots["pkgs"] ?? "")) continue
    // A phrase that expects a negation expects it in its fixed words: "i don't use x anymore, but don't remove it"
    if (phrase.negated === true && slots["pkgs"] !== undefined && slots["pkgs"].split(" ").some((w) => negationWords.has(w))) continue
    if (phrase.pointsBack === true && slots["pkgs"] !== undefined) {
      const after = plain.slice(plain.indexOf(slots["pkgs"]) + slots["pkgs"].length)
      if (after.split(" ").some((w) => pointsBackBreaks.has(w))) continue
    }
    if (phrase.accept !== undefined && !phrase.accept(slots)) continue
    if (slots["pkgs"] !== undefined && readsOf(pk) === "packages") {
      // "is it safe to ..." is not a question about a package called "it": try the next phrase
      const r = readObject(slots["pkgs"], { everything: pk === "update" })
      if (r._tag === "unclear" || r._tag === "empty") continue
    }
    return draft(phrase.kind, slots, phrase.confidence ?? 0.9, {
      negated: phrase.negated === true || phrase.kind === "try",
      scope: phrase.scope,
      mode: phrase.mode,
      forUser: phrase.forUser,
      notes: phrase.note !== undefined ? [phrase.note] : []
    })
  }
  if (depth === 0) {
    // Split once for all frames: every request that no phrase matched ("install firefox") passes here
    const p = prepare(text)
    for (const frame of howTo) {
      const s = frame.match(p)
      if (s === undefined) continue
      const inner = understand(stripFillers(s["rest"] ?? "").text, 1)
      if (inner === undefined) break
      const how = `A question, not an order: I will not do it. To do it, say: ${s["rest"]}`
      if (readsOf(inner.kind) === "packages" && isMutatingKind(inner.kind)) {
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
    // A verb that is also an everyday word ("include slow") is read, but asked about first.
    const everyday = v.correctedTo === undefined && isAsking(v.kind, v.verb)
    const confidence = everyday ? CONFIDENCE_THRESHOLD : v.correctedTo !== undefined ? 0.85 : 0.95
    const takesQuery = readsOf(v.kind) === "query"
    if (v.kind === "explain") {
      const e = explain(v.rest)
      if (e !== undefined) return draft("explain", { query: e.topic }, 0.9)
      if (explicitExplainVerbs.has(v.verb) && v.rest !== "") return draft("explain", { query: v.rest }, 0.7, { notes: ["No built-in explanation matches; showing what I can."] })
      return draft("info", { pkgs: v.rest }, 0.75)
    }
    const asked = everyday && isMutatingKind(v.kind) ? [`"${v.verb}" is also an everyday word: I will ask before doing it.`] : []
    return draft(v.kind, takesQuery ? { query: v.rest } : { pkgs: v.rest }, confidence, { notes: [...notes, ...asked], corrections, verb: v.verb })
  }
  return undefined
}
