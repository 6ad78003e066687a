/** A draft -> the Understood intent: package words read and resolved, confidence settled. */
import {
  Clean, Configure, Explain, Generations, Help, Info, Install, type Intent, intentFromSlots, isMutating, List,
  OptionQuery, Provides, Rebuild, Remove, Rollback, Search, Try, type Understood, Update
} from "../Intent.js"
import { type Draft, type SentenceContext, unknown } from "./draft.js"
import { cleanQuery, readObject } from "./objects.js"
import { buildQualifiers, numberWords } from "./grammar/objects.js"
import { joinNames } from "./joinNames.js"
import { resolvePackages } from "./resolvePackages.js"
import { addedElsewhere } from "./addedElsewhere.js"
import { isModuleName, isOptionPath, isServiceName, namesSetting, settingText } from "./grammar/settings.js"
import type { Slots } from "./pattern.js"

const int = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined
  const n = numberWords[s] ?? Number.parseInt(s, 10)
  return Number.isFinite(n) ? n : undefined
}

/** A clause left out of a package phrase that may name a different package ("to neovim", not "to version 2" or "to the latest"). */
/** A package's own parts, left out of a reading ("with plugins"). */
const PARTS = /^with (?:.* )?(?:plugins?|extensions?|add-?ons?|themes?|dependencies|docs|documentation|man pages)$/
const SWAP = /^(to|into) (?!(latest|newest|new|current|recent|stable|version|release|v?\d[\w.]*|me|it|them|us)$)[a-z][a-z0-9._+-]*$/

/** "add X", "added X" (a title's "feat: " is already off: realText.ts): adding to a configuration, not the word "install". */
const ADDS = /^\s*(?:add|adds|added)\s/i
/**
 * The module a name the index does not know names: its own ("fstrim"), or one that is the name with a version number
 * after it, as module names carry them ("brscan" for hardware.sane.brscan4, "gnome" for gnome3, "plasma" for plasma5).
 */
const moduleNamed = (name: string): string | undefined => {
  if (isModuleName(name)) return name
  if (/\d$/.test(name)) return undefined
  for (let n = 1; n <= 9; n++) if (isModuleName(`${name}${n}`)) return `${name}${n}`
  return undefined
}
/** The text is the name and nothing else ("fwupd.", "SDDM"): a title, not a question about a package. */
const namesOnly = (raw: string, word: string): boolean => raw.trim().replace(/[.!]+$/, "").toLowerCase() === word.toLowerCase()

/** Words as the user cased them ("python3Packages.requests" survives lower-casing). */
const originalCase = (raw: string, rawLower: string, word: string): string => {
  const i = rawLower.indexOf(word)
  if (i < 0) return word
  const w = raw.slice(i, i + word.length)
  // Keep inner capitals (python3Packages), not a capitalised or shouted word (Firefox, FIREFOX).
  return /[a-z]/.test(w) && /[A-Z]/.test(w.slice(1)) ? w : word
}

/** Words as the user wrote them (a value's or an option path's case: "Europe/Paris", "configurationLimit"). */
const asWritten = (raw: string, words: string): string => {
  const i = raw.toLowerCase().indexOf(words)
  return i < 0 ? words : raw.slice(i, i + words.length)
}

/** The setting of a configure phrase: its words (or a written option path) and the value, as written. */
const readSetting = (slots: Slots, raw: string, action: "enable" | "disable" | "set"): Configure | undefined => {
  const words = slots["setting"] ?? ""
  // "to limit the number of entries" says why, not the value
  const v = slots["value"]?.replace(/^(?:to|=)\s+/, "")
  const value = v !== undefined && v.split(" ").length <= 3 ? asWritten(raw, v) : undefined
  // a written option ("set networking.hostName to kestrel"): the option, its value, the request as typed
  if (isOptionPath(words)) {
    const option = asWritten(raw, words)
    return new Configure({ option, action: value !== undefined ? "set" : action, text: raw, ...(value !== undefined ? { value } : {}) }, true)
  }
  const text = settingText(words)
  if (text === "") return undefined
  // "make vim the default editor": the setting is the default editor
  if (/\bdefault\b/.test(raw.toLowerCase()) && /^(?:text |login |user |web )?(?:editor|shell|browser|terminal|pager)$/.test(text)) {
    return new Configure({ text: `default ${text}`, action, ...(value !== undefined ? { value } : {}) }, true)
  }
  return new Configure({ text, action, ...(value !== undefined ? { value } : {}) }, true)
}

export const buildIntent = (d: Draft, raw: string, ctx: SentenceContext, question: boolean, tentative: boolean): Understood => {
  const notes = [...d.notes]
  const corrections = [...d.corrections]
  let confidence = d.confidence
  let scope = d.scope
  let category: string | undefined
  const slots = d.slots
  let intent: Intent

  // "Remove gnome", "uninstall the firewall", "install bluetooth": words that name a NixOS setting and no
  // package; the setting turned off (or on), asked before it is done, never a package "as written"
  const settingNotPackage = (words: string | undefined, refused: ReadonlyArray<string>): Understood | undefined => {
    const text = settingText(words ?? "")
    // (a setting named in one or two words: "sound add pulseaudio" is a sentence, read by settingOrderIn)
    if (text === "" || refused.length === 0 || text.split(" ").length > 2 || !namesSetting(text)) return undefined
    return settingAsked(text)
  }
  const settingAsked = (text: string): Understood => {
    const action = d.kind === "remove" ? "disable" : "enable"
    return {
      intent: new Configure({ text, action }, true), confidence: Math.min(d.confidence, 0.6), corrections, scope,
      notes: [...notes, `"${text}" names a NixOS setting, not a package: I read it as "${action} ${text}" and will ask first.`],
      ...(d.question === true || question ? { question: true } : {})
    }
  }

  const packagesFor = (kind: "install" | "remove" | "update" | "info" | "try"): ReadonlyArray<string> | Understood | { category: string } | "everything" => {
    // "run cowsay hello": the program is the first word of the command
    const words = slots["pkgs"] ?? (slots["cmd"] !== undefined ? slots["cmd"].split(" ")[0]! : "")
    const reading = readObject(words, { everything: kind === "update" })
    switch (reading._tag) {
      case "empty":
        return kind === "update" ? "everything" : unknown(raw, [`${kind} what? Name a package, e.g. "${kind} firefox".`])
      case "everything":
        if (reading.system) scope = "system"
        return "everything"
      case "unclear":
        return unknown(raw, [`Could not tell which package you mean: ${reading.reason}.`])
      case "category":
        return { category: reading.query }
      case "packages": {
        const rawLower = raw.toLowerCase()
        const words = joinNames(reading.packages, ctx.names).map((p) =>
          p.how === "as written" || p.how === "split" || p.how === "channel" ? { ...p, word: originalCase(raw, rawLower, p.word) } : p)
        for (const l of reading.leftOut) {
          notes.push(`Left out "${l}": it does not name a package`)
          // "upgrade vim to neovim": maybe a swap for another package, which is never done silently
          if (SWAP.test(l)) { confidence = Math.min(confidence, 0.5); notes.push(`"${l}" may mean another package: I will ask first.`) }
          // "obs-studio with plugins": the parts asked for are not installed with it
          if (PARTS.test(l)) { confidence = Math.min(confidence, 0.5); notes.push(`The package is installed without "${l.slice(5)}": I will ask first.`) }
          // "firefox nightly": nixpkgs' own build is not that one
          if (buildQualifiers.has(l)) { confidence = Math.min(confidence, 0.5); notes.push(`"${l}" asks for a build this channel may not have under that name: I will ask first.`) }
          if (l === "unfree" || l === "nonfree" || l === "non-free" || l === "proprietary") {
            notes.push(`An unfree package installs only once unfree packages are allowed (nixpkgs.config.allowUnfree = true): say "allow unfree" to set it, "explain unfree" for more.`)
          }
        }
        // "Add vmuser to sudoers", "add ~/.local/bin to PATH", "Add configurationLimit to systemd-boot": not packages
        const elsewhere = kind === "install" || kind === "remove" ? addedElsewhere(reading.leftOut, words.map((p) => p.word), ctx.names) : undefined
        if (elsewhere !== undefined) return unknown(raw, [elsewhere])
        if (words.some((p) => p.how === "split")) notes.push(`Read "${slots["pkgs"]}" as separate packages: ${words.map((p) => p.word).join(", ")}`)
        // (an info reading that is explained whatever its words name is thrown away: they are not looked up;
        // one explained once a word names no package is thrown away as soon as one does: no more are)
        const explained = kind === "info" ? ctx.infoExplained?.() : undefined
        if (explained === "always") return words.map((p) => p.word)
        const names = ctx.names
        // "Add fstrim": one name the index does not know that is a NixOS or home-manager module's, that module turned
        // on, asked first; never "corrected" into a package that was not named (fstrm). Not for remove: what is
        // removed is most often in a package list the index need not know ("remove git" from configuration.nix
        // with a small or custom index, test/config/pipeline.test.ts)
        if (kind === "install" && names !== undefined && words.length === 1 && words[0]!.how === "as written" && !names.exists(words[0]!.word)) {
          const module = moduleNamed(words[0]!.word.toLowerCase())
          if (module !== undefined) return settingAsked(module)
        }
        // "add jellyfin", "fwupd.", "SDDM": a daemon's name (a NixOS service no programs module shares) alone, or after
        // "add" rather than "install", is that service turned on, asked first, even when the index has its package
        if (words.length === 1 && isServiceName(words[0]!.word.toLowerCase()) && (kind === "install" ? ADDS.test(raw) : kind === "info" && namesOnly(raw, words[0]!.word))) {
          return settingAsked(words[0]!.word.toLowerCase())
        }
        const until = explained === "once one names none" && names !== undefined ? (p: string) => !names.exists(p) : undefined
        const r = resolvePackages(words, names, kind !== "info" && ctx.customPackages !== true, until)
        notes.push(...r.notes)
        corrections.push(...r.corrections)
        confidence -= r.doubt
        if (r.packages.length === 0 && r.refused.length > 0) {
          const setting = kind === "install" || kind === "remove" ? settingNotPackage(slots["pkgs"], r.refused) : undefined
          if (setting !== undefined) return setting
          return unknown(raw, [...r.notes, `Nothing to ${kind}: name the package, e.g. "${kind} firefox".`])
        }
        return r.packages
      }
    }
  }

  switch (d.kind) {
    case "install": case "remove": case "update": case "info": case "try": {
      const p = packagesFor(d.kind)
      if (p === "everything") {
        if (d.kind !== "update") return unknown(raw, [`"${d.kind}" everything is not something I will do; name the packages.`])
        intent = new Update({ packages: [] }, true)
        break
      }
      if ("intent" in p) return p
      if ("category" in p) {
        if (d.kind === "remove" || d.kind === "update") return unknown(raw, [`Which ${p.category}? Name the package to ${d.kind}.`])
        intent = new Search({ query: p.category }, true)
        if (d.kind === "install" || d.kind === "try") {
          category = p.category
          notes.push(`"${p.category}" is a kind of program, not a package: I will show choices to pick from.`)
        }
        confidence = Math.min(confidence, 0.9)
        break
      }
      const pkgs = p as ReadonlyArray<string>
      switch (d.kind) {
        case "install": intent = new Install(d.forUser === true ? { packages: pkgs, forUser: true } : { packages: pkgs }, true); break
        case "remove": intent = new Remove(d.forUser === true ? { packages: pkgs, forUser: true } : { packages: pkgs }, true); break
        case "update": intent = new Update({ packages: pkgs }, true); break
        case "info": intent = new Info({ packages: pkgs }, true); break
        case "try": {
          // The command only as the user typed it; when normalizing changed it (quotes, brackets), none is guessed.
          const cmd = slots["cmd"]
          const at = cmd === undefined ? -1 : raw.toLowerCase().indexOf(cmd)
          const command = cmd !== undefined && at >= 0
            ? raw.slice(at, at + cmd.length).replace(/^\S+/, (w) => w.toLowerCase())
            : undefined
          if (cmd !== undefined && command === undefined) notes.push(`Not sure of the exact command in "${raw}": starting ${pkgs.join(", ")} without arguments.`)
          intent = command !== undefined ? new Try({ packages: pkgs, command }, true) : new Try({ packages: pkgs }, true)
          break
        }
      }
      break
    }
    case "search": {
      const q = cleanQuery(slots["query"] ?? "")
      if (q === "") return unknown(raw, ["Search for what? e.g. \"search text editor\"."])
      intent = new Search({ query: q }, true)
      break
    }
    case "provides": {
      // The lookahead leaves the space for the next word: "the command wget" loses both words
      const q = cleanQuery((slots["query"] ?? "").replace(/(^| )(command|binary|executable|program|tool|called|named|the)(?= |$)/g, " ").replace(/\s+/g, " ").trim())
      if (q === "") return unknown(raw, ["Which command? e.g. \"what provides rg\"."])
      // A command is one word; the rest was filler ("convert binary please")
      // "bin/rg", "/usr/bin/convert": the command is the file name
      const cmd = q.split(" ")[0]!
      intent = new Provides({ query: cmd.includes("/") ? cmd.slice(cmd.lastIndexOf("/") + 1) || cmd : cmd }, true)
      break
    }
    case "explain": intent = new Explain({ query: slots["query"] ?? "" }, true); break
    case "list": intent = new List({}, true); break
    case "generations": intent = new Generations({}, true); break
    case "help": intent = new Help({}, true); break
    case "rollback": {
      const g = int(slots["n"])
      const back = int(slots["back"])
      intent = g !== undefined ? new Rollback({ generation: g }, true)
        : back !== undefined && back > 1 ? new Rollback({ steps: back }, true)
        : new Rollback({}, true)
      break
    }
    case "clean": {
      const k = int(slots["n"])
      intent = k === undefined ? new Clean({}, true) : new Clean({ keep: k }, true)
      break
    }
    case "rebuild": intent = new Rebuild({ mode: d.mode ?? "switch" }, true); scope = d.scope === "home" ? "home" : "system"; break
    case "configure": {
      const c = readSetting(slots, raw, d.action ?? "enable")
      if (c === undefined) return unknown(raw, ["Which setting? e.g. \"enable bluetooth\", \"set the time zone to Europe/Paris\"."])
      intent = c
      break
    }
    case "option": {
      const q = (slots["query"] ?? "").trim()
      if (q === "") return unknown(raw, ["Which option? e.g. \"which option enables ssh\"."])
      intent = new OptionQuery({ query: isOptionPath(q) ? asWritten(raw, q) : cleanQuery(q) }, true)
      break
    }
    case "unknown": return unknown(raw, d.notes.length > 0 ? d.notes : ["This is not a request about packages or Nix. Say \"help\" to see what I understand."])
    default: {
      // A kind outside this grammar, with phrases of its own: its spec reads the slots (IntentSpec.fromSlots).
      const made = intentFromSlots(d.kind, slots, raw)
      if (made === undefined) return unknown(raw, [`Not sure what you mean; say "help" to see what I understand.`])
      intent = made
    }
  }

  // "Allow unfree?", "Can I enable hibernation?": a setting asked about with a question mark is a question
  // (the plan is the answer), not an order
  const asked = (d.question === true || (question && intent._tag === "configure")) && isMutating(intent)
  if (isMutating(intent) && !asked) {
    if (tentative) { confidence = Math.min(confidence, 0.55); notes.push("Worded as a question (\"can I ...\"): I will ask before doing it.") }
    else if (question && d.verb !== undefined) confidence -= 0.15
  }
  const u: Understood = { intent, confidence: Math.max(0, Math.min(1, confidence)), notes, corrections, scope }
  return category !== undefined ? { ...u, category } : asked ? { ...u, question: true } : u
}
