/**
 * From words to settings: "enable bluetooth" -> hardware.bluetooth.enable = true; "set the time zone to
 * Europe/Paris" -> time.timeZone = "Europe/Paris"; "collect garbage automatically every week" ->
 * nix.gc.automatic = true and nix.gc.dates = "weekly"; "keep only 5 generations in the boot menu" -> the
 * boot loader's configurationLimit = 5. Options come from the options data (searchOptions); the words
 * only say which value: a switch (enable/disable), a number, a schedule, or what follows "to".
 * Among options that rank about as well, the ones that take the value win, then the ones next to
 * settings the configuration already has (a GRUB system gets GRUB's limit).
 */
import type { NixValue } from "../nixfile/nixValue.js"
import { nixBool, nixString } from "../nixfile/nixValue.js"
import { findName, type OptionsTable, parentOf } from "./OptionsTable.js"
import { acceptsKind, coerceValue, parseOptionType } from "./optionTypes.js"
import { nameStems } from "./postings.js"
import { type OptionHit, queryStems, searchOptions } from "./searchOptions.js"
import { stem } from "./words.js"
import { osaDistance } from "../osa.js"
import { ownEntry } from "../ownEntry.js"

export interface Setting {
  readonly option: string
  readonly type: string
  readonly value: NixValue
}

export type Resolution =
  | { readonly ok: true; readonly settings: ReadonlyArray<Setting>; readonly alternatives: ReadonlyArray<string> }
  | { readonly ok: false; readonly reason: "no-option"; readonly words: string; readonly suggestions?: ReadonlyArray<string> }
  | { readonly ok: false; readonly reason: "ambiguous"; readonly choices: ReadonlyArray<string> }
  | { readonly ok: false; readonly reason: "bad-value"; readonly option: string; readonly type: string; readonly value: string; readonly why: string }
  | { readonly ok: false; readonly reason: "no-value"; readonly option: string; readonly type: string }

interface Request {
  /** Words naming the setting. */
  readonly phrase: string
  /** What follows "to" / "=", as typed. */
  readonly explicit: string | undefined
  readonly negated: boolean
  readonly number: number | undefined
  /** A systemd calendar word: daily, weekly, … */
  readonly schedule: string | undefined
}

const explicitForms: ReadonlyArray<RegExp> = [
  /^(?:please\s+)?(?:set|change|make|put|configure|switch)\s+(.+?)\s+(?:to|=|as|into)\s+(.+?)\s*[.!]?$/i,
  /^(.+?)\s*(?:=|:)\s*(.+?)\s*$/
]
const offWords = /\b(disable|disabled|deactivate|turn\s+off|switch\s+off|stop|disallow|don'?t|do\s+not|no\s+longer|never)\b/i
const scheduleForms: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:every|each|once\s+a|once\s+per)\s+(?:day|night)\b|\b(?:daily|nightly)\b/i, "daily"],
  [/\b(?:every|each|once\s+a|once\s+per)\s+week\b|\bweekly\b/i, "weekly"],
  [/\b(?:every|each|once\s+a|once\s+per)\s+month\b|\bmonthly\b/i, "monthly"],
  [/\b(?:every|each|once\s+an?|once\s+per)\s+hour\b|\bhourly\b/i, "hourly"]
]
const numberWords: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20
}

export const readRequest = (text: string): Request => {
  let phrase = text.trim()
  let explicit: string | undefined
  for (const form of explicitForms) {
    const m = form.exec(phrase)
    if (m !== null) {
      phrase = m[1]!
      explicit = m[2]!
      break
    }
  }
  let schedule: string | undefined
  for (const [re, word] of scheduleForms) {
    if (re.test(phrase)) {
      schedule = word
      phrase = phrase.replace(re, " ")
    }
  }
  let number: number | undefined
  if (explicit === undefined) {
    const m = /\b(\d+)\b/.exec(phrase) ?? new RegExp(`\\b(${Object.keys(numberWords).join("|")})\\b`, "i").exec(phrase)
    if (m !== null) {
      number = /^\d+$/.test(m[1]!) ? Number(m[1]) : ownEntry(numberWords, m[1]!.toLowerCase())
      phrase = phrase.replace(m[0], " ")
    }
  }
  const negated = offWords.test(phrase)
  // "disable the firewall" looks for the same switch as "enable the firewall"
  phrase = phrase.replace(/\bdisallow\b/gi, "allow").replace(offWords, " enable ").replace(/\s+/g, " ").trim()
  return { phrase, explicit, negated, number, schedule }
}

/**
 * The type a value is written for: an option declared with no type (`unspecified`) whose default is true or
 * false is a switch (services.xserver.desktopManager.gnome3.enable, programs.zsh.ohMyZsh.enable: 79 such).
 */
const typeOf = (table: OptionsTable, id: number): string => {
  const type = table.type(id)
  return type === "unspecified" && /^(?:true|false)$/.test(table.record(id).default ?? "") ? "boolean" : type
}

const last = (name: string) => name.slice(name.lastIndexOf(".") + 1)
/** `a.b.c.d` -> ["a.b.c", "a.b"] (not the top level alone). */
const ancestors = (name: string): ReadonlyArray<string> => {
  const parts = name.split(".")
  const out: Array<string> = []
  for (let n = parts.length - 1; n >= 2; n--) out.push(parts.slice(0, n).join("."))
  return out
}

/** Does a description say the value is a systemd calendar time (nix.gc.dates, system.autoUpgrade.dates)? */
const isCalendar = (table: OptionsTable, id: number): boolean =>
  /systemd\.time|calendar|OnCalendar/i.test(table.record(id).description)

/** Options with the same parent as `name` (other than it). */
const siblings = (table: OptionsTable, name: string): ReadonlyArray<number> => {
  const parent = parentOf(name)
  const out: Array<number> = []
  for (let id = 0; id < table.count; id++) if (table.name(id) !== name && parentOf(table.name(id)) === parent) out.push(id)
  return out
}

/**
 * "enable bluetoth": the words no option has, each replaced by the closest word of an option name (one
 * slip; two in words of 8 letters or more). Undefined when every word is known or one has no close word.
 */
const correctWords = (table: OptionsTable, text: string): string | undefined => {
  let terms: ReadonlyArray<string> | undefined
  let changed = false
  let lost = false
  const out = text.replace(/[A-Za-z]{4,}/g, (word) => {
    const s = stem(word)
    if (table.postings(s) !== undefined) return word
    const max = s.length >= 8 ? 2 : 1
    let best: string | undefined
    let bestD = max + 1
    for (const t of (terms ??= table.nameTerms())) {
      if (Math.abs(t.length - s.length) > max) continue
      const d = osaDistance(s, t, max)
      if (d < bestD) {
        bestD = d
        best = t
      }
    }
    if (best === undefined) {
      lost = true
      return word
    }
    changed = true
    return best
  })
  return changed && !lost ? out : undefined
}

export const resolveSetting = (
  table: OptionsTable,
  text: string,
  context: ReadonlyArray<string> = [],
  corrected = false
): Resolution => {
  const req = readRequest(text)
  const hits = searchOptions(table, req.phrase, 25, { switch: req.explicit === undefined && req.number === undefined })
  const stems = queryStems(req.phrase)
  const top = hits[0]
  if (top === undefined) {
    // a misspelt word: what the corrected words would set is offered, never done
    const fixed = corrected ? undefined : correctWords(table, text)
    const again = fixed === undefined ? undefined : resolveSetting(table, fixed, context, true)
    const suggestions = again === undefined ? [] : again.ok ? again.settings.map((s) => s.option) : again.reason === "ambiguous" ? again.choices.slice(0, 3) : []
    return { ok: false, reason: "no-option", words: req.phrase, ...(suggestions.length > 0 ? { suggestions } : {}) }
  }
  const valueFor = (h: OptionHit): { readonly value?: NixValue; readonly why?: string } => {
    const type = parseOptionType(typeOf(table, h.id))
    if (req.explicit !== undefined) {
      const r = coerceValue(type, req.explicit)
      return r.ok ? { value: r.value } : { why: r.reason }
    }
    if (req.number !== undefined) {
      const r = coerceValue(type, String(req.number))
      return r.ok ? { value: r.value } : { why: r.reason }
    }
    if (acceptsKind(type, "bool")) return { value: nixBool(!req.negated) }
    if (req.schedule !== undefined && acceptsKind(type, "string") && isCalendar(table, h.id)) return { value: nixString(req.schedule) }
    return { why: "no value was given" }
  }

  const fits = (h: OptionHit) => valueFor(h).value !== undefined
  const near = hits.filter((h) => h.score >= top.score - Math.max(4, 0.15 * top.score))
  // among the best options, the first that takes the value
  const noValue = req.explicit === undefined && req.number === undefined
  /** The `enable` switch of the nearest module an option belongs to (services.redis.enable for services.redis.port). */
  const moduleSwitch = (h: OptionHit): OptionHit | undefined => {
    const name = ancestors(h.name).map((p) => `${p}.enable`).find((n) => {
      const id = findName(table, n)
      return id >= 0 && typeOf(table, id) === "boolean"
    })
    return name === undefined ? undefined : { id: findName(table, name), name, score: h.score, matched: h.matched }
  }
  // a number may name an option further down the list: when it came without "to", or when the best
  // options are all switches (a number is no answer for those); "set the time zone to 42" stays wrong
  const numeric = req.number !== undefined ||
    (req.explicit !== undefined && /^\d+$/.test(req.explicit.trim()) && near.every((h) => typeOf(table, h.id) === "boolean"))
  let chosen = near.find(fits) ?? (numeric ? hits.find((h) => fits(h) && h.score >= 0.5 * top.score) : undefined)
  // with no value, "configure redis" / "add the sshd service" mean the module's switch, unless a switch
  // was found by name ("allow unfree packages" is nixpkgs.config.allowUnfree, not a module's enable)
  // ("keyboard layout", "menu entries": words that name the option itself, not its module, ask for its value)
  const own = (h: OptionHit) => nameStems(last(h.name)).some((s) => stems.includes(s))
  if (noValue && (chosen === undefined || typeOf(table, chosen.id) !== "boolean") && !own(chosen ?? top)) chosen = moduleSwitch(chosen ?? top) ?? chosen
  if (chosen === undefined) {
    const v = valueFor(top)
    return noValue
      ? { ok: false, reason: "no-value", option: top.name, type: typeOf(table, top.id) }
      : { ok: false, reason: "bad-value", option: top.name, type: typeOf(table, top.id), value: req.explicit ?? String(req.number), why: v.why ?? "" }
  }
  // (and of a switch inside a module whose own name does not hold the words: "enable wifi" is NetworkManager's own
  // switch, not networking.networkmanager.wifi.powersave)
  if (noValue && typeOf(table, chosen.id) === "boolean" && (last(chosen.name) === "enable" || !own(chosen))) {
    // of several enable switches that fit, the module's own (networking.networkmanager.enable, not
    // networking.networkmanager.dynamicHosts.enable)
    const pick = chosen
    const outer = near.find((h) => fits(h) && last(h.name) === "enable" && pick.name.startsWith(`${parentOf(h.name)}.`) && h.name !== pick.name)
    if (outer !== undefined) chosen = outer
  }
  // the same setting in the module this configuration uses (GRUB's configurationLimit on a GRUB system)
  const sharesContext = (h: OptionHit) => context.some((c) => c.startsWith(`${parentOf(h.name)}.`))
  const inContext = sharesContext(chosen)
  if (!inContext) {
    const same = hits.find((h) => h !== chosen && last(h.name) === last(chosen!.name) && sharesContext(h) && fits(h))
    if (same !== undefined) chosen = same
  }
  const value = valueFor(chosen).value!
  // two different settings fit about equally well and the configuration does not tell them apart: ask
  const pick = chosen
  // (settings inside the chosen module, or the module the chosen one is inside, are no rivals of it)
  const nested = (a: OptionHit, b: OptionHit) => a.name.startsWith(`${parentOf(b.name)}.`) || b.name.startsWith(`${parentOf(a.name)}.`)
  const rivals = near.filter((h) => h !== pick && fits(h) && h.score >= pick.score - 0.5 && !nested(h, pick))
  if (!inContext && !sharesContext(pick) && rivals.length > 0) {
    return { ok: false, reason: "ambiguous", choices: [pick, ...rivals].slice(0, 5).map((h) => h.name) }
  }
  const settings: Array<Setting> = [{ option: pick.name, type: typeOf(table, pick.id), value }]
  if (req.schedule !== undefined) {
    const scheduled = value.type === "string" && value.value === req.schedule
    // nix.gc.automatic -> its calendar (nix.gc.dates); system.autoUpgrade.dates -> its switch (enable)
    const sibling = siblings(table, pick.name).find((id) =>
      scheduled
        ? typeOf(table, id) === "boolean" && /\.(enable|automatic)$/.test(table.name(id))
        : acceptsKind(parseOptionType(typeOf(table, id)), "string") && isCalendar(table, id)
    )
    if (sibling !== undefined) {
      const v = scheduled ? nixBool(true) : nixString(req.schedule)
      settings[scheduled ? "unshift" : "push"]({ option: table.name(sibling), type: typeOf(table, sibling), value: v })
    }
  }
  return { ok: true, settings, alternatives: near.filter((h) => h !== pick && fits(h)).slice(0, 4).map((h) => h.name) }
}

/** A configure intent as the parser gives it (see the intent contract): what, how, and maybe which option. */
export interface ConfigureRequest {
  /** The words naming the setting ("bluetooth", "the time zone"). */
  readonly text: string
  readonly action: "enable" | "disable" | "set"
  /** The value words as written ("Europe/Paris", "weekly", "5"). */
  readonly value?: string | undefined
  /** A literal option path the person wrote (`services.openssh.enable`). */
  readonly option?: string | undefined
}

/** The words of a configure intent, as one request for resolveSetting. */
export const configureWords = (r: ConfigureRequest): string => {
  const what = r.option ?? r.text
  switch (r.action) {
    case "enable": return r.value === undefined ? `enable ${what}` : `enable ${what} ${r.value}`
    case "disable": return `disable ${what}`
    case "set": return r.value === undefined ? what : `set ${what} to ${r.value}`
  }
}
