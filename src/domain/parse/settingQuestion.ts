/**
 * Settings asked about in the ways people ask in forums (issue 13), read only when a sentence holds a verb
 * of setting: "Would like to enable hibernation", "What should I put in my configuration.nix to enable
 * sound?", "Where do I set the timezone?", "I just installed NixOS and I want to enable bluetooth", and
 * "how can I enable automatic login?" where the settings list does not know the words but the NixOS and
 * home-manager options do. Only a setting is read here: any other order in these frames is left to the rest
 * of the grammar.
 */
import { type Draft, draft } from "./draft.js"
import { isModuleName, settingText } from "./grammar/settings.js"
import { compile, type Pattern, prepare, type Prepared } from "./pattern.js"
import { describesSwitch, termWeight } from "./topicVocabulary.js"

/** A verb of setting somewhere in the sentence: the only sentences these frames are tried on. */
export const SETTING_VERB = /\b(?:enable|enabling|disable|disabling|activate|turn on|turn off|set up|setup|setting up|configure|configuring|set|change|switch to|use)\b/

interface Frame { readonly pattern: Pattern; readonly asks: boolean }

/** "{rest}" is read as a request of its own; `asks`: a question (the plan, never carried out), else a need (asked before it is done). */
const FRAMES: ReadonlyArray<readonly [string, boolean]> = [
  ["* (looking|trying|wanting|hoping|attempting|struggling) (to|for a way to|for how to) {rest}", true],
  ["(looking|trying|hoping|attempting|struggling) (to|for a way to|for how to) {rest}", true],
  ["where (do|can|should|would|must|shall) (i|we|you|one) {rest}", true],
  // "I am also curious how you change keyboard layouts in Nix"
  ["* how (you|i|we|one|people) {rest}", true],
  ["what (should|do|must|can|would|shall) (i|we|you|one) (put|add|write|set|change|use) [in|into|to|inside] [my|the|a] (configuration.nix|config|configuration|nixos config|nixos configuration|system config|home.nix|home-manager config|home manager config|flake|flake.nix|nix config) (to|for|so that|in order to) {rest}", true],
  ["(wanted|would like|want|wish|wanting|need|needed) to {rest}", false],
  ["* and [now|then|also|so] (i|we) (want|need|would like|wish|have) to {rest}", false]
]

let frames: ReadonlyArray<Frame> | undefined

/** A setting in words the options name ("automatic login", "hardware acceleration", "ip forwarding"), after an order's verb. */
const ORDER = /^(enable|activate|turn on|switch on|disable|deactivate|turn off|switch off|configure|set up|setup) (?:the |my |a |an )?(.+)$/
/**
 * The same with a verb that changes anything ("Set git username"), read where an order opens with one (understand.ts):
 * every word must be the options' then ("Set git username", not "change my mind").
 */
const CHANGE_ORDER = /^(set|change) (?:the |my |a |an )?(.+)$/
const PACKAGES = /^(?:packages?|pkgs?|programs?|apps?|applications?|software|tools?)$/
const DISABLE = /^(?:disable|deactivate|turn off|switch off)$/
const ENABLE = /^(?:enable|activate|turn on|switch on)$/
/** Words that name where or how, or Nix itself, not a setting ("Setup on NixOS"). */
const NOT_A_SETTING = /^(?:on|in|for|with|to|from|at|by|via|using|of|and|or|nix|nixos|nixpkgs|home-manager)\b/

/**
 * "how can I enable automatic login", "Set git username": an order of setting whose words the options know,
 * in a few words. `everyWord`: all of its words must be known (where nothing else in the sentence says
 * it is about a setting), not only one. `change`: the order opens with "set" or "change" (every word must be known);
 * the question frames do not read those verbs here.
 */
export const settingInOptionWords = (rest: string, everyWord = false, change = false): Draft | undefined => {
  const m = (change ? CHANGE_ORDER : ORDER).exec(rest)
  if (m === null) return undefined
  const words = settingText(m[2]!)
  // ("Set git username and email": two settings of one thing, joined; the joining word names nothing)
  const ws = words.split(" ").filter((w, i, all) => !(w === "and" && i > 0 && i < all.length - 1))
  if (ws.length > 4 || NOT_A_SETTING.test(words) || /\b(?:is|are|was|does|do|did|not|it|this|that|them|to|me|us|you)\b/.test(words)) return undefined
  const verb = m[1]!
  // (a switch turned on or off may be named by what the options' descriptions say it turns on: "Disable
  // Garbage collector", "enable the fingerprint reader"; a verb that sets anything needs the options' own words)
  // (each of its words then, not one: "enable usually something" names nothing)
  const known = (w: string) => isModuleName(w) || termWeight(w) > 0
  const described = (DISABLE.test(verb) || ENABLE.test(verb)) && ws.every((w) => known(w) || describesSwitch(w))
  // ("disable these default packages": packages are removed, not turned off)
  if (ws.some((w) => PACKAGES.test(w)) || !(described || (everyWord || change ? ws.every(known) : ws.some(known)))) return undefined
  const action = DISABLE.test(verb) ? "disable" : ENABLE.test(verb) ? "enable" : "set"
  return draft("configure", { setting: m[2]! }, 0.8, { action })
}

/**
 * A reading that names its setting (a built-in phrase's words or a written option path), not only a verb of
 * setting before any words ("enable {what}" of the configure intent's own phrases, which no setting is read from).
 */
export const readsSetting = (d: Draft): boolean => d.kind === "configure" && (d.slots["setting"] !== undefined || d.slots["option"] !== undefined)

/**
 * The setting a framed sentence asks for, or undefined. `read` reads the request inside the frame (the
 * grammar, without frames: understand at depth 1); `split`: the text already prepared, when the caller has it.
 */
export const settingInFrame = (text: string, read: (rest: string) => Draft | undefined, split?: Prepared): Draft | undefined => {
  if (!SETTING_VERB.test(text)) return undefined
  frames ??= FRAMES.map(([p, asks]) => ({ pattern: compile(p), asks }))
  const p = split ?? prepare(text)
  for (const f of frames) {
    const s = f.pattern.match(p)
    const rest = s?.["rest"]
    if (rest === undefined) continue
    const read1 = read(rest)
    const inner = read1 !== undefined && readsSetting(read1) ? read1 : settingInOptionWords(rest)
    if (inner === undefined) continue
    return f.asks ? { ...inner, question: true } : { ...inner, confidence: Math.min(inner.confidence, 0.6) }
  }
  return undefined
}
