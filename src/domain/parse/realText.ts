/**
 * Requests as people write them in forums and issue trackers, made readable for the grammar: the
 * prefixes of issue and commit titles ("feat(home): ", "[Nix] ", ":sparkles: "), markdown (code spans,
 * emphasis, links), addresses and asides in parentheses are taken off, and the text is cut into the
 * sentences a request may sit in ("Before closing this issue, ... how can I uninstall pip.").
 */
import { commandNotFound } from "./grammar/shellMessages.js"
import { oneSpace } from "./spaces.js"

/** Shell syntax inside a code span: the span is kept as written, for the attribute-path check to refuse. */
const HOSTILE = /[$;|<>\\{}*~]|&&|`/
const CODE_SPAN = /`([^`\n]+)`/g
/**
 * "feat(m1): ", "modules/darwin/common: ", "TODO: ", but not a shell's "bash: " (a message follows); "Feat fish shell":
 * the conventional commit's type written without its colon ("feat" is no word a request starts with).
 */
const TITLE_PREFIX = /^\s*(?:\[[^\]]{1,40}\]\s*|:[a-z0-9_+-]{1,30}:\s*|feat\s+(?=[a-z])|(?!(?:-?(?:ba|z|da|k|c|tc)?sh|fish|nu|error|warning|note|trace|fatal)\b)[A-Za-z][\w./@-]{0,40}(?:\([^)\s]{0,40}\))?!?:\s+(?=\S))+/i
const URL = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/g
const LINK = /\[([^\]]{1,80})\]\([^)\s]{1,300}\)/g
const EMPHASIS = /(^|[\s(])(\*{1,2}|_{1,2})(?=\S)([^*_]{1,80}?)\2(?=$|[\s.,!?:;)])/g
const ASIDE = /\s\((?:e\.g\.|eg|i\.e\.|ie|see|like|such as|for example|needed|optional|[^()]{0,60}\?)[^()]{0,120}\)/gi
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|resp)\./gi
/** ", e.g. nixos-16.09", " such as Sway": an example, not the request (a dot inside a word, "16.09", does not end it). */
const EXAMPLE = /,?\s+(?:e\.g\.?|eg\.|i\.e\.?|for example|for instance|such as)\s+(?:[^.?!;]|\.(?=[^\s.]))*/gi

/**
 * A package named only by what it is like, then by an example: "Cannot uninstall package with "+" in name
 * (e.g "gtk+")". The example is the package the order is about.
 */
const EXAMPLE_OF_PACKAGE = /\b(?:an? |the |this |that |some )?(?:package|program|app|application)s? (?:with|whose|that|which|containing|named|called|having)\b[^()]{0,60}\s\((?:e\.g\.?|eg\.?|for example|like|such as)[\s:,]+["'`]?([\w.+-]+)["'`]?\s*\)/i

/** Words that give an example after a sentence ("Say VSCode", "E.g. firefox"). */
const EXAMPLE_WORDS = String.raw`(?:say|e\.g\.?|eg\.?|for example|for instance|like|such as)`
/**
 * A package named only by its kind in a sentence, then by an example after it: "How can I just add an additional
 * package to my system? Say VSCode for example.", "How do I install a program from unstable? E.g. firefox". The
 * example, one name and nothing else, is the package the request is about.
 */
const PACKAGE_THEN_EXAMPLE = new RegExp(String.raw`\b(?:an?|some|any|one|another)(?: (?:additional|extra|new|single|specific|particular|other|random))? (?:package|program|app|application)\b([^.?!]{0,80}[.?!])\s+${EXAMPLE_WORDS}[\s:,]+["'\`]?([\w.+-]+?)["'\`]?(?:,? for (?:example|instance))?\s*[.!?]?\s*$`, "i")
/** A sentence that starts with a word giving an example ("... a package? Say VSCode for example."). */
const EXAMPLE_AFTER = new RegExp(String.raw`[.?!]\s+${EXAMPLE_WORDS}\b`, "i")
export const givesExampleAfter = (t: string): boolean => EXAMPLE_AFTER.test(t)

/** The text with such a description replaced by its example ("Cannot uninstall gtk+"); the text itself when it has none. */
export const namedByExample = (t: string): string =>
  t.replace(EXAMPLE_OF_PACKAGE, (_all, name: string) => name)
    .replace(PACKAGE_THEN_EXAMPLE, (_all, rest: string, name: string) => name + rest)

/**
 * Title prefixes that say the rest is a report, a wish or a pull request, not an order ("Feature Request:
 * `rollback` command", "[WIP] add vlc", "[Backport release-23.05] ...").
 */
const REPORT_PREFIX = /^\s*\[?\s*(?:feature[ -]?request|request|proposal|rfc|idea|enhancement|suggestion|bug|bug report|regression|issue|problem|packaging request|package request|tracking issue|discussion|wip|draft|backport(?: [\w.-]+)?|do not merge|dnm)\s*\]?\s*:?\s|^\s*\[\s*feature\s*\]\s*:?\s/i

/**
 * The same said at the end ("Turn on numlock at boot (feature)", "enable wifi in the installer [feature request]"),
 * or a thread's state or a page's kind ("Enable sound with pipewire (wiki)", "... [solved]").
 */
const REPORT_SUFFIX = /[([]\s*(?:feature(?: request)?|bug|regression|enhancement|wish|idea|proposal|rfc|wip|question|help|solved|resolved|duplicate|wontfix|wiki|docs|documentation)\s*[)\]]\s*$/i

/** Title prefixes that say the rest is a question ("Question: can I enable numlock?", "[Help] ..."). */
const ASKED_WORDS = String.raw`(?:question|q|faq|help|howto|how-to|newbie question|beginner question)`
const ASKED_PREFIX = new RegExp(String.raw`^\s*(?:\[\s*${ASKED_WORDS}\s*\]\s*:?|${ASKED_WORDS}\s*:)\s`, "i")

/** A question by its title ("Question: ...", "[Help] ..."): nothing in it is an order. */
export const isAskedTitle = (raw: string): boolean => ASKED_PREFIX.test(raw)

/** Shell syntax outside code spans ("install firefox; rm -rf ~"): nothing in such a text is carried out. */
export const hasShellSyntax = (raw: string): boolean => /[;|<>$\\]|&&|\$\(/.test(raw.replace(/`[^`\n]*`/g, " "))

/** A report or a wish by its title ("Feature Request: ...", "[Bug] ..."). */
export const isReport = (raw: string): boolean => REPORT_PREFIX.test(raw) || REPORT_SUFFIX.test(raw)

export interface RealText {
  /** The request without title prefixes, markdown, addresses and asides. */
  readonly text: string
  /** Its sentences (the whole text first when it has more than one). */
  readonly sentences: ReadonlyArray<string>
  /** Something was taken off or unwrapped. */
  readonly changed: boolean
  /** A report or a wish by its title ("Feature Request: ...", "[Bug] ..."): nothing in it is an order. */
  readonly report: boolean
}

const unwrapCode = (t: string) =>
  t.includes("`") ? t.replace(CODE_SPAN, (all, inner: string) => (HOSTILE.test(inner) ? all : inner)) : t

export const cleanReal = (raw: string): RealText => {
  let t = oneSpace(raw).trim()
  const before = t
  const report = isReport(t)
  t = t.replace(TITLE_PREFIX, "")
  if (t.includes("](")) t = t.replace(LINK, "$1")
  if (/:\/\/|www\./.test(t)) t = t.replace(URL, " ")
  t = unwrapCode(t)
  if (/[*_]/.test(t)) t = t.replace(EMPHASIS, "$1$3")
  if (t.includes("(")) t = t.replace(ASIDE, " ")
  if (/e\.?g|i\.e|example|instance|such as/i.test(t)) t = t.replace(EXAMPLE, "")
  t = oneSpace(t.replace(/[\u2022\u00b7]/g, ",")).trim()
  return { text: t, sentences: sentencesOf(t), changed: t !== before, report }
}

/** The sentences of a text: cut at . ! ? and at ": " and " - " between parts of a title (not at ";": shell syntax). */
export const sentencesOf = (text: string): ReadonlyArray<string> => {
  const t = text.replace(ABBREVIATIONS, (a) => a.slice(0, -1))
  // also before an order after a comma: "I need sound, add pipewire."
  const parts = t.split(/(?<=[.!?])\s+(?=[^\s.!?])|:\s+(?=[A-Za-z`'"])|\s[-\u2013\u2014]+\s|\.\.\.+\s*|\u2026\s*|,\s+(?=(?:add|install|remove|uninstall|enable|disable|update|upgrade|use|set|try|delete|run)\s)/i)
    .map((s) => s.replace(/^[\s,.:;!-]+|[\s,:;-]+$/g, "").trim())
    .filter((s) => /[a-z]/i.test(s))
  return parts.length > 1 ? parts : [t]
}

/** "... but I am really hoping to", "..., but we would like": a wish said after what one has or sees. */
const WISH_AFTER_BUT = /,?\s+but\s+((?:i|we)(?:'d|'m| am| would| really| just)*\s+(?:want|need|wish|hope|hoping|like|looking for)\b.*)$/i

/**
 * The wish of "what I have, but what I want" ("I can see all packages under <dir> but I am really hoping to get
 * list of packages with their version numbers"), or undefined.
 */
export const wishAfterBut = (text: string): string | undefined => WISH_AFTER_BUT.exec(text)?.[1]

/** The command a shell said it could not find, anywhere in the text ("`bash: rustc: command not found`"). */
export const missingCommand = (raw: string): string | undefined => {
  if (!/not found|unknown command|neither a nushell|not installed|not in your path|not recognized|find/i.test(raw)) return undefined
  const t = raw.replace(/`/g, " ")
  for (const re of commandNotFound) {
    const m = re.exec(t)
    if (m !== null && m[1] !== undefined && !/^(?:command|the|a|it|this|that|error)$/i.test(m[1])) return m[1]
  }
  return undefined
}
