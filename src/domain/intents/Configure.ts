/**
 * "enable bluetooth", "set the time zone to Europe/Paris", "set services.openssh.enable to true":
 * change a NixOS (or home-manager) option. The words are turned into options by the handler, from the
 * options data (src/domain/options); the system and home-manager backends edit configuration.nix /
 * home.nix, the instructions backend says what to write.
 */
import * as Args from "@effect/cli/Args"
import { Option, Schema } from "effect"
import { defineIntent, typedCommand } from "./IntentSpec.js"

export class Configure extends Schema.TaggedClass<Configure>()("configure", {
  /** The option's path when the person wrote one: services.openssh.enable. */
  option: Schema.optional(Schema.String),
  /** Its new value as the person wrote it: true, 22, "Europe/Berlin", "weekly". */
  value: Schema.optional(Schema.String),
  /** Switch on, switch off, or set (the intent contract); absent when typed as OPTION VALUE. */
  action: Schema.optional(Schema.Literal("enable", "disable", "set")),
  /** The words naming the setting ("bluetooth", "the time zone"), or the request as typed. */
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

const fromWords = (action: "enable" | "disable" | "set") => (slots: Readonly<Record<string, string>>, raw: string): Configure | undefined => {
  const what = slots["what"]?.trim()
  if (what === undefined || what === "") return undefined
  const value = slots["value"] !== undefined ? asTyped(raw, slots["value"]) : undefined
  return new Configure({ text: what, action, ...(value !== undefined ? { value } : {}) })
}

/**
 * A value that is the rest of another sentence, not a setting's value: "set vim to be my editor", "set
 * up something to edit photos for me". Values are a word or three (Europe/Paris, prohibit-password, 5).
 */
const notAValue = (v: string | undefined) =>
  v !== undefined && (/^(be|make|use|become|work|run|open|edit|do|help|play|watch|write|read)\b/.test(v) || v.split(" ").length > 3)

/** "allow unfree packages" says its own verb: not "enable allow ...", and its opposite is "disallow ...". */
const switched = (verb: "enable" | "disable", option: string | undefined, text: string): string =>
  option === undefined && /^allow\b/i.test(text) ? (verb === "enable" ? text : `dis${text}`) : `${verb} ${option ?? text}`

export const configure = defineIntent("configure", Configure, {
  mutating: true,
  system: { always: true },
  home: true,
  describe: (i) =>
    i.option !== undefined && i.value !== undefined
      ? `set ${i.option} to ${i.value}`
      : i.action === "enable"
      ? `${switched("enable", i.option, i.text)}${i.value !== undefined ? ` (${i.value})` : ""}`
      : i.action === "disable"
      ? switched("disable", i.option, i.text)
      : i.action === "set" && i.value !== undefined
      ? `set ${i.text} to ${i.value}`
      : `change the configuration: ${i.text}`,
  problem: (i) =>
    i.option !== undefined && !isOptionPath(i.option)
      ? `"${i.option}" is not an option name (they look like services.openssh.enable).`
      : undefined,
  json: (i) => ({ option: i.option ?? null, value: i.value ?? null, action: i.action ?? null }),
  phrases: [
    {
      patterns: ["set [the] [nixos] option {option} to {value}", "set {option} to {value}"],
      accept: (slots) => isOptionPath(slots["option"] ?? "")
    },
    {
      patterns: [
        "(enable|activate|turn on|switch on) [the|my] {what}",
        "(allow|permit) {what}",
        "(collect garbage|garbage collect|run garbage collection|run the garbage collector|gc) (automatically|regularly)",
        "(collect garbage|garbage collect|run garbage collection|run the garbage collector|gc) (automatically|regularly) {value}",
        "(collect garbage|garbage collect|run garbage collection|run the garbage collector) {value}"
      ],
      accept: (slots) => !/^(me|us|you|it|them)\b/.test(slots["what"] ?? "")
    },
    { patterns: ["(disable|deactivate|turn off|switch off) [the|my] {what}", "(disallow|forbid) {what}"] },
    {
      patterns: [
        "(set|change) [the|my] {what} (to|=) {value}"
      ],
      accept: (slots) => !isOptionPath(slots["what"] ?? "") && !/^up\b/.test(slots["what"] ?? "") && !notAValue(slots["value"])
    }
  ],
  fromSlots: (slots, raw) => {
    const option = slots["option"]
    const value = slots["value"]
    if (option !== undefined) {
      return value === undefined ? undefined : new Configure({ option: asTyped(raw, option), value: asTyped(raw, value), action: "set", text: raw })
    }
    const words = raw.toLowerCase()
    if (/\b(collect garbage|garbage collect|garbage collection|garbage collector|gc)\b/.test(words) && slots["what"] === undefined) {
      return new Configure({ text: "automatic garbage collection", action: "enable", ...(value !== undefined ? { value } : {}) })
    }
    if (/\bkeep\b/.test(words) && slots["what"] === undefined && value !== undefined) {
      return new Configure({ text: "generations in the boot menu", action: "set", value })
    }
    const action = /^(set|change)\b/.test(words) ? "set" : /^(disable|deactivate|turn off|switch off|disallow|forbid)\b/.test(words) ? "disable" : "enable"
    // "allow unfree packages": the setting is named by its verb too (allowUnfree)
    const allow = /^(allow|permit|disallow|forbid)\b/.test(words)
    return fromWords(action)(allow ? { ...slots, what: `allow ${slots["what"] ?? ""}` } : slots, raw)
  },
  help: [{
    title: "NixOS and home-manager options",
    examples: ["enable bluetooth", "set the time zone to Europe/Paris", "allow unfree packages", "collect garbage automatically every week", "set services.openssh.enable to true"]
  }],
  command: typedCommand({
    name: "configure",
    description: "Set a NixOS (or, with --home, home-manager) option: edits configuration.nix / home.nix, then rebuilds.",
    examples: ["ask-nix configure services.openssh.enable true", 'ask-nix configure time.timeZone "Europe/Berlin"', "ask-nix --home configure programs.git.enable true"],
    usage: "configure OPTION VALUE",
    config: { option: Args.text({ name: "option" }), value: Args.text({ name: "value" }).pipe(Args.optional) },
    toIntent: ({ option, value }) => {
      const v = Option.getOrUndefined(value)
      return { intent: new Configure({ option, value: v, action: v === undefined ? "enable" : "set", text: ["configure", option, ...(v === undefined ? [] : [v])].join(" ") }), words: [], reparse: false }
    }
  })
})
