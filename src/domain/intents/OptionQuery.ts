/** "which option enables ssh", "services.openssh.enable": search NixOS / home-manager options, or show one. */
import { Schema } from "effect"
import { defineIntent } from "./IntentSpec.js"

export class OptionQuery extends Schema.TaggedClass<OptionQuery>()("option", { query: Schema.String }) {}

export const option = defineIntent("option", OptionQuery, {
  mutating: false,
  reads: "query",
  describe: (i) => `options for ${i.query}`
})
