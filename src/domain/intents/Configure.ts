/**
 * "set services.openssh.enable to true": change a NixOS option in the system configuration. For now
 * only the instructions backend serves it (it says what to write in configuration.nix); editing the
 * file is issue 14's.
 */
import * as Args from "@effect/cli/Args"
import { Option, Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Configure extends Schema.TaggedClass<Configure>()("configure", {
  /** The option's path: services.openssh.enable. */
  option: Schema.optional(Schema.String),
  /** Its new value as the person wrote it: true, 22, "Europe/Berlin". */
  value: Schema.optional(Schema.String),
  /** The request as typed. */
  text: Schema.String
}) {}

/** An option path: dot-separated names (services.openssh.enable, boot.loader.systemd-boot.enable). */
export const isOptionPath = (word: string): boolean => /^[A-Za-z_][\w'-]*(\.[A-Za-z_"][\w'"-]*)+$/.test(word)

/** The value as Nix source: true/false/null and numbers as they are, anything else as a string. */
export const nixValue = (value: string): string =>
  /^(true|false|null|-?\d+(\.\d+)?)$/.test(value) || /^["[{]/.test(value) ? value : JSON.stringify(value)

/** `words` as the person cased them (the parser's slots are lower case; option names are not: networking.hostName). */
const asTyped = (raw: string, words: string): string => {
  const at = raw.toLowerCase().indexOf(words)
  return at < 0 ? words : raw.slice(at, at + words.length)
}

export const configure = defineIntent("configure", Configure, {
  mutating: true,
  describe: (i) => (i.option !== undefined && i.value !== undefined ? `set ${i.option} to ${i.value}` : `change the system configuration: ${i.text}`),
  problem: (i) =>
    i.option !== undefined && !isOptionPath(i.option)
      ? `"${i.option}" is not an option name (they look like services.openssh.enable).`
      : undefined,
  json: (i) => ({ option: i.option ?? null, value: i.value ?? null }),
  phrases: [{
    patterns: ["set [the] [nixos] option {option} to {value}", "set {option} to {value}"],
    accept: (slots) => isOptionPath(slots["option"] ?? "")
  }],
  fromSlots: (slots, raw) => {
    const option = slots["option"]
    const value = slots["value"]
    return option === undefined || value === undefined
      ? undefined
      : new Configure({ option: asTyped(raw, option), value: asTyped(raw, value), text: raw })
  },
  help: [{ title: "NixOS options", examples: ["set services.openssh.enable to true", "set the option time.timeZone to Europe/Berlin"] }],
  command: typedCommand({
    name: "configure",
    description: "Set a NixOS option (for now: shows what to write in configuration.nix).",
    examples: ["ask-nix configure services.openssh.enable true", 'ask-nix configure time.timeZone "Europe/Berlin"'],
    usage: "configure OPTION VALUE",
    config: { option: Args.text({ name: "option" }), value: Args.text({ name: "value" }).pipe(Args.optional) },
    toIntent: ({ option, value }) => {
      const v = Option.getOrUndefined(value)
      return { intent: new Configure({ option, value: v, text: ["configure", option, ...(v === undefined ? [] : [v])].join(" ") }), words: [], reparse: false }
    }
  })
})
