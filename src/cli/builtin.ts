/** Intents answered without any backend: help and explanations for newcomers. */
import type { Intent } from "../domain/Intent.js"
import type { Answer } from "../domain/Plan.js"
import { explain } from "../domain/explanations.js"
import { helpText } from "./help.js"

export const builtinAnswer = (
  intent: Intent,
  extraHelp: ReadonlyArray<{ readonly title: string; readonly examples: ReadonlyArray<string> }> = []
): Answer | undefined => {
  switch (intent._tag) {
    case "help": return { _tag: "help", text: helpText(extraHelp) }
    case "explain": {
      const found = explain(intent.query)
      return found !== undefined
        ? { _tag: "explain", topic: found.topic, text: found.text }
        : { _tag: "explain", topic: intent.query, text: `I have no explanation for "${intent.query}" yet. Try: ask-nix explain generation | channel | flake | store | profile | garbage collection | derivation` }
    }
    default: return undefined
  }
}
