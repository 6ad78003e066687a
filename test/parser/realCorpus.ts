/**
 * The real-request corpus (test/corpus/real/*.tsv, format in its README) and how a parse is scored
 * against it (issue 13):
 * - requests that ask for an action or an answer (mode do/ask/info): the right intent and packages
 *   (query words for search/provides/explain/option, inputs for flake-update, option words for
 *   configure); a question (mode ask) about a change must be marked `question`, an order (mode do) not;
 * - requests that must not act (mode none): nothing carried out (no mutating intent, or one marked as a
 *   question, which the pipeline answers with the plan and never carries out); also counted: no mutating
 *   kind at all (stricter);
 * - on every line: no mutating intent on an ordinary word that names no package ("install correctly").
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { isCarriedOut, isMutating, type Understood } from "../../src/domain/Intent.js"
import { isDictionaryWord } from "../../src/domain/parse/dictionary.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { expectMismatch } from "./corpus.js"
import { repoRoot } from "./channelNames.js"

export type Mode = "do" | "ask" | "info" | "none"
export type Split = "dev" | "held"

export interface RealRow {
  readonly file: string
  readonly line: number
  readonly text: string
  readonly intents: ReadonlyArray<string>
  readonly expect: string
  readonly mode: Mode
  readonly scope: string
  readonly source: string
  readonly split: Split
}

export const realFiles = ["forums.tsv", "issues.tsv"].map((f) => path.resolve(repoRoot, "test/corpus/real", f))

const modes: ReadonlySet<string> = new Set(["do", "ask", "info", "none"])

/**
 * A header comment starts with "#" and has no tab: a request may start with "#" too ("#43 Git settings in
 * home manager", an issue title with its number), and was skipped, never scored, while only "#" was checked.
 */
export const isComment = (line: string): boolean => line.trim() === "" || (line.startsWith("#") && !line.includes("\t"))

export const readReal = (file: string): ReadonlyArray<RealRow> =>
  fs.readFileSync(file, "utf8").split("\n").flatMap((l, i) => {
    if (isComment(l)) return []
    const cols = l.split("\t")
    const [text, intent, expect, mode, scope, source, split] = cols
    if (cols.length !== 7 || text === undefined || intent === undefined || expect === undefined || mode === undefined ||
      !modes.has(mode) || scope === undefined || source === undefined || (split !== "dev" && split !== "held")) {
      throw new Error(`${file}:${i + 1}: needs 7 columns (text, intent, expect, mode, scope, source, split): ${l}`)
    }
    return [{
      file: path.basename(file), line: i + 1, text, intents: intent.split("|"), expect: expect.trim(),
      mode: mode as Mode, scope, source, split
    }]
  })

export const readAllReal = (): ReadonlyArray<RealRow> => realFiles.flatMap(readReal)

type Fields = Record<string, unknown> & { _tag: string }
const fieldsOf = (u: Understood): Fields => u.intent as unknown as Fields
const str = (f: Fields, k: string): string => (typeof f[k] === "string" ? (f[k] as string) : "")
const isQuestion = (u: Understood): boolean => (u as { readonly question?: boolean }).question === true

/** Option path words that say nothing about which setting is meant. */
const GENERIC = new Set([
  "services", "programs", "hardware", "enable", "config", "settings", "boot", "loader", "system", "users", "name",
  "environment", "desktop", "manager", "host", "extra", "options", "default", "nix", "nixpkgs", "networking",
  "virtualisation", "xserver", "true", "false", "home"
])
/** Everyday words for option path words ("garbage" for gc). */
const SYNONYMS: Readonly<Record<string, ReadonlyArray<string>>> = {
  gc: ["garbage"], openssh: ["ssh", "sshd"], upgrade: ["update", "upgrades"], networkmanager: ["network", "wifi", "networking"],
  zone: ["timezone"], time: ["timezone"], layout: ["keyboard", "layout"], plasma5: ["plasma", "kde"], gnome3: ["gnome"],
  wireless: ["wifi", "wireless"], networks: ["wifi"], man: ["man", "manpages"], fontconfig: ["font", "fonts"],
  variables: ["variable", "variables", "env"], limit: ["entries", "generations", "limit"], configuration: ["entries", "generations"],
  zram: ["zram", "swap"], editor: ["editor"], pipewire: ["pipewire", "sound", "audio"], pulseaudio: ["pulseaudio", "sound", "audio"],
  unfree: ["unfree"], experimental: ["flakes", "flake", "nix-command", "experimental"], extra: ["flakes", "flake", "experimental"],
  extraoptions: ["flakes", "flake", "nix-command", "experimental"], certificates: ["certificate", "certificates"],
  configurationlimit: ["entries", "generations", "limit"], automatic: ["automatic", "automatically", "auto"],
  video: ["video", "nvidia", "amd", "intel", "graphics"], drivers: ["driver", "drivers", "nvidia"], shell: ["shell", "zsh", "fish", "bash"],
  groups: ["group", "groups"], command: ["command-not-found"], browsing: ["browsed", "browsing", "cups"], printing: ["printing", "print", "printer", "cups"],
  firewall: ["firewall", "port"], docker: ["docker"]
}

/**
 * Options whose setting lives inside an attribute set, named in the corpus by the set (the options data has
 * no `nixpkgs.config.allowUnfree`): the words that name the setting inside it.
 */
const INSIDE: Readonly<Record<string, ReadonlyArray<string>>> = {
  "nixpkgs.config": ["unfree", "allowunfree", "insecure", "broken"]
}

const camelWords = (segment: string): ReadonlyArray<string> =>
  segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9-]+/).filter((w) => w.length > 0)

/**
 * Whether a configure intent's words name one of the expected options: a word of the option path
 * (not a generic one like "services" or "enable") in the words, or a word of the words inside one of
 * the path's words ("ssh" in openssh), or an everyday word for it ("garbage" for gc).
 */
export const optionWordsMatch = (words: string, options: ReadonlyArray<string>): boolean => {
  const w = words.toLowerCase()
  const textWords = w.split(/[^a-z0-9-]+/).filter((x) => x.length >= 2)
  const joined = w.replace(/[^a-z0-9]+/g, "")
  return options.some((opt) => {
    if ((INSIDE[opt.split("=")[0]!] ?? []).some((s) => textWords.includes(s) || joined.includes(s))) return true
    const pathWords = opt.split("=")[0]!.split(".").flatMap((s) => [s.toLowerCase(), ...camelWords(s)])
      .filter((p) => !GENERIC.has(p) && !p.startsWith("<"))
    return pathWords.some((p) =>
      (p.length >= 3 && joined.includes(p.replace(/-/g, ""))) ||
      textWords.some((t) => (t.length >= 3 ? p.includes(t) : p === t)) ||
      (SYNONYMS[p] ?? []).some((s) => textWords.includes(s)))
  })
}

/** Why the parse of a do/ask/info line is not right, or undefined when it is. */
export const actionMismatch = (row: RealRow, u: Understood): string | undefined => {
  const f = fieldsOf(u)
  if (!row.intents.includes(f._tag)) return `intent ${f._tag}, expected ${row.intents.join("|")}`
  if (row.mode === "ask" && isMutating(u.intent) && !isQuestion(u)) return `a question, but ${f._tag} is not marked as one`
  if (row.mode === "do" && isQuestion(u)) return "an order, but marked as a question"
  if (f._tag === "configure") {
    if (row.expect.startsWith("opt:")) {
      const words = [str(f, "text"), str(f, "option"), str(f, "value")].join(" ")
      if (!optionWordsMatch(words, row.expect.slice(4).split(";"))) return `configure "${words.trim()}" does not name ${row.expect.slice(4)}`
    }
    return undefined
  }
  if (f._tag === "flake-update" && row.expect.startsWith("q:")) {
    const inputs = Array.isArray(f["inputs"]) ? (f["inputs"] as ReadonlyArray<string>) : []
    const missing = row.expect.slice(2).trim().split(/\s+/).filter((w) => !inputs.includes(w))
    return missing.length > 0 ? `inputs [${inputs.join(", ")}] lack ${missing.join(", ")}` : undefined
  }
  // an `opt:` line read as another allowed kind (explain, option): the option words are not asked of it
  if (row.expect.startsWith("opt:")) return undefined
  return expectMismatch(row.expect, u, { plurals: true })
}

/** Packages of a mutating intent that the line does not name (what would be acted on by mistake). */
export const unexpectedPackages = (row: RealRow, u: Understood): ReadonlyArray<string> => {
  if (!isMutating(u.intent)) return []
  const f = fieldsOf(u)
  const packages = Array.isArray(f["packages"]) ? (f["packages"] as ReadonlyArray<string>) : []
  const named = row.expect.startsWith("q:") || row.expect.startsWith("opt:") || row.expect === "-" || row.expect === "none"
    ? new Set<string>()
    : new Set(row.expect.split(/[,|]/).map((s) => s.trim()))
  return packages.filter((p) => !named.has(p))
}

/**
 * Of those, the ones that come from a word that is not a package: an ordinary English word the index
 * does not know, acted on as written ("install correctly") or "corrected" into a package ("store" -> storm).
 */
export const nonPackageMutations = (row: RealRow, u: Understood, names: NameResolver | undefined): ReadonlyArray<string> =>
  unexpectedPackages(row, u).filter((p) => {
    const from = u.corrections.find((c) => c.to === p)?.from ?? p
    return !(names?.exists(from) ?? false) && isDictionaryWord(from.toLowerCase())
  })

export interface Score {
  readonly acting: number
  readonly actingRight: number
  readonly none: number
  /** mode none, not carried out (the target: all). */
  readonly noneNonMutating: number
  /** mode none, not even a question about a change (stricter). */
  readonly noneNoChangeKind: number
  /** Package words of mutating intents that the line does not name, over all lines. */
  readonly unexpected: number
  /** Of those, ordinary words the index does not know (the target: none). */
  readonly nonPackage: number
  readonly failures: ReadonlyArray<{ readonly row: RealRow; readonly why: string }>
}

export const scoreReal = (rows: ReadonlyArray<RealRow>, parse: (text: string) => Understood, names?: NameResolver): Score => {
  let acting = 0, actingRight = 0, none = 0, noneNonMutating = 0, noneNoChangeKind = 0, unexpected = 0, nonPackage = 0
  const failures: Array<{ row: RealRow; why: string }> = []
  for (const row of rows) {
    const u = parse(row.text)
    unexpected += unexpectedPackages(row, u).length
    const words = nonPackageMutations(row, u, names)
    nonPackage += words.length
    const reasons: Array<string> = []
    if (row.mode === "none") {
      none++
      if (isCarriedOut(u)) reasons.push(`must not act, but ${fieldsOf(u)._tag}`)
      else noneNonMutating++
      if (!isMutating(u.intent)) noneNoChangeKind++
    } else {
      acting++
      const why = actionMismatch(row, u)
      if (why === undefined) actingRight++
      else reasons.push(why)
    }
    if (words.length > 0) reasons.push(`acts on ${words.join(", ")}, ordinary words that name no package`)
    if (reasons.length > 0) failures.push({ row, why: reasons.join("; ") })
  }
  return { acting, actingRight, none, noneNonMutating, noneNoChangeKind, unexpected, nonPackage, failures }
}

const pct = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)}%`)

export const describeScore = (label: string, s: Score): string =>
  `${label}: do/ask/info right ${s.actingRight}/${s.acting} (${pct(s.actingRight, s.acting)}); ` +
  `none not carried out ${s.noneNonMutating}/${s.none} (${pct(s.noneNonMutating, s.none)}; no change kind at all: ${pct(s.noneNoChangeKind, s.none)}); ` +
  `non-package mutations ${s.nonPackage} (packages not named by the line: ${s.unexpected})`

/** What the second opinion adds: on lines the grammar left not understood, how often it proposes, and how often rightly. */
export interface SecondOpinionScore {
  readonly notUnderstood: number
  readonly proposed: number
  readonly right: number
  /** Proposals on lines that must not act (harmless: only ever asked about, but noise). */
  readonly proposedOnNone: number
}

export const scoreSecondOpinion = (rows: ReadonlyArray<RealRow>, parse: (text: string) => Understood): SecondOpinionScore => {
  let notUnderstood = 0, proposed = 0, right = 0, proposedOnNone = 0
  for (const row of rows) {
    const u = parse(row.text)
    if (u.intent._tag !== "unknown") continue
    if (row.mode === "none") { if (u.suggestion !== undefined) proposedOnNone++; continue }
    notUnderstood++
    if (u.suggestion === undefined) continue
    proposed++
    // taken as the person's yes would take it: an order for "do", the plan as an answer for "ask"
    const taken: Understood = { ...u, intent: u.suggestion.intent, question: row.mode === "ask" ? true : undefined }
    if (actionMismatch(row, taken) === undefined) right++
  }
  return { notUnderstood, proposed, right, proposedOnNone }
}
