/** "apply my config": a NixOS system rebuild (build | test | boot | switch | dry-build); "apply my home.nix": home-manager switch. */
import { Schema } from "effect"
import { defineIntent, shellWord } from "./IntentSpec.js"

export const RebuildMode = Schema.Literal("build", "test", "boot", "switch", "dry-build")
export type RebuildMode = typeof RebuildMode.Type

export class Rebuild extends Schema.TaggedClass<Rebuild>()("rebuild", { mode: RebuildMode }) {}

export const rebuild = defineIntent("rebuild", Rebuild, {
  mutating: true,
  system: { always: true, whenNamed: true },
  home: true,
  describe: (i) => `rebuild the configuration (${i.mode})`,
  imperative: (i) => [shellWord(`rebuild ${i.mode}`)],
  does: "Rebuilding builds your configuration and, for switch and test, makes it the running system.",
  help: [
    { title: "NixOS system", examples: ["apply my config", "test the new config", "rebuild for next boot", "rebuild but don't switch"] },
    { title: "home-manager (or --home)", examples: ["apply my home.nix", "switch home-manager"] }
  ]
})
