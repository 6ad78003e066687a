/**
 * Reads the words after a verb: a list of package phrases, a category ("a pdf viewer"),
 * "everything" (update), or nothing understandable.
 */
import { lean } from "./leanRegExp.js"
import { ownEntry } from "../ownEntry.js"
import { aliases } from "./grammar/aliases.js"
import { genericModifiers, genericNouns, singular } from "./grammar/categories.js"
import {
  everythingWords, leadingObjectWords, notPackageWords, packageQualifiers, systemWords, trailingObjectWords
} from "./grammar/objects.js"
import { isEnglishWord } from "./dictionary.js"
import { oncePerRequest } from "./perRequest.js"

/** One package as the user wrote it, before the index is asked. */
export interface PackageWord {
  /** The attribute name to use (alias or version applied). */
  readonly word: string
  /** What the user wrote for it. */
  readonly written: string
  /** How it was read: "as written", "alias", "version", "split", "joined" (a font's or theme's words: one name). */
  readonly how: "as written" | "alias" | "version" | "split" | "channel" | "joined"
  /** For versions: the name and version digits, to look up variants in the index. */
  readonly version?: { readonly base: string; readonly digits: string; readonly written: string } | undefined
  /** For joined names: the attribute names to look for in the index, likeliest first ("papirus-icon-theme"). */
  readonly candidates?: ReadonlyArray<string> | undefined
  /** Written right after the word before it, in one phrase ("fira code"): the two may be one name (./joinNames.ts). */
  readonly together?: true | undefined
}

export type ObjectReading =
  | { readonly _tag: "packages"; readonly packages: ReadonlyArray<PackageWord>; readonly leftOut: ReadonlyArray<string> }
  | { readonly _tag: "category"; readonly query: string }
  | { readonly _tag: "everything"; readonly system: boolean }
  | { readonly _tag: "empty" }
  | { readonly _tag: "unclear"; readonly reason: string }

/** Phrases by the word they start (leading) or end (trailing) with, longest first. */
/** A Nix system double ("x86_64-linux", "aarch64-darwin"). */
const PLATFORM = lean(/^(?:x86_64|i686|aarch64|armv[5-7]l|riscv64|powerpc64le|mipsel)-(?:linux|darwin|freebsd|netbsd|openbsd|windows|none)$/)
const byEdgeWord = (xs: ReadonlyArray<string>, edge: (words: ReadonlyArray<string>) => string) => {
  const m = new Map<string, Array<string>>()
  for (const x of [...xs].sort((a, b) => b.length - a.length)) {
    const k = edge(x.split(" "))
    m.set(k, [...(m.get(k) ?? []), x])
  }
  return m
}
const leadingByFirst = byEdgeWord(leadingObjectWords, (ws) => ws[0]!)
const trailingByLast = byEdgeWord(trailingObjectWords, (ws) => ws[ws.length - 1]!)
const stripSet: ReadonlySet<string> = new Set([...leadingObjectWords, ...trailingObjectWords])

/** Leading and trailing filler ("the", "for me", "please") off a package phrase, until none is left. */
const stripEnds = (text: string): string => {
  let t = ` ${text} `
  let changed = true
  while (changed) {
    changed = false
    const first = t.slice(1, t.indexOf(" ", 1))
    for (const w of leadingByFirst.get(first) ?? []) if (t.startsWith(` ${w} `)) { t = t.slice(w.length + 1); changed = true; break }
    const last = t.slice(t.lastIndexOf(" ", t.length - 2) + 1, t.length - 1)
    for (const w of trailingByLast.get(last) ?? []) if (t.endsWith(` ${w} `)) { t = t.slice(0, t.length - w.length - 1); changed = true; break }
  }
  return t.trim()
}

const QUALITY = new Set(["good", "nice", "decent", "new", "great", "proper", "reliable", "simple", "better", "cool", "best", "solid", "some", "any", "kind", "of", "sort", "type"])

/** Clean a category phrase: no articles or praise, category nouns in the singular. */
export const cleanCategory = (text: string): string => {
  const words = text.split(" ").filter((w) => w.length > 0)
  let i = 0
  while (i < words.length && (QUALITY.has(words[i]!) || words[i] === "a" || words[i] === "an" || words[i] === "the")) i++
  return words.slice(i).map(singular).join(" ")
}

const CATEGORY_START = /^(a|an|some|any|something|anything|one|a good|a nice|a decent|a simple|a new|some kind of|a kind of|some sort of|some good|a lightweight)( |$)/
const CATEGORY_FIRST: ReadonlySet<string> = new Set(["a", "an", "some", "any", "something", "anything", "one", "software"])
const CHOICE: ReadonlySet<string> = new Set(["or", "either", "maybe", "perhaps", "probably"])
const SEPARATORS: ReadonlySet<string> = new Set([",", "and", "plus", "as", "along", "together", "then", "with", "also", "&"])
const SOMETHING_TO = /^(something|anything|a program|a tool|an app|an application|a package|software|a way|some way)( |$)(to|for|that|which|i can use to|that can|which can|i could use to|with which i can|where i can|so i can|so that i can|capable of|able to|in order to|like|similar to) /
const SPLIT = / ?(?:,|\band\b|\bplus\b|\bas well as\b|\balong with\b|\btogether with\b|\bthen\b|\bwith\b|\balso\b|\b&\b)+ ?/
const VERSION = /^v?(\d+(?:\.\d+)*)(?:\.x)?$/
const DOTTED_VERSION = /^([a-z][a-z-]*?[a-z])-?(\d+(?:\.\d+)+)$/
/** "firefox@55": a version asked for; nixpkgs has the one of the channel (explain version says how to get others). */
const AT_VERSION = /^([a-z][a-z0-9_-]*)@v?\d[\w.]*$/

const aliasOf = (phrase: string): string | undefined => ownEntry(aliases, phrase) ?? (phrase.startsWith("the ") ? ownEntry(aliases, phrase.slice(4)) : undefined)

const versioned = (written: string, name: string, version: string): PackageWord => {
  const target = aliasOf(name) ?? name
  // "python" is python3 today, but "python 2.7" is python27: the version replaces the alias's digit
  const base = /^[a-z-]+\d$/.test(target) && /^\d/.test(version) ? target.replace(/\d+$/, "") : target
  const digits = version.replace(/\./g, "")
  return { word: `${base}${digits}`, written, how: "version", version: { base, digits, written: version } }
}

const CLAUSE = / (for|from|on|in|to|at|into|onto|so|because|since|before|after|without|instead|like|when|while|if|but|through|via|using) .*$/
const SIMPLE = /^[a-z][a-z0-9_-]*$/
const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"])
const SECOND_REQUEST: ReadonlySet<string> = new Set(["install", "remove", "uninstall", "delete", "update", "upgrade", "search", "rollback", "clean", "reinstall", "re-install", "rebuild"])
/** "nixpkgs.firefox" as nix-env -iA writes it, "pkgs.firefox" as configuration.nix does: the prefix is not part of the attribute. */
const CHANNEL_PREFIX = /^(nixpkgs|nixos|nixpkgs-unstable|nixos-unstable|unstable|pkgs)\./

const readItem = (raw: string, leftOut: Array<string>): ReadonlyArray<PackageWord> | { category: string } | { unclear: string } => {
  const alias0 = aliasOf(raw)
  if (alias0 !== undefined) return [{ word: alias0, written: raw, how: "alias" }]
  // The common case: one plain word.
  if (SIMPLE.test(raw) && !notPackageWords.has(raw) && !PLATFORM.test(raw) && !genericNouns.has(singular(raw)) && !stripSet.has(raw)) {
    return [{ word: raw, written: raw, how: "as written" }]
  }
  const clause = raw.includes(" ") ? CLAUSE.exec(raw) : null
  if (clause !== null && !/^ (for|from|on|in|to|into) (me|my|this|the|a|an)? ?(machine|computer|laptop|profile|system|pc|box|desktop|user|nixpkgs|nixos|nix)?$/.test(clause[0])) {
    leftOut.push(clause[0].trim())
  }
  let item = stripEnds(clause !== null ? raw.slice(0, clause.index) : raw)
  if (item === "") return []
  const alias1 = aliasOf(item)
  if (alias1 !== undefined) return [{ word: alias1, written: item, how: "alias" }]
  let tokens = item.split(" ")
  // "discord unfree" (from "Discord (unfree)"), "firefox nightly": which kind of the package, not a package
  if (tokens.length > 1 && tokens.some((t) => packageQualifiers.has(t))) {
    const kept = [...tokens]
    while (kept.length > 1 && packageQualifiers.has(kept[kept.length - 1]!)) leftOut.push(kept.pop()!)
    while (kept.length > 1 && packageQualifiers.has(kept[0]!)) leftOut.push(kept.shift()!)
    // ("nixpkgs stable", "nixos latest": Nix or its channel named, not a package)
    if (kept.length < tokens.length && !kept.some((w) => w.includes("nix") || w === "channel" || w === "channels")) {
      tokens = kept
      item = kept.join(" ")
      const alias = aliasOf(item)
      if (alias !== undefined) return [{ word: alias, written: item, how: "alias" }]
    }
  }
  const kind = tokens.length > 1 ? joinedName(tokens) : undefined
  if (kind !== undefined) return [kind]
  // "the thunderbird mail client" -> thunderbird; "pdf viewer" -> a category
  if (tokens.length > 0 && genericNouns.has(singular(tokens[tokens.length - 1]!))) {
    const kept = [...tokens]
    while (kept.length > 0 && genericNouns.has(singular(kept[kept.length - 1]!))) kept.pop()
    while (kept.length > 0 && genericModifiers.has(kept[kept.length - 1]!)) kept.pop()
    // "firefox (the browser)"
    while (kept.length > 1 && ARTICLES.has(kept[kept.length - 1]!)) kept.pop()
    if (kept.length === 0) return { category: cleanCategory(item) }
    tokens = kept
    item = kept.join(" ")
    const alias2 = aliasOf(item)
    if (alias2 !== undefined) return [{ word: alias2, written: raw.slice(0, raw.length - (clause?.[0].length ?? 0)), how: "alias" }]
  }
  // "python 3.11", "python version 3.11"
  const last = tokens[tokens.length - 1]!
  const v = VERSION.exec(last)
  if (v !== null && tokens.length >= 2) {
    const name = tokens.slice(0, -1).filter((t) => t !== "version" && t !== "v").join(" ")
    if (name !== "" && !name.includes(" ") && !notPackageWords.has(name)) return [versioned(raw, name, v[1]!)]
    if (name !== "" && aliasOf(name) !== undefined) return [versioned(raw, name, v[1]!)]
  }
  const out: Array<PackageWord> = []
  for (const [i, t] of tokens.entries()) {
    if (SECOND_REQUEST.has(t)) return { unclear: `"${t}" starts a second request; ask for one thing at a time` }
    if (notPackageWords.has(t)) return { unclear: `"${t}" in "${raw}" is not a package name` }
    // "aarch64-darwin", "x86_64-linux": a platform, never a package
    if (PLATFORM.test(t)) return { unclear: `"${t}" is a platform, not a package name` }
    if (/^\d+$/.test(t)) return { unclear: `"${t}" is a number, not a package name` }
    if (CHANNEL_PREFIX.test(t) && t.length > t.indexOf(".") + 1) {
      const attr = t.slice(t.indexOf(".") + 1)
      out.push({ word: aliasOf(attr) ?? attr, written: t, how: "channel" })
      continue
    }
    const at = AT_VERSION.exec(t)
    if (at !== null) { leftOut.push(t.slice(at[1]!.length)); out.push({ word: aliasOf(at[1]!) ?? at[1]!, written: t, how: "as written" }); continue }
    const dv = DOTTED_VERSION.exec(t)
    const alias = aliasOf(t)
    if (dv !== null && alias === undefined) out.push(versioned(t, dv[1]!, dv[2]!))
    else out.push({ word: alias ?? t, written: t, how: alias !== undefined ? "alias" : tokens.length > 1 ? "split" : "as written" })
    if (i > 0) out[out.length - 1] = { ...out[out.length - 1]!, together: true }
  }
  return out
}

/**
 * The kind of thing a name is given to: "JetBrains Mono font", "Papirus icon theme". (Not plugins and extensions:
 * "vscode python extension" names the program it is for and the extension.)
 */
const KIND_WORDS = /^(?:(?:icon|cursor|gtk|color|colour) )?themes?$|^icons?$|^icon pack$|^fonts?$/
const THEMES = /themes?$|icons?$|pack$/
const TOOLKITS: ReadonlySet<string> = new Set(["gtk", "gtk2", "gtk3", "gtk4", "qt", "qt5", "qt6", "kde", "gnome", "plasma", "xfce", "grub", "sddm", "gdm", "lightdm", "kvantum"])

/**
 * "JetBrains Mono font" -> jetbrains-mono, "Papirus icon theme" -> papirus-icon-theme: the words before a font's or a
 * theme's kind are one name, joined with "-" as nixpkgs names them (never packages of their own:
 * "mono" is another program). `candidates`, likeliest first, are looked for in the index; without one, a theme keeps
 * its kind in the name (papirus-icon-theme) and a font does not (fira-code).
 */
const joinedName = (tokens: ReadonlyArray<string>): PackageWord | undefined => {
  const tail = tokens.length > 2 && KIND_WORDS.test(tokens.slice(-2).join(" ")) ? 2 : KIND_WORDS.test(tokens[tokens.length - 1]!) ? 1 : 0
  if (tail === 0) return undefined
  const name = tokens.slice(0, -tail)
  if (name.some((w) => notPackageWords.has(w) || ARTICLES.has(w) || !SIMPLE.test(w))) return undefined
  // "programming font", "source code pro font": words of a kind of thing, searched for rather than named
  if (name.every((w) => genericModifiers.has(w) || genericNouns.has(singular(w)))) return undefined
  // "dark theme", "gtk theme": one ordinary word or a toolkit's name says which kind; a name of one word is one when it is
  // no English word ("Noto fonts", "Dracula theme")
  if (name.length === 1 && (isEnglishWord(name[0]!) || TOOLKITS.has(name[0]!))) return undefined
  const base = name.join("-")
  const kind = tokens.slice(-tail).join("-")
  const other = kind.endsWith("s") ? kind.slice(0, -1) : `${kind}s`
  const withKind = `${base}-${kind}`
  const word = THEMES.test(kind) ? withKind : base
  return { word, written: tokens.join(" "), how: "joined", candidates: [...new Set([withKind, `${base}-${other}`, base])] }
}

/** "to the latest version": where an update goes, not what it updates. */
const TO_LATEST = /^(?:to|into) (?:the )?(?:latest|newest|new|newer|current|most recent|last|recent)(?: stable)?(?: (?:version|versions|release|releases))?$/

const INSTALLED_WITH = /(?<=\binstalled) (?:through|with|via|using|by|from) (?:nix-env|nix profile|nix|home-manager|home manager|nixpkgs)$/
/** "install ripgrep with nix", "remove htop with nix-env": the tool named as the way, last; never a package ("with" also joins packages). */
const WITH_TOOL = / (?:with|by|by using) (?:the )?(?:nix-env|nix profile|nix-shell|nix shell|nixpkgs|nix)(?: (?:-i|-ia|-e|package manager|command|cli))?$/

/** "with plugins", "with all its extensions": a package's own parts, named last; never packages of their own. */
const WITH_PARTS = / with (?:(?:its|all|some|the|my|a few|extra|additional|common|default|useful|recommended|a bunch of) )*(?:plugins?|extensions?|add-?ons?|themes?|dependencies|docs|documentation|man pages)$/

/**
 * Read the words after install/remove/update/info/try. (Once per text and option in a request: a phrase's
 * check and the intent built from it read the same words, ./perRequest.ts.)
 */
export const readObject = (text: string, opts: { readonly everything: boolean }): ObjectReading =>
  opts.everything ? readWithEverything(text) : readNamed(text)

const readObjectText = (text: string, opts: { readonly everything: boolean }): ObjectReading => {
  const t = text.trim()
  if (t === "") return { _tag: "empty" }
  const tokens = t.split(" ")
  if (opts.everything && tokens.every((w) => everythingWords.has(w) || w === ",")) {
    return { _tag: "everything", system: tokens.some((w) => systemWords.has(w)) }
  }
  // "all packages installed through nix-env": every package of that tool's profile
  if (opts.everything && INSTALLED_WITH.test(t)) return readObject(t.replace(INSTALLED_WITH, ""), opts)
  if (CATEGORY_FIRST.has(tokens[0]!)) {
    const to = SOMETHING_TO.exec(t)
    if (to !== null) {
      const q = t.slice(to[0].length).trim()
      return q === "" ? { _tag: "unclear", reason: "no description" } : { _tag: "category", query: q }
    }
    if (CATEGORY_START.test(t) && aliasOf(t) === undefined) {
      const q = cleanCategory(t.replace(CATEGORY_START, "").replace(/ (please|for me|too)$/, ""))
      if (q === "") return { _tag: "unclear", reason: `"${t}" does not say which program` }
      // "some firefox": one word that is not a kind of program names a package ("a coffee" stays a search)
      const named = /^(some|any) /.test(t) && !q.includes(" ") && !genericNouns.has(q) && !genericModifiers.has(q) && !notPackageWords.has(q)
      if (!named) return { _tag: "category", query: q }
      return readObject(q, opts)
    }
  }
  if (tokens.some((w) => CHOICE.has(w))) return { _tag: "unclear", reason: `"${t}" offers a choice` }
  // "obs-studio with plugins", "vscode with extensions": the package's parts, which it is installed without (named, left out)
  const parts = tokens.length > 2 ? WITH_PARTS.exec(t) : null
  if (parts !== null) {
    const r = readObject(t.slice(0, parts.index), opts)
    return r._tag === "packages" ? { ...r, leftOut: [...r.leftOut, parts[0].trim()] } : r
  }
  const tool = tokens.length > 2 ? WITH_TOOL.exec(t) : null
  if (tool !== null) {
    const r = readObject(t.slice(0, tool.index), opts)
    return r._tag === "packages" ? { ...r, leftOut: [...r.leftOut, tool[0].trim()] } : r
  }
  const items = tokens.length > 1 && tokens.some((w) => SEPARATORS.has(w))
    ? t.split(SPLIT).map((s) => s.trim()).filter((s) => s.length > 0)
    : [t]
  const packages: Array<PackageWord> = []
  const leftOut: Array<string> = []
  for (const it of items) {
    const r = readItem(it, leftOut)
    if ("unclear" in r) return { _tag: "unclear", reason: r.unclear }
    if ("category" in r) {
      if (items.length === 1) return { _tag: "category", query: r.category }
      return { _tag: "unclear", reason: `"${it}" is a kind of program, not a package` }
    }
    packages.push(...r)
  }
  // "bump version to 1.2.3": nothing named but a clause; not "everything"
  const named = leftOut.filter((l) => !TO_LATEST.test(l))
  if (packages.length === 0 && named.length > 0) return { _tag: "unclear", reason: `"${named.join(", ")}" does not name a package` }
  return packages.length === 0 ? { _tag: "empty" } : { _tag: "packages", packages, leftOut }
}

/** Clean a search/provides query: no articles, no "packages", category nouns in the singular. */
export const cleanQuery = (text: string): string => {
  // A query is only ever searched, never run: `rg` in backticks is rg. (A web address says where the person
  // looked, not what: "find `js-beautify` on https://nixos.org/...")
  const words = (text.includes("`") ? text.replace(/`([^`\s]+)`[?!.,]*/g, "$1") : text).split(" ").filter((w) => w.length > 0 && w !== "," && !/^https?:\/\//.test(w))
  const drop = new Set(["a", "an", "the", "some", "any", "for", "me", "package", "packages", "please", "good", "nice", "decent", "available", "in", "nixpkgs", "on", "nixos", "nix", "called", "named", "there", "that", "which", "to", "related", "about", "with", "programs", "apps", "tools", "something", "anything"])
  let i = 0
  while (i < words.length && drop.has(words[i]!)) i++
  let j = words.length
  while (j > i && drop.has(words[j - 1]!)) j--
  return words.slice(i, j).map(singular).join(" ")
}

const readWithEverything = oncePerRequest((text) => readObjectText(text, { everything: true }))
const readNamed = oncePerRequest((text) => readObjectText(text, { everything: false }))
