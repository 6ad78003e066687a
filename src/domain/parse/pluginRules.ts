/** Plugin phrases (PhraseRule), tried before the built-in grammar; they extend it without touching the engine. */
import { type IntentKind, intentKinds, PluginIntent, readsOf, type Understood } from "../Intent.js"
import { type Draft, draft } from "./draft.js"
import type { BuiltinKind } from "./grammar/types.js"
import { compilePattern, type Matcher } from "./pattern.js"
import type { PhraseRule } from "./PhraseRule.js"

const ruleCache = new WeakMap<PhraseRule, ReadonlyArray<Matcher>>()
const matchersOf = (rule: PhraseRule) => {
  let ms = ruleCache.get(rule)
  if (ms === undefined) { ms = rule.patterns.map(compilePattern); ruleCache.set(rule, ms) }
  return ms
}

/** Kinds a rule without a plugin may name: every kind but "unknown" and "plugin". */
const isBuiltinKind = (kind: string): kind is BuiltinKind =>
  kind !== "unknown" && kind !== "plugin" && intentKinds.some((k: IntentKind) => k === kind)

export const matchRules = (texts: ReadonlyArray<string>, rules: ReadonlyArray<PhraseRule>): Draft | Understood | undefined => {
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
        if (isBuiltinKind(rule.kind)) {
          return draft(rule.kind, readsOf(rule.kind) === "query" ? { query: rest } : { pkgs: rest }, 0.9, { negated: true })
        }
      }
    }
  }
  return undefined
}
