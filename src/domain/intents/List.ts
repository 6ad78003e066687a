/** "what is installed". */
import { Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class List extends Schema.TaggedClass<List>()("list", {}) {}

export const list = defineIntent("list", List, {
  mutating: false,
  system: {},
  describe: () => "list installed packages",
  help: [{ title: "What is installed", examples: ["what is installed", "ls packages"] }],
  command: typedCommand({
    name: "list",
    description: "List installed packages.",
    examples: ["ask-nix list", "ask-nix --json list", "ask-nix --profile /tmp/p list"],
    config: {},
    toIntent: () => ({ intent: new List({}), words: [], reparse: false })
  })
})
