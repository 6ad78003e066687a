/**
 * Step one of parsing: lower case, everyday contractions and shorthand spelled out, punctuation
 * that carries no meaning dropped, list symbols turned into "and", single spaces.
 */
import { lean } from "./leanRegExp.js"
import { contractions, emphasisWords, emphasisFollows } from "./grammar/fillers.js"

export interface Normalized {
  /** Lower case, single spaces, no trailing punctuation. */
  readonly text: string
  /** The request contained a question mark. */
  readonly question: boolean
}

const contractionMap = new Map(Object.entries(contractions))
const PLAIN = /^[a-z0-9 -]*$/
/**
 * Shell syntax and paths. Such a word is kept exactly as written, so that it reaches the package-name
 * check and is refused there ("$(whoami)" must not quietly become the package whoami).
 */
const HOSTILE = /[$`;|<>\\{}*~]|&&|^\.{0,2}\//
const HOSTILE_ANYWHERE = /[$`;|<>\\{}*~]|&&|(^|\s)\.{0,2}\//
const PLACEHOLDER = /xkeptx(\d+)x/g
/**
 * A code span holding plain names (markdown: "uninstall the `i3lock-color` package", "Run `nh clean`") is those words: ask-nix
 * never runs a shell, and a shell would have substituted it before ask-nix saw it. A span with shell syntax
 * in it (`$(id)`, `id; rm -rf ~`) stays as written, for the name check to refuse.
 */
const CODE_NAME = /`([a-z0-9][a-z0-9._+-]*(?: [a-z0-9-][a-z0-9._+-]*)*)`/g
/** "How to clean /nix/store?": the store's directory named alone is the store (a path inside it is kept as written). */
const STORE_DIR = /(^|\s)\/nix\/store\/?(?=[\s.,!?:;)]|$)/g
/** "optimise nix storage", "clean the nix storage": the store named by what it is, storage, is the store. */
const NIX_STORAGE = /\bnix storage\b/g
const storeNamed = (t: string): string => (t.includes("nix storage") ? t.replace(NIX_STORAGE, "nix store") : t)
/** "python3.withPackages(ps: [ ps.numpy ps.pandas ])": the interpreter and its packages (numpy is then found in its set). */
const WITH_PACKAGES = /\b(python\d*)\.withpackages\s*\(\s*(\w+)\s*:\s*(?:with\s+\w+\s*;\s*)?\[([^\]]*)\]\s*\)/g
// Not backticks (code spans are CODE_NAME's, and shell syntax in them reaches the name check as written).
// Only matching pairs, of one word or several: "firefox", 'git', “vlc”, 'command not found'.
const QUOTED = /(^|\s)(?:"([^"\s][^"]*?)"|\u201c([^\u201c\u201d]+?)\u201d|'([a-z0-9][^'\u2018\u2019]*?)'|\u2018([a-z0-9][^'\u2018\u2019]*?)\u2019)(?=[\s.,!?:;]|$)/g
/**
 * A quote that closes nothing ("hello'", 'vim"): kept with its word, so that the name check refuses it,
 * instead of being dropped and turning the word into another name. Apostrophes inside words (don't,
 * firefox's) are not quotes.
 */
const STRAY_QUOTE = /["\u201c\u201d]|^['\u2018\u2019]|['\u2018\u2019][.,!?:;]*$/
/** Emoticons (":)", ":D", ";)", "<3"): mood, not words; ";)" must not reach the shell-syntax check. */
const EMOTICON = /(^|\s)(?:[:;=][-'^]?[()[\]dpo3*|/\\]+|<3+)(?=[\s!.,?]|$)/g
/** Characters that end or start a word without meaning ("firefox.", "nixpkgs#vim", "/usr"): see normalize. */
const PUNCT = /[.:#/@]/
/** A shell prompt pasted with a command ("$ nix-env -iA nixpkgs.htop"). */
const PROMPT = /^\s*[$#%>]\s+/

const keepHostile = (t: string): { text: string; kept: ReadonlyArray<string> } => {
  const kept: Array<string> = []
  const text = t.split(/\s+/).map((w) => {
    if (!HOSTILE.test(w) && !STRAY_QUOTE.test(w)) return w
    kept.push(w)
    return `xkeptx${kept.length - 1}x`
  }).join(" ")
  return { text, kept }
}

const emphasis: ReadonlySet<string> = new Set(emphasisWords)
const EMPHASIZED: ReadonlySet<string> = new Set(emphasisFollows)

/** A regex alternative of these words, as written. */
const anyOf = (words: Iterable<string>) => [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")
/**
 * Whether spellOut has anything to do: a contraction, or an emphasis word right after a word it follows,
 * as space-separated words. One scan of the text instead of splitting it into words and looking each up,
 * which most sentences (and every long forum sentence, twice) paid for nothing.
 */
const SPELLS_OUT = lean(new RegExp(`(?:^| )(?:${anyOf(contractionMap.keys())}|(?:${anyOf(EMPHASIZED)}) (?:${anyOf(emphasis)}))(?= |$)`))

/** Contractions spelled out; emphasis dropped ("i really need x" -> "i need x"). */
const spellOut = (text: string): string => {
  if (!SPELLS_OUT.test(text)) return text
  let words = text.split(" ")
  let changed = false
  for (let i = 0; i < words.length; i++) {
    const c = contractionMap.get(words[i]!)
    if (c !== undefined) { words[i] = c; changed = true }
  }
  if (changed) words = words.join(" ").split(" ")
  for (let i = 1; i < words.length; i++) {
    if (emphasis.has(words[i]!) && EMPHASIZED.has(words[i - 1]!)) { words.splice(i--, 1); changed = true }
  }
  return changed ? words.join(" ") : text
}

export const normalize = (raw: string): Normalized => {
  // Full-width letters, ligatures and accents ("ｉｎｓｔａｌｌ", "instàll") read as plain letters.
  const allAscii = /^[\x00-\x7f]*$/.test(raw)
  const ascii = allAscii ? raw : raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
  let t = ascii.toLowerCase().trim()
  const question = t.includes("?")
  if (t.startsWith("$") || t.startsWith("#")) t = t.replace(PROMPT, "")
  if (PLAIN.test(t) && !t.includes("  ")) {
    // The common case: plain words. Only standalone dashes ("- install x") need removing.
    if (t.includes("-")) t = t.replace(/(^| )-+(?= |$)/g, " ").replace(/ {2,}/g, " ").trim()
    return { text: spellOut(storeNamed(t)), question }
  }
  t = t.replace(PROMPT, "")
  if (t.includes("`")) t = t.replace(CODE_NAME, "$1")
  if (t.includes("/nix/store")) t = t.replace(STORE_DIR, "$1nix store")
  t = storeNamed(t)
  if (t.includes("withpackages")) {
    t = t.replace(WITH_PACKAGES, (_, py: string, ps: string, list: string) =>
      [py, ...list.split(/\s+/).filter((w) => w !== "").map((w) => (w.startsWith(`${ps}.`) ? w.slice(ps.length + 1) : w))].join(" "))
  }
  if (/[:;=]|<3/.test(t)) t = t.replace(EMOTICON, "$1")
  // "install -> firefox": an arrow points, it is not shell redirection
  if (t.includes(">")) t = t.replace(/(^|\s)[-=]+>(?=\s|$)/g, "$1")
  // "firefox", 'git': a name in quotes is just the name
  if (/["'\u2018\u201c]/.test(t)) t = t.replace(QUOTED, (_, pre: string, a?: string, b?: string, c?: string, d?: string) => pre + (a ?? b ?? c ?? d ?? ""))
  const stray = /["'\u2018\u2019\u201c\u201d]/.test(t) && t.split(/\s+/).some((w) => STRAY_QUOTE.test(w))
  const hostile = HOSTILE_ANYWHERE.test(t) || stray ? keepHostile(t) : undefined
  if (hostile !== undefined) t = hostile.text
  // Each replacement runs only when the text has the character it needs (a cheap scan; most requests
  // have few of them). Input that was ASCII has no curly quote; after the character filter the only
  // white space left is the plain space, so runs of it need two spaces in a row (and only those are
  // replaced: a replacement per single space cost more than the scan).
  if (!allAscii) t = t.replace(/[\u2018\u2019\u00b4]/g, "'")
  if (t.includes("nixpkgs#")) t = t.replace(/nixpkgs#/g, "")
  t = t.replace(/[^a-z0-9 ,&+.'_:/@#-]+/g, " ")
  if (t.includes("  ")) t = t.replace(/ {2,}/g, " ")
  t = spellOut(t.trim())
  if (t.includes("'")) t = t.replace(/'s\b/g, "").replace(/'/g, "")
  if (t.includes("&")) t = t.replace(/&/g, " and ")
  if (t.includes("+")) t = t.replace(/(^| )\+( |$)/g, " and ")
  if (t.includes(",")) t = t.replace(/,/g, " , ")
  if (PUNCT.test(t)) t = t.replace(/[.:#/@]+(?= |$)/g, " ").replace(/(^| )[.:#/@]+/g, " ")
  if (t.includes("-")) t = t.replace(/(^| )-+(?= |$)/g, " ")
  if (t.includes("  ")) t = t.replace(/ {2,}/g, " ")
  t = spellOut(t.trim())
  if (hostile !== undefined) t = t.replace(PLACEHOLDER, (_, i: string) => hostile.kept[Number(i)] ?? "")
  return { text: t, question }
}
