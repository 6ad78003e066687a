/**
 * The order of a setting inside a text the grammar read nothing in (issue 13): titles and sentences that
 * hold "enable X", "use X", "integrate X", "switch back to X" after other words or before a place or a
 * reason ("Explicitly enable printer", "base.nix: enable firewall on all hosts except k8s", "Standardize
 * all hosts to use systemd-boot", "…, and therefore I want to enable Avahi.", "integrate avahi and
 * raop-discovery service", "Create a Public Samba Share"), or a change's title that says what it does ("Adds
 * openvpn settings and connection script"). The clause from the verb to the first word that
 * ends a setting's name is read by the grammar; only a configure reading that names a setting or a module
 * is taken, and it is asked about before it is done (never at full confidence), or answered with the plan
 * when the text asks. Nothing is read in a text that reports, narrates, judges or negates before the verb.
 */
import { isMutating, type Understood } from "../Intent.js"
import type { NotRead, ParseContext } from "./draft.js"
import { isModuleName, isOptionPath, isServiceName, mentionsSetting, namesSetting, namesSettingOrModule, settingWords } from "./grammar/settings.js"
import { changesCode, judged, reportsAround, tellsRatherThanOrders } from "./reportSignals.js"
import { normalize } from "./normalize.js"
import { CONFIDENCE_THRESHOLD } from "./threshold.js"
import { describedSwitch, isVerb, termWeight } from "./topicVocabulary.js"
import { QUESTION_NOTE } from "./understand.js"
import { oneSpace } from "./spaces.js"

type Parse = (text: string, ctx: ParseContext) => Understood | NotRead

/** Verbs of setting, and the ones read as another ("integrate avahi" is "enable avahi"). */
const VERB = /(?:^| )(enables?|disables?|activates?|deactivates?|turn on|turn off|switch on|switch off|configures?|sets? up|setup|uses?|adds?|integrates?|creates?|implements?|restores?|re-enables?|reenables?|introduces?|bring back|brings back|switch back to|switch(?:es)? to|moves? to|migrates? to|tunes?|tweaks?|customi[sz]es?)(?= )/g
const READ_AS: Readonly<Record<string, string>> = {
  integrate: "enable", create: "enable", implement: "enable", restore: "enable", "re-enable": "enable", reenable: "enable",
  introduce: "enable", "bring back": "enable", "switch back to": "switch to", tune: "configure", tweak: "configure",
  customize: "configure", customise: "configure"
}
/** Verbs that bring back what was there: only a setting is brought back this way, not a program's module. */
const BRINGS_BACK = /^(?:restore|bring back)$/
/** "Adds openvpn settings", "Enables zram swap": a change's title says what it does, with no subject before it. */
const THIRD_PERSON = /^(?:enables|disables|activates|deactivates|configures|sets up|uses|adds|integrates|creates|implements|restores|re-enables|reenables|introduces|brings back|switches to|moves to|migrates to)$/
const baseForm = (verb: string): string =>
  THIRD_PERSON.test(verb) ? verb.replace(/^(\w+?)(?:es|s)(?= |$)/, (all, stem: string) => (/(?:ch|sh|ss|x)$/.test(stem) ? stem : all.slice(0, -1))) : verb
/**
 * Words before the verb that make it no order: a negation, a report, a condition, a wish to someone else, what
 * someone or something says, advises or tries ("Documentation says to enable zram", "the module tries to enable
 * zram", "Looks like you need to enable zram", "It seems necessary to enable zram").
 */
const NOT_AN_ORDER = /(?:^| )(?:not|never|no|nothing|n't|cannot|unable|failed|fails|fail|tried|trying|attempting|attempted|does|did|will|would|should|shall|might|may|must|when|after|before|if|since|while|whether|once|why|how|what|where|which|who|can|could|is|are|was|were|has|have|had|been|let|lets|allow|allows|says|said|recommends|recommended|suggests|suggested|advises|advised|tells|told|tries|seems|seem|necessary|required|supposed|instructs|instructed|you need)(?= |$)/
/** A subject right before the verb (with adverbs of habit between): "we use", "i always switch to", "people use". */
const SUBJECT = /(?:^| )(?:i|we|they|he|she|you|it|people|everyone|everybody|someone|somebody|most|many|users)(?: (?:always|usually|normally|generally|also|just|now|still|currently|mostly|sometimes|often|already|really|actually|all|both|typically))*\s*$/
/** "to enable zram, set zramSwap.enable": a purpose that opens instructions. */
const PURPOSE = /^\s*to\s*$/
/** Where a setting's name ends: a place, a reason, a second clause. */
const ENDS = /^(?:and|or|but|on|for|in|via|with|using|through|by|from|at|so|because|when|if|where|which|that|instead|rather|without|except|to|into|across|everywhere|as|after|before|then|now|please)$/
/** Asks rather than orders. */
const ASKS = /\?\s*$|^(?:how|what|where|which|why|is there|are there|can|could|would|should|do|does|is it)\b/

const words = (text: string): string =>
  ` ${oneSpace(text.toLowerCase().replace(/n[’']t\b/g, " not").replace(/\b(?:didnt|doesnt|dont|cant|wont|isnt|arent|wasnt|couldnt|shouldnt)\b/g, "not").replace(/[`"'’]/g, "").replace(/[,;:!?()&[\]{}]+|\.(?=\s|$)/g, " , ")).trim()} `

/**
 * Reported, told, wished, judged, or asked of a project ("Enable bluetooth in the installer ISO", "enable zram
 * only when it's available"): what the grammar's own reading is refused for is refused here too.
 */
const toldNotOrdered = (text: string): boolean => {
  const lower = text.toLowerCase()
  return reportsAround(lower) || tellsRatherThanOrders(lower) || judged(lower) || changesCode(normalize(text).text)
}

/**
 * The text without the asides in brackets after an order to turn something off that opens it: "Disable powertop
 * (conflicts with TLP)" gives the reason to turn it off there; after an order to turn something on, what went wrong
 * reports the order ("Enable wayland (fails to start)").
 */
const ASIDE = /\s*\([^()]*\)/g
const withoutAside = (text: string): string => {
  const t = text.replace(/^\s*[\w./@-]{1,40}(?:\([^)\s]{0,40}\))?!?:\s+/, "")
  return ORDER_OPENS.test(t) ? t.replace(ASIDE, " ").trim() : text
}
/** A verb that turns a setting off, opening a text (after a change title's prefix). */
const ORDER_OPENS = /^(?:disable|deactivate|turn off|switch off)\b/i

/**
 * The setting a text orders somewhere in it, read by `parse`, or undefined. Tried only on texts no other
 * reading took.
 */
export const settingOrderIn = (text: string, ctx: ParseContext, parse: Parse): Understood | undefined => {
  const lower = text.toLowerCase()
  const t = words(text)
  // ("set up samba share, windows can't see it": a negation anywhere tells what does not work)
  if (/ (?:not|never|no|nothing|cannot) /.test(t)) return undefined
  let told: boolean | undefined
  const withoutNames: ParseContext = { ...ctx, names: undefined }
  for (const m of t.matchAll(VERB)) {
    const before = t.slice(0, m.index).split(" , ").pop() ?? ""
    if (NOT_AN_ORDER.test(before) || PURPOSE.test(t.slice(0, m.index))) return undefined
    // ("the use of zram swap", "its setup"): a noun after a determiner, not a verb
    if (/(?:^| )(?:the|a|an|this|that|its|their|his|her|our|your|my|whose)\s*$/.test(before)) continue
    // ("the module enables zram": a subject before a verb that says what it does is a statement)
    if (THIRD_PERSON.test(m[1]!) && t.slice(0, m.index).trim() !== "") continue
    // ("We use pipewire instead of pulseaudio", "I switch to zsh", "they usually use flakes": a person's own habit or
    // setup, told in the present, is a statement; an order has no subject, a need says "to": "I want to use ...")
    if (SUBJECT.test(before)) return undefined
    const verb = baseForm(m[1]!)
    const rest = t.slice(m.index + m[0].length).trim().split(" ")
    const taken: Array<string> = []
    for (const w of rest) {
      if (w === "," || ENDS.test(w) || taken.length >= 5) break
      taken.push(w)
    }
    if (taken.length === 0) continue
    // (asked here, at the first clause to read, not first: most texts that reach this have no verb of setting,
    // and the guard normalizes and scans the whole text)
    told ??= toldNotOrdered(withoutAside(text))
    if (told) return undefined
    const clause = `${READ_AS[verb] ?? verb} ${taken.join(" ")}`
    // (read without the index: only a configure reading is taken, and the grammar reads a setting without
    // it; with it, every install reading of "add ..." or "use ..." looked its words up among all names in vain)
    const u = parse(clause, withoutNames)
    if ("notRead" in u || u.intent._tag !== "configure" || !isMutating(u.intent)) continue
    const named = u.intent.option ?? u.intent.text
    // (what is brought back must be a setting: "restore firefox" is a program's own business)
    const named1 = BRINGS_BACK.test(verb) ? namesSetting(named) : namesSettingOrModule(named)
    if (!named1 && !isOptionPath(named)) continue
    const note = `Read "${clause}" in "${text.trim()}".`
    return ASKS.test(lower.trim())
      ? { ...u, question: true, notes: [...u.notes, note, QUESTION_NOTE] }
      : { ...u, confidence: Math.min(u.confidence, CONFIDENCE_THRESHOLD - 0.05), notes: [...u.notes, note, "I will ask before doing it."] }
  }
  return undefined
}

/**
 * Where an order of a setting is to be carried out, ending the text ("on NixOS", "for my laptop", "on all hosts", "in
 * configuration.nix"): no part of the setting's words.
 */
const WHERE = / (?:on|in|for|with|under|across|to) (?:(?:my|a|an|the|our|all|all of|all my|all our|every|each|both|this|these) )*(?:nixos|nix|home-manager|home manager|hm|home\.nix|configuration\.nix|config|configuration|nixos config|nixos configuration|laptops?|desktops?|servers?|home server|machines?|systems?|pcs?|computers?|workstations?|raspberry pis?|vms?|hosts?|devices?|nodes?)(?: (?:too|as well|also))?$/

/**
 * A setting ordered for a place the grammar does not read with it ("make vim the default editor on NixOS", "set chrome
 * as default browser for my laptop"): the order without the place, when it is a configure reading; asked before it
 * is done, as a reading of part of the text.
 */
export const settingInPlace = (text: string, ctx: ParseContext, parse: Parse): Understood | undefined => {
  const t = text.trim().replace(/[.!]+$/, "")
  const m = WHERE.exec(t.toLowerCase())
  if (m === null || m.index === 0) return undefined
  const rest = t.slice(0, m.index)
  const u = parse(rest, ctx)
  if ("notRead" in u || u.intent._tag !== "configure" || !isMutating(u.intent)) return undefined
  return u.question === true ? u : { ...u, confidence: Math.min(u.confidence, CONFIDENCE_THRESHOLD - 0.05), notes: [...u.notes, `Read "${rest}" in "${text.trim()}".`] }
}

/** Where a titled setting is wanted: NixOS, home-manager or a machine ("Printing on NixOS", "Nginx reverse proxy on my server"). */
const PLACE = / (?:on|in|for|with|under|using|via|through) (?:(?:my|a|an|the|our) )?(?:nixos|nix|home-manager|home manager|hm|home\.nix|configuration\.nix|nixos config|laptop|desktop|server|home server|machine|system|pc|computer|workstation|raspberry pi|vm)(?: .*)?$/
/** Words that make a title a report, a plan or a statement, not a setting's name. */
const NOT_A_NAME = /^(?:issues?|problems?|bugs?|broken|errors?|crash\w*|roadmap|plans?|rewrite|refactor\w*|cleanup|questions?|help|status|tracking|is|are|was|were|be|been|\w+ed|\d[\d.]*)$/
/** A title's words for the task itself ("setup", "support", "enablement"), or a word that is no part of a setting's name. */
const TASK = / (?:setup|set up|support|enablement|configuration|config|integration|module|service|daemon)$/
/** The gerund of a task at the start of a title ("Installing", "Running", "Setting up"). */
const GERUND = /^(?:installing|setting up|configuring|enabling|running|deploying|hosting|self-hosting|selfhosting) (?:the |a |an |my )?/

/** A module's one-word name written in two ("VS Code extensions": "vscode extensions"; "Sync thing"): written as one. */
const joinedModuleNames = (name: string): string => {
  const ws = name.split(" ")
  for (let i = 0; i + 1 < ws.length; i++) {
    const two = `${ws[i]}${ws[i + 1]}`
    if (isModuleName(two)) ws.splice(i, 2, two)
  }
  return ws.join(" ")
}

/**
 * A title that names a setting or a module and where it is wanted, with no verb ("Nginx reverse proxy on
 * NixOS", "Printing on NixOS", "(Home Server) Nginx"): the setting turned on, asked before it is done.
 * A title of one word is a question about a package ("nginx") unless it is a setting's own word that names no
 * package ("Bluetooth", "Wireguard"), and a title that asks, reports or negates is left to be explained.
 */
export const settingTitle = (text: string, parse: Parse, ctx: ParseContext): Understood | undefined => {
  const lower = text.toLowerCase().trim()
  if (lower.includes("?")) return undefined
  // ("(Home Server) Nginx": a bracketed tag before the title says where, not what)
  const tag = /^\([^()]{1,30}\)\s*/.exec(text.trim())
  const t = words(tag === null ? text : text.trim().slice(tag[0].length)).replace(/ , /g, " ").trim()
  if (/ (?:not|never|no|nothing|cannot) /.test(` ${t} `)) return undefined
  const placed = tag !== null || PLACE.test(` ${t}`)
  const named = ` ${t}`.replace(PLACE, "").replace(TASK, "").trim()
  // ("Installing docker on NixOS", "Running jellyfin on my server": a task named with a gerund, asked about)
  const gerund = placed ? GERUND.exec(named) : null
  const name = joinedModuleNames(gerund === null ? named : named.slice(gerund[0].length))
  // (a program the index knows, "Installing firefox on NixOS", is a question about the package, not a setting's title)
  if (gerund !== null && !settingWords.has(name) && ctx.names?.exists(name) === true) return undefined
  const ws = name.split(" ")
  // ("Hardware acceleration", "Fingerprint reader support": words a switch's description says one after the other)
  const described = describedSwitch(name)
  // (one word alone is a title only when it is a setting's own word that names no package: "Bluetooth", "Wireguard";
  // not "nginx" or "fprintd", questions about a package, nor an everyday word: "Kernel", "Fonts")
  // ("Docker service", "Syncthing setup": a module's name with the task's word after it is a title of its own)
  const tasked = ws.length <= 2 && gerund === null && TASK.test(` ${t}`.replace(PLACE, "")) && (isModuleName(name) || (ws.length === 1 && settingWords.has(name)))
  // ("nginx", "fwupd.", "SDDM": a daemon's name alone, a NixOS service no programs module shares, even with a package of its name)
  const alone = tasked || (ws.length === 1 && ((settingWords.has(name) && mentionsSetting(name) && ctx.names?.exists(name) !== true) || isServiceName(name)))
  if (ws.length > 4 || (ws.length < 2 && !placed && !alone) || !(described || namesSettingOrModule(name))) return undefined
  // every word a part of a system's settings ("nginx reverse proxy"), none a verb or a word of reports ("Avahi
  // issues", "Rewrite firefox module", "Flakes roadmap", "Syncthing is installed")
  // (a word of a two-word setting is one: "reverse proxy", "time zone")
  const paired = new Set(described ? ws : ws.flatMap((w, i) => (i + 1 < ws.length && settingWords.has(`${w} ${ws[i + 1]}`) ? [w, ws[i + 1]!] : [])))
  if (!ws.every((w) => !NOT_A_NAME.test(w) && (paired.has(w) || isModuleName(w) || settingWords.has(w) || (!isVerb(w) && termWeight(w) > 0)))) return undefined
  // (with no place named, a setting's own word must be in it: "Wireguard VPN", not "emacs editor")
  if (!placed && !tasked && !alone && paired.size === 0 && !ws.some((w) => settingWords.has(w))) return undefined
  // (last of the checks: it normalizes and scans the whole text, and most titles fail the cheaper ones)
  if (toldNotOrdered(text)) return undefined
  // (a verb in it makes it an order or a statement the grammar has already read or refused)
  const u = parse(`enable ${name}`, ctx)
  if ("notRead" in u || u.intent._tag !== "configure") return undefined
  if (gerund !== null) return { ...u, question: true, notes: [...u.notes, `"${text.trim()}" names a task: here is its plan.`, QUESTION_NOTE] }
  return { ...u, confidence: Math.min(u.confidence, CONFIDENCE_THRESHOLD - 0.05), notes: [...u.notes, `"${text.trim()}" names a setting: I will ask before turning it on.`] }
}
