/** A request the parser did not understand (never acted on). */
import { Schema } from "effect"
import { defineIntent } from "./IntentSpec.js"

export class Unknown extends Schema.TaggedClass<Unknown>()("unknown", { text: Schema.String }) {}

export const unknown = defineIntent("unknown", Unknown, {
  mutating: false,
  describe: (i) => `(not understood) ${i.text}`
})
