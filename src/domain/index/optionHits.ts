/**
 * NixOS options in search, in their own section: which requests ask for them, and which options match. The
 * options are those of the NixOS options JSON an index was built with (option name -> description, type...).
 * Pure. (The smallest piece search needs; a fuller options service can answer `rankOptions` instead.)
 */
import type { OptionHit } from "../Plan.js"
import { docText, type NixosOption, type NixosOptions } from "./nixosOptionsJson.js"
import { stem, textWords } from "./text.js"

export type { OptionHit }

/** At most this many options of one module (services.openssh) in a list. */
const MAX_PER_MODULE = 4

/** Words that ask for options rather than packages ("ssh options", "bluetooth settings"). */
const ASKING = new Set(["option", "setting", "configure", "configuration", "config", "nixos"])

/** The module names of an options JSON: X of services.X.enable, programs.X.enable, hardware.X.enable (and deeper). */
export const moduleNames = (options: NixosOptions): Array<string> => {
  const out = new Set<string>()
  for (const name of Object.keys(options)) {
    const m = /^(?:services|programs|hardware|virtualisation|networking|security|boot|i18n|time|sound|nix)\.(?:[^.]+\.)*?([^.]+)\.enable$/.exec(name)
    const mod = m?.[1]
    if (mod !== undefined) out.add(mod.toLowerCase())
  }
  return [...out].sort()
}

/**
 * Does this request ask for options: it says so ("ssh options"), or it is one word that is the name of a
 * NixOS module ("bluetooth", "openssh")?
 */
export const wantsOptions = (query: string, modules: ReadonlySet<string>): boolean => {
  const words = textWords(query)
  if (words.some((w) => ASKING.has(w))) return words.some((w) => !ASKING.has(w))
  return words.length === 1 && modules.has(query.trim().toLowerCase())
}

const text = (u: unknown): string | null => docText(u) ?? null

/** Words of an option's name: services.openssh.passwordAuthentication -> services, openssh, password, authentication. */
const nameWords = (name: string): Array<string> =>
  name.split(/[.<>?*]+/).flatMap((seg) => seg.split(/(?<=[a-z0-9])(?=[A-Z])|[-_]/)).filter((w) => w !== "").map((w) => stem(w.toLowerCase()))

/** The first sentence of a description, without DocBook tags. */
const firstSentence = (d: string | null): string | null => {
  if (d === null) return null
  const plain = d.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim()
  const end = plain.search(/\.(?:\s|$)/)
  return (end > 0 ? plain.slice(0, end + 1) : plain).slice(0, 200)
}

/**
 * Options whose name or description has every word of the request (besides "options", "settings"), best
 * first: words in the name count most (the module's own name the most), then shallow names, `enable` first.
 */
export const rankOptions = (options: NixosOptions, query: string, limit: number): Array<OptionHit> => {
  const words = [...new Set(textWords(query).filter((w) => !ASKING.has(w)))]
  if (words.length === 0) return []
  const scored: Array<{ name: string; score: number; opt: NixosOption }> = []
  for (const [name, opt] of Object.entries(options)) {
    const inName = nameWords(name)
    let score = 0
    let all = true
    for (const w of words) {
      const component = inName.indexOf(w)
      const moduleParts = nameWords(name.split(".")[1] ?? "")
      if (component >= 0) score += component === 1 ? 6 : 4
      else if (moduleParts.some((p) => p.startsWith(w) || p.endsWith(w))) score += 6 // "ssh" in services.openssh
      else if ((text(opt.description) ?? "").toLowerCase().includes(w) && textWords(text(opt.description) ?? "").includes(w)) score += 1
      else { all = false; break }
    }
    if (!all) continue
    const depth = name.split(".").length
    scored.push({ name, opt, score: score * 10 - depth + (name.endsWith(".enable") ? 3 : 0) })
  }
  scored.sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
  // A few options of each module, so that several modules show (programs.ssh and services.openssh).
  const perModule = new Map<string, number>()
  const picked = scored.filter(({ name }) => {
    const module = name.split(".").slice(0, 2).join(".")
    const n = perModule.get(module) ?? 0
    perModule.set(module, n + 1)
    return n < MAX_PER_MODULE
  })
  return picked.slice(0, limit).map(({ name, opt }) => ({
    name,
    type: opt.type ?? null,
    description: firstSentence(text(opt.description))
  }))
}
