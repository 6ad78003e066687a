/**
 * Package words -> attribute names, with the index when there is one: everyday names resolved,
 * plausible typos corrected (and shown), unknown words kept as written with suggestions.
 */
import { isValidAttrPath } from "../AttrPath.js"
import { ownEntry } from "../ownEntry.js"
import { aliases } from "./grammar/aliases.js"
import { nixTerms, programWords } from "./grammar/objects.js"
import { namesSetting } from "./grammar/settings.js"
import type { NameResolver } from "./NameResolver.js"
import { editDistance, plausibleTypo } from "./distance.js"
import type { PackageWord } from "./objects.js"
import type { Understood } from "../Intent.js"
import { isDictionaryWord, isEnglishWord } from "./dictionary.js"

export interface Resolved {
  readonly packages: ReadonlyArray<string>
  readonly notes: ReadonlyArray<string>
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>
  /** How much less sure this makes the parse (0 = not at all). */
  readonly doubt: number
  /** Ordinary words that were left out instead of being acted on ("install correctly flask"). */
  readonly refused: ReadonlyArray<string>
}

const versionCandidates = (base: string, digits: string): ReadonlyArray<string> => {
  const major = digits[0] ?? ""
  const rest = digits.slice(1)
  const underscored = rest === "" ? digits : `${major}_${rest}`
  return [
    `${base}${digits}`, `${base}_${digits}`, `${base}_${underscored}`, `${base}-${digits}_x`,
    `${base}-${underscored}`, `${base}${underscored}`
  ]
}

/**
 * The commonest slips, checked with a few exact lookups before asking the index for close names
 * (a scan): two neighbouring letters swapped ("fierfox"), a letter typed twice ("firefoxx").
 */
const quickFix = (word: string, names: NameResolver): string | undefined => {
  if (word.length < 3 || word.length > 40 || !/^[a-z0-9-]+$/.test(word)) return undefined
  const found = new Set<string>()
  const tryOne = (c: string) => { if (c !== word && plausibleTypo(word, c) && names.exists(c)) found.add(c) }
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) tryOne(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
    else if (word.length >= 5) tryOne(word.slice(0, i) + word.slice(i + 1))
  }
  return found.size === 1 ? [...found][0] : undefined
}

const typoOf = (word: string, names: NameResolver): { best: string | undefined; suggestions: ReadonlyArray<string> } => {
  const quick = quickFix(word, names)
  if (quick !== undefined) return { best: quick, suggestions: [quick] }
  // plausibleTypo accepts one edit, or two in words of 8 letters or more: ask for no farther names.
  const suggestions = names.suggest(word, 8, word.length >= 8 ? 2 : 1).filter((s) => word.includes(".") || !s.includes("."))
  const plausible = suggestions
    .filter((s) => plausibleTypo(word, s.toLowerCase()))
    .map((s) => ({ s, d: editDistance(word, s.toLowerCase(), 2) }))
    .sort((a, b) => a.d - b.d)
  // Two equally close fixes: do not pick one for the user.
  const best = plausible.length === 0 || (plausible.length > 1 && plausible[1]!.d === plausible[0]!.d)
    ? undefined
    : plausible[0]!.s
  return { best, suggestions }
}

/**
 * An ordinary English word the index does not know ("correctly", "bluetooth") is never acted on as
 * written, nor "corrected" into a package it is not ("store" is not a typo of storm): it is left out.
 */
const isOrdinary = (p: PackageWord): boolean =>
  (p.how === "as written" || p.how === "split") && !programWords.has(p.word) && (isDictionaryWord(p.word) || FILE_NAME.test(p.word) || isAdverb(p.word))
/**
 * "declaratively", "imperatively", "globally": an adverb made of an ordinary word (the word list has the adjective,
 * not every adverb of it) says how, never which package ("install ripgrep declaratively").
 */
const isAdverb = (w: string): boolean => {
  const m = /^([a-z]{3,})(ally|ily|ably|ibly|ly)$/.exec(w)
  if (m === null) return false
  const stem = m[1]!, end = m[2]!
  const bases = end === "ally" ? [`${stem}al`, `${stem}ic`, stem] : end === "ily" ? [`${stem}y`] : end === "ably" ? [`${stem}able`] : end === "ibly" ? [`${stem}ible`] : [stem, `${stem}e`]
  return bases.some((b) => isDictionaryWord(b))
}
/** "README.md", "flake.lock": a file, not a package. */
const FILE_NAME = /\.(?:md|txt|nix|json|ya?ml|toml|lock|sh|py|rs|js|ts|conf|cfg|ini|html|css|xml|csv|log|patch|diff)$/i

/** Words that settings are named with (nix.conf's min-free, keep-outputs, max-jobs), not programs. */
const SETTING_WORDS = /^(?:min|max|free|percent|size|limit|timeout|keep|allow|enable|disable|auto|default|extra|trusted|sandbox|outputs|derivations|jobs|cores|level|interval|delay|count|threshold|mode|fallback)$/
/** "min-free-percent", "keep-outputs": ordinary words joined by hyphens, one of them a word settings are named with. */
const isSettingName = (word: string): boolean => {
  const parts = word.split("-")
  return parts.length >= 2 && parts.every((w) => isDictionaryWord(w)) && parts.some((w) => SETTING_WORDS.test(w))
}

const settingName = (word: string, notes: Array<string>): boolean => {
  if (!isSettingName(word)) return false
  notes.push(`"${word}" reads as the name of a setting (words joined by hyphens), not a package: left out`)
  return true
}

/** Names of Nix's own parts, never the Python packages that share them (python3Packages.nixpkgs). */
const NIX_OWN: ReadonlySet<string> = new Set(["nixpkgs", "nixos", "nix"])

/** The index has the word, under its name or in the Python set ("flask"). */
const knownTo = (names: NameResolver | undefined, w: string): boolean =>
  names !== undefined && (names.exists(w) || names.resolve(w) !== undefined || names.exists(`python3Packages.${w}`))

const ordinaryWord = (p: PackageWord, names: NameResolver | undefined, notes: Array<string>): boolean => {
  if (!isOrdinary(p)) return false
  notes.push(`"${p.word}" is an ordinary word, not a package ${names === undefined ? "name I know" : "in the index"}: left out` +
    (names === undefined ? "" : `${CLOSE_TO}${p.word}${CLOSE_END}`) +
    (namesSetting(p.word) ? ` To turn on the NixOS setting, say "enable ${p.word}".` : ""))
  return true
}

/**
 * The did-you-mean of a word left out (a scan of every name) is made only for the reading the parse
 * keeps: a third of them were made for readings thrown away later ("the kernel is old, update it" reads
 * "update kernel" first). The note carries the word between these marks until then (control
 * characters: a request that has one is refused before it is read, so no note has one otherwise).
 */
const CLOSE_TO = "\u0001", CLOSE_END = "\u0002"
const MARKED = /\u0001([^\u0002]*)\u0002/

/** The kept reading with its notes' did-you-means filled in (see CLOSE_TO). */
export const withCloseNames = (u: Understood, names: NameResolver | undefined): Understood => {
  if (names === undefined || !u.notes.some((n) => n.includes(CLOSE_TO))) return u
  const notes = u.notes.map((n) => n.replace(MARKED, (_, word: string) => {
    const close = names.suggest(word, 3, 1).filter((s) => !s.includes("."))
    return close.length > 0 ? `. Did you mean: ${close.join(", ")}?` : ""
  }))
  return { ...u, notes }
}

/**
 * `acting`: the words are to be installed, removed or updated (not only looked up): ordinary words
 * that name no package are then left out (see `ordinaryWord`).
 * `until`: the words after the first whose packages include one it holds for are not looked up (the
 * caller throws such a reading away: conceptual.ts); the result then covers the words up to that one.
 */
export const resolvePackages = (
  words: ReadonlyArray<PackageWord>, names: NameResolver | undefined, acting = false, until?: (pkg: string) => boolean
): Resolved => {
  const packages: Array<string> = []
  const notes: Array<string> = []
  const corrections: Array<{ from: string; to: string }> = []
  const refused: Array<string> = []
  let doubt = 0
  // "remove unused patch", "add support for aarch64": words of a phrase, not a list of packages (an adverb
  // does not count: "install correctly flask" names flask)
  const prose = acting && words.some((p) => p.how === "split" && !p.word.endsWith("ly") && isOrdinary(p) && !knownTo(names, p.word))
  // (an everyday name that is an ordinary word belongs to the phrase too: "remove dead code" is not vscode)
  const ofPhrase = (p: PackageWord) => p.how === "split" || (p.how === "alias" && isEnglishWord(p.written))
  if (prose) {
    const phrase = words.filter(ofPhrase).map((p) => p.written).join(" ")
    notes.push(`"${phrase}" reads as words, not as package names: left out`)
    refused.push(...words.filter(ofPhrase).map((p) => p.word))
  }
  for (const p of words) {
    if (until !== undefined && packages.some(until)) break
    if (prose && ofPhrase(p)) continue
    // "install unfree", "discord, unfree": a word of Nix's names no package, unless the index has it and it is all that is named
    if (acting && nixTerms.has(p.word.toLowerCase()) && !(words.length === 1 && names?.exists(p.word) === true)) {
      notes.push(`"${p.word}" is a word of Nix's, not a package: left out`)
      refused.push(p.word)
      continue
    }
    // "JetBrains Mono font": the name as nixpkgs spells it (papirus-icon-theme, fira-code), when the index has one
    const joined = p.candidates !== undefined && names !== undefined ? p.candidates.find((c) => names.exists(c)) : undefined
    if (joined !== undefined) {
      notes.push(`"${p.written}" is the package ${joined}`)
      packages.push(joined)
      continue
    }
    if (p.how === "joined" && names === undefined) notes.push(`"${p.written}" reads as one name: ${p.word}`)
    if (p.how === "alias" && names !== undefined && !names.exists(p.word)) {
      // The curated name is not in this index (renamed since, or newer): the index decides.
      const written = /^[a-z0-9][a-z0-9_.+-]*$/.test(p.written) && names.exists(p.written) ? p.written : undefined
      const resolved = written === undefined ? names.resolve(p.word) : undefined
      const use = written ?? (resolved !== undefined && !/typo|fuzzy|suggest|close/i.test(resolved.how) ? resolved.attrPath : undefined)
      if (use !== undefined) {
        notes.push(`"${p.written}" is the package ${use} in this index`)
        packages.push(use)
        continue
      }
      notes.push(`"${p.written}" is the package ${p.word} (everyday name; not in the package index)`)
      doubt = Math.max(doubt, 0.1)
      packages.push(p.word)
      continue
    }
    if (p.how === "alias" && p.written !== p.word) {
      notes.push(p.written.split(" ").includes(p.word) ? `"${p.written}" -> ${p.word}` : `"${p.written}" is the package ${p.word} (everyday name)`)
    }
    if (p.how === "split") { doubt = Math.max(doubt, 0.1) }
    if (p.how === "channel") notes.push(`"${p.written}" names the channel too; the attribute is ${p.word}`)
    if (p.version !== undefined) {
      const cands = versionCandidates(p.version.base, p.version.digits)
      const found = names === undefined ? undefined : cands.find((c) => names.exists(c))
      const word = found ?? p.word
      notes.push(`"${p.written}" -> ${word} (version ${p.version.written}${found === undefined && names !== undefined ? "; not in the package index" : ""})`)
      if (found === undefined && names !== undefined) doubt = Math.max(doubt, 0.15)
      packages.push(word)
      continue
    }
    if (!isValidAttrPath(p.word)) {
      notes.push(`"${p.word}" is not a package name; kept as written so that it is refused before anything runs`)
      packages.push(p.word)
      continue
    }
    if (names === undefined) {
      if (acting && (ordinaryWord(p, names, notes) || settingName(p.word, notes))) { refused.push(p.word); continue }
      packages.push(p.word)
      continue
    }
    if (names.exists(p.word)) { packages.push(p.word); continue }
    const r = names.resolve(p.word)
    if (r !== undefined && !/typo|fuzzy|suggest|close/i.test(r.how)) {
      if (r.attrPath !== p.word) notes.push(`"${p.word}" is the package ${r.attrPath} (${r.how} in the package index)`)
      packages.push(r.attrPath)
      continue
    }
    // "numpy": a Python library people name without its package set
    if (!p.word.includes(".") && !NIX_OWN.has(p.word) && names.exists(`python3Packages.${p.word}`)) {
      notes.push(`"${p.word}" is the Python package python3Packages.${p.word}`)
      packages.push(`python3Packages.${p.word}`)
      continue
    }
    if (acting && ordinaryWord(p, names, notes)) { refused.push(p.word); continue }
    const { best, suggestions } = typoOf(p.word, names)
    if (best !== undefined) {
      // "pythn" -> python -> python3: the everyday name of the fix, when the index has it
      const everyday = ownEntry(aliases, best)
      const to = everyday !== undefined && everyday !== best && names.exists(everyday) ? everyday : best
      corrections.push({ from: p.word, to })
      notes.push(`"${p.word}" corrected to ${to} (spelling)`)
      packages.push(to)
      doubt = Math.max(doubt, 0.1)
      continue
    }
    // "add min-free-percent and max-free-percent": ordinary words joined by hyphens, which the index does
    // not know, name a setting (nix.conf's keep-outputs, min-free) rather than a package
    if (acting && settingName(p.word, notes)) { refused.push(p.word); continue }
    notes.push(
      `"${p.word}" is not in the package index; kept as written (it may be newer than the index)` +
        (suggestions.length > 0 ? `. Did you mean: ${suggestions.slice(0, 3).join(", ")}?` : "")
    )
    doubt = Math.max(doubt, 0.2)
    packages.push(p.word)
  }
  return { packages: [...new Set(packages)], notes, corrections, doubt, refused }
}
