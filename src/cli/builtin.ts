/** Intents answered without any backend (a table by kind): help, and explanations for newcomers. */
import { type KindTable, lookup } from "../domain/backends/handlers.js"
import type { Intent } from "../domain/Intent.js"
import type { Answer } from "../domain/Plan.js"
import { explainWords, explanationTopics } from "../domain/explanations.js"
import { helpText } from "./help.js"

type HelpGroups = ReadonlyArray<{ readonly title: string; readonly examples: ReadonlyArray<string> }>

const builtins: KindTable<[HelpGroups], Answer> = {
  help: (_, extraHelp) => ({ _tag: "help", text: helpText(extraHelp) }),
  explain: (i) => {
    const found = explainWords(i.query)
    const q = encodeURIComponent(i.query)
    return found !== undefined
      ? { _tag: "explain", topic: found.topic, text: found.text }
      : {
        _tag: "explain", topic: i.query,
        text: `I have no built-in explanation for "${i.query}". The NixOS wiki and manuals cover most topics: ` +
          `https://wiki.nixos.org/w/index.php?search=${q} ; NixOS options: https://search.nixos.org/options?query=${q} ; ` +
          `packages: ask-nix search ${i.query.split(" ")[0] ?? ""}. Built-in topics: ${explanationTopics.join(" | ")}`
      }
  }
}

export const builtinAnswer = (intent: Intent, extraHelp: HelpGroups = []): Answer | undefined => lookup(builtins, intent, extraHelp)
