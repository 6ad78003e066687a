/** An intent contributed by a plugin (src/plugins): its rule says whether it mutates (`args.mutating`). */
import { Schema } from "effect"
import { defineIntent } from "./IntentSpec.js"

export class PluginIntent extends Schema.TaggedClass<PluginIntent>()("plugin", {
  plugin: Schema.String,
  kind: Schema.String,
  text: Schema.String,
  args: Schema.Record({ key: Schema.String, value: Schema.Unknown })
}) {}

export const plugin = defineIntent("plugin", PluginIntent, {
  mutating: (i) => i.args["mutating"] === true,
  describe: (i) => (i.text ? `${i.kind}: ${i.text}` : i.kind),
  json: (i) => ({ plugin: { id: i.plugin, kind: i.kind, args: i.args } })
})
