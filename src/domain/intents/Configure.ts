/**
 * "enable bluetooth", "set the time zone to Europe/Paris": set (or unset) a NixOS or home-manager option
 * (the contract: /work/notes/intent-contract.md). The parser only reads words; the handler resolves them
 * to real options and refuses with a did-you-mean when they name none.
 */
import { Schema } from "effect"
import { defineIntent } from "./IntentSpec.js"

export const ConfigureAction = Schema.Literal("enable", "disable", "set")
export type ConfigureAction = typeof ConfigureAction.Type

export class Configure extends Schema.TaggedClass<Configure>()("configure", {
  /** The words naming the setting as written, fillers removed ("bluetooth", "time zone"). */
  text: Schema.String,
  action: ConfigureAction,
  /** The value words as written ("Europe/Paris", "weekly"). */
  value: Schema.optional(Schema.String),
  /** Only when the request wrote an option path ("services.openssh.enable"). */
  option: Schema.optional(Schema.String)
}) {}

export const configure = defineIntent("configure", Configure, {
  mutating: true,
  // NixOS settings live in the system's configuration, or home-manager's when the request says so
  system: { always: true, whenNamed: true },
  describe: (i) => {
    const what = i.option ?? i.text
    return i.action === "set" ? `set ${what}${i.value !== undefined ? ` to ${i.value}` : ""}` : `${i.action} ${what}${i.value !== undefined ? ` (${i.value})` : ""}`
  },
  json: (i) => ({ action: i.action, value: i.value ?? null, option: i.option ?? null })
})
