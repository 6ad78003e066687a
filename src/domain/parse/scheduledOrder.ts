/**
 * An order to be carried out on a schedule is the setting that does it (issue 13): "Automatically delete
 * old generations", "run nix-collect-garbage weekly", "Auto update NixOS", "clean the store every week",
 * "optimise the store automatically" ask for NixOS's automatic garbage collection, automatic upgrades and
 * store optimisation, not for a clean-up or an update now. The order is read by the grammar once the words
 * of the schedule are taken out; only clean-ups, updates of everything and store optimisation have such a
 * setting, and so do services named alone ("Periodic fstrim": the module that runs it on a timer); anything else
 * is left as it was read. Stopping what runs on a schedule ("Stop automatic daily gc", "turn off automatic
 * upgrades") turns its setting off; a schedule documented, explained or discussed ("Document nix-store
 * auto-optimize feature") is talked about, not ordered.
 */
import { type Draft, draft } from "./draft.js"
import { isModuleName } from "./grammar/settings.js"
import { readObject } from "./objects.js"

/** When: "every week", "nightly", "once a day" (kept as the setting's value). */
const SCHEDULE = /\b(?:(?:every|each|once a|once per) (?:day|night|week|month|hour|morning|evening|weekend|(?:other|second) (?:day|week)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d+ (?:days?|weeks?|hours?|months?))|daily|weekly|nightly|monthly|hourly)\b/
/** That it should happen by itself: "automatically", "auto-clean", "periodically", "on a timer". */
const AUTOMATIC = /\b(?:auto|automatic|automatically|automated|automate|periodic|periodically|regularly|scheduled?|on a (?:schedule|timer))\b(?!-)|\bauto-?(?=(?:clean|update|upgrade|gc|optimi[sz]e|delete|remove|collect)\b)/g
/** Run on a timer, said without when. */
const TIMED = /\b(?:periodic|periodically|regularly|scheduled?|on a (?:schedule|timer))\b/
/** A schedule or automation anywhere: the only requests read here. */
const ANY = /\b(?:auto|automatic|automatically|automated|automate|periodic|periodically|regularly|scheduled?|on a (?:schedule|timer)|every|each|once|daily|weekly|nightly|monthly|hourly)\b|\bauto-/
/** Store optimisation (hard-linking identical files), which "optimize store" alone would read as a clean-up. */
const OPTIMISE = /\b(?:optimi[sz]e|optimi[sz]ing|optimi[sz]ation|optimi[sz]er|deduplicate|deduplicating|deduplication|dedupe|hard-?link)\b.*\bstore\b|\bstore\b.*\b(?:optimi[sz]e|optimi[sz]ation|deduplication)\b/
/** Old generations removed by age ("delete generations older than 30 days"), which no clean-up now reads. */
const OLD_GENERATIONS = /^(?:delete|remove|clean(?: up)?|wipe|purge|get rid of|prune) (?:the |all |my |old |older )*(?:system |nixos |home-manager )?(?:generations|gens)\b/

/** A verb that ends what runs by itself: its setting turned off ("stop automatic gc", "turn off auto upgrades"). */
const STOP = /^(?:stop|disable|deactivate|turn off|switch off|pause) (?:the |my |all |any )?/
/** A how-question around the order ("how do i stop ..."). */
const HOW = /^how (?:do|can|could|should|would) (?:i|we|you|one) |^how to /
/** A verb whose object is talked about, not done: documented, explained, discussed, tested. */
const TALKS_ABOUT = /^(?:document|documents|documenting|describe|describes|explain|explains|discuss|discusses|mention|mentions|investigate|research|review|compare|benchmark|test|tests|evaluate|clarify)\b/

/** Garbage collection ordered or named, whole ("garbage collect the nix store", "run nix-collect-garbage", "gc"). */
const GARBAGE = /^(?:(?:run|do|enable|set up|setup|configure|perform|trigger) )?(?:(?:the|a|nix|store) )*(?:garbage collect(?:ion|or)?|garbage-collect|collect garbage|gc|nix-collect-garbage|nix-collect-garbage -d|nix store gc)(?: (?:of |on |for |in )?(?:the |my |all )?(?:nix )?(?:store|old generations|generations))?$/
/** Updates named, or the system kept up to date ("system updates", "keep the system updated"; not "my system updates ..."). */
const UPDATES = /^(?:system |nixos |os )?(?:updates|upgrades)$|^keep (?:the |my )?(?:system|nixos|os|machine|computer|everything) (?:updated|up to date|upgraded|current)$/

/**
 * The setting a scheduled order asks for, or undefined. `text` is the normalized request; `read` reads the
 * order left once the schedule's words are out (the grammar). A question ("how do i automatically delete old
 * generations?") stays a question.
 */
export const scheduledSetting = (text: string, read: (rest: string) => Draft | undefined): Draft | undefined => {
  if (!ANY.test(text)) return undefined
  const when = SCHEDULE.exec(text)?.[0]
  const auto = text.replace(AUTOMATIC, " ")
  if (when === undefined && auto === text) return undefined
  const rest = (when === undefined ? auto : auto.replace(when, " ")).replace(/\s+/g, " ").trim()
  if (rest === "" || TALKS_ABOUT.test(rest)) return undefined
  // ("Stop automatic daily gc": the order is read without its stop verb, and the setting it names is turned off)
  // ("how do I stop automatic gc?": asked, so answered with the plan)
  const how = HOW.exec(rest)
  const asked = how === null ? rest : rest.slice(how[0].length)
  const stop = STOP.exec(asked)
  if (stop !== null) {
    const s = scheduledSetting1(asked.slice(stop[0].length), when, TIMED.test(text), read)
    return s === undefined || s.kind !== "configure" ? undefined : { ...s, action: "disable", ...(how === null ? {} : { question: true }) }
  }
  return scheduledSetting1(rest, when, TIMED.test(text), read)
}

/** The setting of `rest`, the order left once the schedule (`when`, if said; `timed`: on a timer) is out. */
const scheduledSetting1 = (rest: string, when: string | undefined, timed: boolean, read: (rest: string) => Draft | undefined): Draft | undefined => {
  if (rest === "") return undefined
  const value = when === undefined ? {} : { value: when }
  if (OPTIMISE.test(rest)) return draft("configure", { setting: "automatic store optimisation" }, 0.85, { action: "enable" })
  const d = read(rest)
  const question = d?.question === true ? { question: true } : {}
  if (d?.kind === "clean" || GARBAGE.test(rest) || OLD_GENERATIONS.test(rest)) {
    return draft("configure", { setting: "automatic garbage collection", ...value }, 0.85, { action: "enable", ...question })
  }
  // "update the system every night", "auto upgrade nixos": all of it, not one package
  if ((d?.kind === "update" && ((d.slots["pkgs"] ?? "").trim() === "" || readObject(d.slots["pkgs"] ?? "", { everything: true })._tag === "everything")) || UPDATES.test(rest)) {
    return draft("configure", { setting: "automatic upgrades", ...value }, 0.85, { action: "enable", scope: d?.scope, ...question })
  }
  // "Periodic fstrim", "run fwupd weekly": a service that runs on a timer, named alone, is its module turned on
  const service = rest.replace(/^(?:(?:run|start|enable|the|my|a|an) )+/, "")
  // (on a schedule, not only "automatically": "firefox automatically" is no timer)
  if ((when !== undefined || timed) && isModuleName(service) && (d === undefined || d.kind === "info" || d.kind === "try" || d.kind === "configure")) {
    return draft("configure", { setting: service, ...value }, 0.8, { action: "enable", ...question })
  }
  return undefined
}
