/**
 * The answer to a question about doing something ("how do i install firefox?"): the exact command that
 * does it (from the kind's spec: IntentSpec.imperative), in the scope it was asked for.
 */
import { imperativeWords, type Intent, type Scope } from "./Intent.js"
import { shellWord } from "./intents/IntentSpec.js"

const scopeFlag: Readonly<Record<Scope, ReadonlyArray<string>>> = { user: [], system: ["--system"], home: ["--home"] }

/** The command line that carries the intent out: `ask-nix --execute [--system|--home] WORDS`. */
export const imperativeOf = (intent: Intent, scope: Scope): string =>
  ["ask-nix", "--execute", ...scopeFlag[scope], ...imperativeWords(intent).map((w) => (w.includes(" ") && !/^'.*'$/.test(w) ? shellWord(w) : w))].join(" ")
