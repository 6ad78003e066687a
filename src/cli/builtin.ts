/** Intents answered without any backend (a table by kind): help, and explanations for newcomers. */
import { type KindTable, lookup } from "../domain/backends/handlers.js"
import type { Intent } from "../domain/Intent.js"
import type { Answer } from "../domain/Plan.js"
import { explain } from "../domain/explanations.js"
import { helpText } from "./help.js"

type HelpGroups = ReadonlyArray<{ readonly title: string; readonly examples: ReadonlyArray<string> }>

const builtins: KindTable<[HelpGroups], Answer> = {
  help: (_, extraHelp) => ({ _tag: "help", text: helpText(extraHelp) }),
  explain: (i) => {
    const found = explain(i.query)
    return found !== undefined
      ? { _tag: "explain", topic: found.topic, text: found.text }
      : { _tag: "explain", topic: i.query, text: `I have no explanation for "${i.query}" yet. Try: ask-nix explain generation | channel | flake | store | profile | garbage collection | derivation` }
  }
}

export const builtinAnswer = (intent: Intent, extraHelp: HelpGroups = []): Answer | undefined => lookup(builtins, intent, extraHelp)
