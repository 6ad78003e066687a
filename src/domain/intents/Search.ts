/** "search pdf viewer": packages that match words. */
import { Schema } from "effect"
import { defineIntent, someWords, typedCommand } from "./IntentSpec.js"

export class Search extends Schema.TaggedClass<Search>()("search", { query: Schema.String }) {}

export const search = defineIntent("search", Search, {
  mutating: false,
  reads: "query",
  describe: (i) => `search ${i.query}`,
  help: [{ title: "Search", examples: ["search for a text editor", "are there any video players?", "is there a package for slack"] }],
  command: typedCommand({
    name: "search",
    description: "Search the package index.",
    examples: ["ask-nix search firefox", "ask-nix search pdf viewer", "ask-nix --json search ripgrep"],
    config: { query: someWords("query") },
    toIntent: ({ query }) => ({ intent: new Search({ query: query.join(" ") }), words: query, reparse: false })
  })
})
