/** "apply my config": a NixOS system rebuild (build | test | boot | switch | dry-build). */
import { Schema } from "effect"
import { defineIntent } from "./IntentSpec.js"

export const RebuildMode = Schema.Literal("build", "test", "boot", "switch", "dry-build")
export type RebuildMode = typeof RebuildMode.Type

export class Rebuild extends Schema.TaggedClass<Rebuild>()("rebuild", { mode: RebuildMode }) {}

export const rebuild = defineIntent("rebuild", Rebuild, {
  mutating: true,
  system: { always: true, whenNamed: true },
  describe: (i) => `rebuild the system (${i.mode})`,
  help: [{ title: "NixOS system", examples: ["apply my config", "test the new config", "rebuild for next boot", "rebuild but don't switch"] }]
})
