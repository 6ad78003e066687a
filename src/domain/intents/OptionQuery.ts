/**
 * "which option enables bluetooth", "ssh options", "show option time.timeZone": search the NixOS (or
 * home-manager) options, or show one with its type, default, description and the value the
 * configuration gives it. Answered from the options data `ask-nix index build` keeps; never mutates.
 */
import { Schema } from "effect"
import { defineIntent, someWords, typedCommand } from "./IntentSpec.js"

export class OptionQuery extends Schema.TaggedClass<OptionQuery>()("option", {
  /** What to look for: words ("enables ssh"), or an option's name (services.openssh.enable). */
  query: Schema.String
}) {}

export const option = defineIntent("option", OptionQuery, {
  mutating: false,
  reads: "query",
  describe: (i) => `show the options for ${i.query}`,
  json: (i) => ({ query: i.query }),
  phrases: [{
    patterns: [
      "(which|what) [nixos|home-manager|home manager] option [do i set|do i use|should i use|is there|is it] [to|for] {query}",
      "(which|what) [nixos|home-manager|home manager] options [are there|exist|do i have|can i set] (for|about|to) {query}",
      "(list|show|search|find) [me] [the|all] [nixos|home-manager|home manager] options (for|about|of|on|with) {query}",
      "(show|explain|describe|display) [me] [the] [nixos|home-manager|home manager] option {query}",
      "(search|find|look up) [for] [a|an|the] [nixos|home-manager|home manager] option {query}",
      "what is [the] [nixos|home-manager|home manager] option {query}",
      "what (is|are) {query} set to", "what is the value of {query}", "what value does {query} have",
      "{query} (options|settings)", "[nixos|home-manager|home manager] options {query}"
    ]
  }],
  fromSlots: (slots, raw) => {
    const query = slots["query"]
    if (query === undefined || query.trim() === "") return undefined
    // the option's name as typed (networking.hostName), not the parser's lower case
    const at = raw.toLowerCase().indexOf(query)
    return new OptionQuery({ query: at < 0 ? query : raw.slice(at, at + query.length) })
  },
  help: [{ title: "Options", examples: ["which option enables bluetooth", "ssh options", "show option time.timeZone"] }],
  command: typedCommand({
    name: "option",
    description: "Search the NixOS (or, with --home, home-manager) options, or show one and its current value.",
    examples: ["ask-nix option bluetooth", "ask-nix option services.openssh.enable", "ask-nix --home --json option git"],
    usage: "option QUERY",
    config: { query: someWords("query") },
    toIntent: ({ query }) => ({ intent: new OptionQuery({ query: query.join(" ") }), words: query, reparse: false })
  })
})
