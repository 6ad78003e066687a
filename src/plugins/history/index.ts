/** history: records every operation ask-nix carries out; shows them; undoes the last one. */
import { Effect } from "effect"
import { PluginIntent } from "../../domain/Intent.js"
import { definePlugin } from "../../services/Plugin.js"
import { Settings } from "../../services/Settings.js"
import { toEntry } from "./entry.js"
import { showHistory } from "./show.js"
import { appendEntry } from "./store.js"
import { undoLast } from "./undo.js"

const intentOf = (kind: string, words: ReadonlyArray<string>, mutating: boolean) =>
  new PluginIntent({ plugin: "history", kind, text: words.join(" "), args: { mutating } })

export default definePlugin({
  id: "history",
  description: "Records what ask-nix changed (history.jsonl in the state folder), shows it, and undoes the last change",
  rules: [
    {
      kind: "history",
      // A slot cannot be optional in the pattern language, so each phrase comes with and without {rest};
      // the {rest} forms go first, so that "what did i change today" keeps "today" (a filler the
      // parser strips from its core text, but not from the normalized text it also tries).
      patterns: [
        "what did i change", "what have i changed", "what did i do", "what did ask-nix (change|do)", "what changed",
        "what has changed", "show [me] [my] [the] (history|changes)", "[my] history", "list [my] [the] (history|changes)",
        "what (changes|operations) did i make"
      ].flatMap((p, _, all) => (p === all[0] ? [...all.map((q) => `${q} {rest}`), ...all] : []))
    },
    {
      kind: "undo",
      mutating: true,
      patterns: [
        "undo [that|it|this]", "undo [my|the] last (change|operation|thing|action|command)",
        "revert (that|it|this)", "revert [my|the] last (change|operation|thing|action)", "take that back", "undo what i (just did|did)"
      ]
    }
  ],
  handlers: { history: showHistory, undo: undoLast },
  commands: [
    {
      name: "history",
      description: "Show what ask-nix changed (optionally: today, yesterday, last week, last N days)",
      examples: ["ask-nix history", "ask-nix history last week", "ask-nix what did I change yesterday"],
      run: (words) => showHistory(intentOf("history", words, false))
    },
    {
      name: "undo",
      description: "Undo the last change ask-nix made (roll its profile back to the generation before it)",
      examples: ["ask-nix undo", "ask-nix --execute undo that"],
      run: (words) => undoLast(intentOf("undo", words, true))
    }
  ],
  onExecuted: (record) => Effect.flatMap(Settings, (s) => appendEntry(s.stateDir, toEntry(record)))
})
