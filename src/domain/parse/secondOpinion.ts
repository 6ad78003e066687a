/**
 * A second opinion for what the grammar cannot read: the classifier's most likely kind, made into an
 * intent from the request's own words ("Did you mean: explain flakes?"). Never acted on without the
 * person's yes (the pipeline asks; scripts get it as a hint). Loaded on first use: only requests the
 * grammar did not understand pay for it.
 */
import {
  Clean, Configure, Explain, FlakeUpdate, Generations, type Intent, Info, Install, List, OptionQuery, Provides, Rebuild,
  Remove, Rollback, Search, Try, Update
} from "../Intent.js"
import { type Classifier, classify, type Model, toClassifier } from "./classifier.js"
import { isDictionaryWord } from "./dictionary.js"
import { splitWords } from "../splitWords.js"
import type { ParseContext } from "./draft.js"
import { ownEntry } from "../ownEntry.js"
import { aliases } from "./grammar/aliases.js"
import { classifierJson } from "./grammar/classifier.generated.js"
import { namesSetting } from "./grammar/settings.js"
import { topicOf, topicQuery } from "./topics.js"

export interface Suggestion {
  readonly intent: Intent
  /** The classifier's probability for the kind. */
  readonly confidence: number
}

/** Below this the classifier is not sure enough to propose anything. */
export const SUGGESTION_THRESHOLD = 0.5

let classifier: Classifier | undefined
const loaded = (): Classifier => (classifier ??= toClassifier(JSON.parse(classifierJson()) as Model))

const BETWEEN_WORDS = /[^a-z0-9+._-]+/
const words = (text: string): ReadonlyArray<string> => splitWords(text.toLowerCase(), BETWEEN_WORDS, "._-", 2)

/** Words of the request that name packages: ones the index knows, or everyday names ("vs code" aside). */
const packagesIn = (text: string, ctx: ParseContext): ReadonlyArray<string> =>
  [...new Set(words(text).flatMap((w) => {
    const alias = ownEntry(aliases, w)
    // (the dictionary first: it answers most words of a sentence without an index look-up)
    return alias !== undefined ? [alias] : !isDictionaryWord(w) && ctx.names?.exists(w) === true ? [w] : []
  }))]

/** The kind's intent from the request's words, or undefined when its words name nothing for it. */
const intentFor = (kind: string, text: string, ctx: ParseContext): Intent | undefined => {
  switch (kind) {
    case "explain": return new Explain({ query: topicQuery(text) })
    case "search": return new Search({ query: topicOf(text, 4) })
    case "option": return new OptionQuery({ query: topicOf(text, 4) })
    case "provides": {
      const cmd = words(text).find((w) => !isDictionaryWord(w) && !/^\d/.test(w) && w !== "nix" && w !== "nixos")
      return cmd === undefined ? undefined : new Provides({ query: cmd })
    }
    case "install": case "remove": case "update": case "info": case "try": {
      const p = packagesIn(text, ctx)
      if (p.length === 0) return kind === "update" ? new Update({ packages: [] }) : undefined
      return kind === "install" ? new Install({ packages: p }) : kind === "remove" ? new Remove({ packages: p })
        : kind === "update" ? new Update({ packages: p }) : kind === "info" ? new Info({ packages: p }) : new Try({ packages: p })
    }
    case "configure": {
      const ws = words(text)
      const setting = ws.find((w, i) => namesSetting(w) || (i + 1 < ws.length && namesSetting(`${w} ${ws[i + 1]}`)))
      return setting === undefined ? undefined : new Configure({ text: setting, action: "enable" })
    }
    case "rollback": return new Rollback({})
    case "clean": return new Clean({})
    case "list": return new List({})
    case "generations": return new Generations({})
    case "rebuild": return new Rebuild({ mode: "switch" })
    case "flake-update": return new FlakeUpdate({ inputs: [] })
    default: return undefined
  }
}

/** What the request most likely means, when the classifier is sure enough and its words name something. */
export const secondOpinion = (text: string, ctx: ParseContext): Suggestion | undefined => {
  const [top] = classify(loaded(), text)
  if (top === undefined || top.p < SUGGESTION_THRESHOLD || top.kind === "unknown" || top.kind === "help") return undefined
  const intent = intentFor(top.kind, text, ctx)
  return intent === undefined ? undefined : { intent, confidence: Math.round(top.p * 100) / 100 }
}
