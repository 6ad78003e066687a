/**
 * The parser: a request in plain words -> an Understood intent. Pure and synchronous.
 * The words live in ./grammar (verbs, phrases, fillers, aliases, questions); the engine only reads them.
 *
 * Order: normalize -> politeness off -> plugin phrases -> home-manager scope -> system scope -> built-in phrases ->
 * questions around an order -> verb table -> not understood. A mutating intent is never produced for
 * a request with a negation its phrase did not expect, and carries a confidence that the pipeline
 * compares with CONFIDENCE_THRESHOLD.
 */
import { lean } from "./leanRegExp.js"
import { Configure, Explain, hasHomeForm, Help, Info, isCarriedOut, isMutating, Search, systemFormOf, type Understood } from "../Intent.js"
import { explain } from "../explanations.js"
import { buildIntent } from "./buildIntent.js"
import { withCloseNames } from "./resolvePackages.js"
import { conceptualQuestion, infoExplainedWhen } from "./conceptual.js"
import { type Draft, isMutatingKind, type NotRead, type ParseContext, type SentenceContext, unknown } from "./draft.js"
import { hedgeWords, negationWords, quotesAnError } from "./grammar/questions.js"
import { normalize } from "./normalize.js"
import { cleanQuery, readObject } from "./objects.js"
import { matchRules } from "./pluginRules.js"
import { stripFillers } from "./stripFillers.js"
import { withoutNarrowing } from "./narrowing.js"
import { providesUnnamed } from "./providesUnnamed.js"
import { managerPackages } from "./managerPackages.js"
import { QUESTION_NOTE, understand, verbIsSubject } from "./understand.js"
import { readRealRequest, withMissingCommand } from "./realRequest.js"
import { givesExampleAfter, isAskedTitle, isReport, namedByExample } from "./realText.js"
import { aboutSystem } from "./systemTopic.js"
import { readChangeTitle } from "./changeTitle.js"
import { scheduledSetting } from "./scheduledOrder.js"
import { askSettingFirst } from "./settingAskedFirst.js"
import { reportedResult } from "./reportedResult.js"
import { askedOfMaintainers, changesCode, commandDoes, judged, reportsFailure, startsWithOrder, tellsRatherThanOrders } from "./reportSignals.js"
import { fixKeywords, readAsNote } from "./keywordTypos.js"
import { isModuleName, isServiceName } from "./grammar/settings.js"
import { describedSwitch } from "./topicVocabulary.js"
import { aboutNix, topicOf } from "./topics.js"
import { withinRequest } from "./perRequest.js"
import { oneSpace } from "./spaces.js"
import { type Assignment, nixAssignment } from "./nixAssignment.js"

export type { ParseContext } from "./draft.js"

export { actsWithoutAsking, CONFIDENCE_THRESHOLD } from "./threshold.js"
import { CONFIDENCE_THRESHOLD } from "./threshold.js"
import { suspiciousText, visible } from "../suspiciousText.js"

/** A reason said last: "... to comply with a workplace audit", "... for an audit", "... so that I can compare them". */
const PURPOSE = / (?:(?:in order |so as )?to (?!be |me |us |them |it )[a-z]+|for (?:a|an|the|my|our|some) [a-z]+|so (?:that )?(?:i|we) can) .*$| for (?:a|an|the|my|our|some) [a-z]+$/
/** A means named last, whose purpose says which: "an option", "a way", "a command", "something". */
const MEANS_LAST = /\b(?:options?|ways?|commands?|tools?|settings?|methods?|flags?|something|anything|programs?|apps?|scripts?)$/
/** A word a lookup is asked with (the words before a reason are read again only when they have one). */
const LOOKUP_WORD = /\b(?:list|show|see|display|print|view|get|find|search|look|which|what|where|generations|installed|info|details)\b/
/** Kinds that only show something: a reason after them can be dropped. */
const LOOKUPS: ReadonlySet<string> = new Set(["list", "generations", "history", "search", "info", "provides", "option", "doctor"])
const hasNegation = (text: string) => text.split(" ").some((w) => negationWords.has(w))
const SYSTEM_HINT = /system|nixos|os\b|global|users|everyone|machine-wide/
const SYSTEM_WIDE = /(?<![\w-])(system-wide|systemwide|system wide|for all users|for every user|for everyone|globally|machine-wide|on the whole system|for the whole system|for the entire system|to the system profile|in the system profile|from the system profile|the system profile)(?![\w-])/
const SYSTEM_MENTION = /(?<![\w-])(?:(?:my|the|our|this|whole|entire|full|complete|nixos) )*(?:nixos system|operating system|system|nixos|os)(?![\w-])/
/**
 * The system named with the word that makes it a place: "clean up old generations on nixos" -> "clean up old
 * generations", "updating an entire operating system" -> "updating".
 */
const SYSTEM_PLACE = new RegExp(String.raw`(?<![\w-])(?:(?:in|on|for|from|under|of) )?(?:an? (?=(?:entire|whole|full|complete) ))?` + SYSTEM_MENTION.source.replace(String.raw`(?<![\w-])`, ""))
/**
 * home-manager named as where a request applies ("roll back home-manager", "list my home manager
 * generations", "update nixpkgs in my home-manager flake", "my home config"), not as a thing acted on
 * ("update nixpkgs and home-manager in my flake"): after a determiner or preposition, before a noun
 * such as "generations", or last. Kinds with a home-manager form (IntentSpec.home) get scope "home".
 */
const HOME_WORD = String.raw`(?:home-manager|home manager|home\.nix)`
const HOME_NOUN = String.raw`(?:config|configuration|setup|environment|profile|generation|generations|flake|switch|update|upgrade|rebuild|change|changes|activation)`
const HOME_MENTION = new RegExp(String.raw`(?<![\w-])(?:(?:(?:in|of|for|from|with|on) )?(?:(?:my|the|our|this) )+(?:${HOME_WORD}|home(?= (?:config|configuration|setup|environment)(?![\w-])))|(?:in|of|for|from|with|on) ${HOME_WORD}|${HOME_WORD}(?= ${HOME_NOUN}(?![\w-]))|${HOME_WORD}$)(?![\w.-])`)
const HOME_ONLY = new RegExp(String.raw`${HOME_WORD}|home`)
const HOME_NOUN_NEXT = new RegExp(String.raw`^ ${HOME_NOUN}(?![\w-])`)

/** home-manager named as the way something is done: "with home-manager", "using home manager". */
const HOME_AS_WAY = /(?:with|using|via|through|in|into|to|from) (?:my |the )?(?:home-manager|home manager|home\.nix)(?![\w-])/
const HOME_WAY_NOTE = "home-manager does this in home.nix (home.packages); the plan shows the same change for your profile."
/** The request without its home-manager mention: "list my home-manager generations" -> "list my generations". */
const withoutHome = (body: string): string => {
  const m = HOME_MENTION.exec(body)
  if (m === null) return body
  const after = body.slice(m.index + m[0].length)
  const nounFollows = HOME_NOUN_NEXT.test(after)
  const mention = nounFollows ? m[0].replace(HOME_ONLY, "") : ""
  return oneSpace(`${body.slice(0, m.index)}${mention}${after}`).trim()
}
/** Cleaning is about the system only when its generations are named ("clean up my system" frees space anywhere). */
const SYSTEM_GENERATIONS = /(system|nixos) (generation|generations|gens|profile)|system profile/

/**
 * The tool of the user's profile named as whose thing it is, or as the thing undone ("delete old nix-env
 * generations", "undo the last nix-env install", "How to rollback nix-env?", "list nix profile generations"):
 * the request without it, when that reads a profile operation that names no package.
 */
const PROFILE_TOOL = /(?<![\w-])(?:(?:a|the|my) )?(?:nix-env|nix profile)(?:'s)?(?: (?:-i|-e|-u|--install|--uninstall|--upgrade))?(?![\w-])/
const PROFILE_KINDS: ReadonlySet<string> = new Set(["rollback", "generations", "clean", "list"])
const withoutProfileTool = (body: string, d: Draft | undefined): Draft | undefined => {
  // ("whats a nix profile", "what are nix-env generations": the tool itself asked about, explained)
  if ((!body.includes("nix-env") && !body.includes("nix profile")) || /^(?:what|whats|explain|define|why)\b/.test(body)) return undefined
  // (read as nothing, as a topic, or as an operation on the tool itself: "delete nix-env generations")
  const pkgs = d?.slots["pkgs"] ?? ""
  if (d !== undefined && d.kind !== "explain" && d.kind !== "search" && d.kind !== "info" && !pkgs.includes("nix-env") && !pkgs.includes("nix profile")) return undefined
  const rest = oneSpace(body.replace(PROFILE_TOOL, " ")).trim()
  if (rest === body || rest === "") return undefined
  const r = understand(stripFillers(rest).text)
  return r !== undefined && PROFILE_KINDS.has(r.kind) ? r : undefined
}

/**
 * A request -> what it asks. One sentence as typed is read by the grammar; when that reads nothing,
 * the request is read as people write it in forums and issue trackers (./realRequest.ts). A setting
 * the text talks about rather than orders is asked first (./settingAskedFirst.ts).
 */
export const parseRequest = (text: string, ctx: ParseContext = {}): Understood =>
  withinRequest(() => withCloseNames(askSettingFirst(text, reportedResult(text, readRequest(text, ctx))), ctx.names))

const readRequest = (text: string, ctx: ParseContext): Understood => {
  // Never cleaned up into another name: refused as written (shown with its hidden characters visible).
  const suspicious = suspiciousText(text)
  if (suspicious !== undefined) {
    return unknown(visible(text), [`I will not read this: ${suspicious}. Type it again in plain letters.`])
  }
  // "services.openssh.enable = true;", "add `environment.systemPackages = [ pkgs.foo ];` to configuration.nix": Nix pasted
  const pasted = text.includes("=") ? nixAssignment(text) : undefined
  if (pasted !== undefined) {
    const r = readAssignment(pasted, text, ctx)
    if (r !== undefined) return r
  }
  // "Cannot uninstall package with "+" in name (e.g "gtk+")", "How can I add a package? Say VSCode for example.": the
  // example is the package the request is about
  const named = text.includes("(") || givesExampleAfter(text) ? namedByExample(text) : text
  if (named !== text) {
    const r = readRequest(named, ctx)
    // an example given after the order ("I want to remove a package. Like vim.") is what it may be about: asked first
    if ("packages" in r.intent && r.intent.packages.length > 0) {
      if (r.question === true || !givesExampleAfter(text)) return r
      return { ...r, confidence: Math.min(r.confidence, CONFIDENCE_THRESHOLD - 0.05), notes: [...r.notes, "I will ask before doing it."] }
    }
  }
  // A long text of several sentences is read sentence by sentence (reading it whole costs the most and
  // finds nothing a sentence would not); short ones ("install firefox? no, wait") are read whole first.
  if (text.length > LONG_TEXT && SENTENCE_BREAK.test(text)) return asked(text, readChangeTitle(text, readRealRequest(text, ctx, [NOT_UNDERSTOOD], parseSentence), ctx.names))
  // (an info reading of the text as a whole goes to conceptualQuestion below, which may explain it whatever
  // its words name: then they are not looked up)
  let explained: { readonly when: "always" | "once one names none" | undefined } | undefined
  const whole: SentenceContext = { ...ctx, infoExplained: () => (explained ??= { when: infoExplainedWhen(text, ctx.names) }).when }
  const read = parseSentence(text, whole)
  const u = "notRead" in read ? withKeywordsFixed(text, whole) ?? read : read
  if ("notRead" in u) return asked(text, readChangeTitle(text, readRealRequest(text, ctx, u.notRead, parseSentence), ctx.names))
  // "I updated and now wifi is broken. How do I roll back?": a statement the grammar sets aside as a whole, then a
  // question in a sentence of its own: the question is answered with its plan (never carried out)
  if (u.intent._tag === "unknown" && SENTENCE_BREAK.test(text)) {
    const q = readRealRequest(text, ctx, u.notes, parseSentence)
    if (q.question === true) return q
  }
  // "bug: Can't install packages using ...", "Feature request: rollback command": a report is never an order
  if (isMutating(u.intent) && isReport(text)) return readRealRequest(text, ctx, ["A report or a wish, not an order."], parseSentence)
  // "firefox: 120.0 -> 121.0", "nixos/sshd: add option ...": the title of a change to code is never an order
  return asked(text, readChangeTitle(text, conceptualQuestion(text, u, ctx.names) ?? withMissingCommand(text, u), ctx.names))
}

/** A pasted assignment: the option set to its value, or the packages of a package list installed where it says. */
const readAssignment = (a: Assignment, text: string, ctx: ParseContext): Understood | undefined => {
  if (a.form === "option") {
    return { intent: new Configure({ option: a.option, action: "set", text, value: a.value }, true), confidence: 0.9, notes: [], corrections: [] }
  }
  // (each as an attribute of pkgs, as the list names it: never an ordinary word left out, never joined with the next)
  const r = parseSentence(`install ${a.packages.map((p) => `pkgs.${p}`).join(" ")}`, ctx)
  if ("notRead" in r || r.intent._tag !== "install") return undefined
  return { ...r, scope: a.scope, notes: [...r.notes, `Read \`${a.option}\` as the packages to install (${a.scope === "home" ? "home-manager" : "the system"}).`] }
}

/**
 * "Syncthing service", "emacs daemon": a module's name and the word for what it runs; "Neovim plugins",
 * "vscode extensions": a module's name and the name of one of its options.
 */
const moduleAsService = (words: ReadonlyArray<string>): boolean =>
  words.length === 2 && ((/^(?:service|daemon)$/.test(words[1]!) && isModuleName(words[0]!)) || describedSwitch(words.join(" ")))

/** "Question: can I enable numlock?": a title that says it asks is answered with the plan, never carried out. */
const asked = (text: string, u: Understood): Understood =>
  isCarriedOut(u) && isAskedTitle(text) ? { ...u, question: true, notes: [...u.notes, QUESTION_NOTE] } : u

/** Words that describe what a command does or did ("seems to", "gives", "says"): a report, not an order. */
const NARRATIVE = /\b(?:seems?|seemed|appears?|appeared|gives|gave|shows|showed|prints|printed|returns|returned|happens|happened|noticed|realized|realised)\b|\b(?:says|said)\b(?! (?:to|i|we|you) )/
/** Nix itself, named as a package, and its own commands ("Remove nix-env", "remove nix-channel"). */
const NIX_ITSELF: ReadonlySet<string> = new Set([
  "nix", "nix-daemon", "nix-darwin", "lix", "nixUnstable", "nixFlakes",
  "nix-env", "nix-channel", "nix-shell", "nix-build", "nix-store", "nix-instantiate", "nix-collect-garbage", "nix-copy-closure"
])
/** An install or removal of Nix itself: the explanation's topic. */
const nixItself = (u: Understood): string | undefined => {
  const i = u.intent
  if ((i._tag !== "install" && i._tag !== "remove") || i.packages.length === 0 || !i.packages.every((p) => NIX_ITSELF.has(p))) return undefined
  return i._tag === "install" ? "install nix" : "uninstall nix"
}
/** A how-question anywhere in the sentence ("something broke, how can i roll back?"). */
const ASKS_HOW = lean(/\bhow (?:(?:do|can|could|should|would|might|shall) (?:i|we|you|one)|to)\b/)
/** "can we add x?", "should we enable y?": with a question mark, a proposal to a project. */
const PROPOSAL = /^(?:can|could|should|shall|would|will|may) we\b/
/** "use x to record the screen": how a program is used for something, not an order to install it. */
const USE_FOR = /^(?:use|using) (?:\S+ ){1,3}(?:to|so that|in order to|so i can) /
const LONG_TEXT = 120
const SENTENCE_BREAK = /[.!?]\s+[A-Za-z`"']/
const NOT_UNDERSTOOD = "I did not understand this. Say \"help\" to see what I understand."

/** "delet old generatons", "rollbak": the grammar's words misspelt, read as meant, and said so. */
const withKeywordsFixed = (text: string, ctx: SentenceContext): Understood | undefined => {
  const f = fixKeywords(text.toLowerCase(), ctx.names)
  const u = f === undefined ? undefined : parseSentence(f.text, ctx)
  if (f === undefined || u === undefined || "notRead" in u || u.intent._tag === "unknown") return undefined
  return {
    ...u, confidence: Math.min(u.confidence, 0.85), corrections: [...u.corrections, ...f.corrections],
    notes: [...u.notes, ...f.corrections.map(readAsNote)]
  }
}

/**
 * One sentence: what it asks, or why the grammar read nothing in it (then other readings are tried).
 * `least`: the caller sets aside a reading below this confidence, and help ("Any ideas?" among other
 * sentences); such a draft is not built into a reading (its package words are not looked up) but
 * returned as not read, which the caller sets aside the same way.
 */
const parseSentence = (text: string, ctx: SentenceContext, least?: number): Understood | NotRead => {
  const n = normalize(text)
  if (n.text === "") {
    return n.question
      ? { intent: new Help({}, true), confidence: 0.8, notes: ["A question mark alone: here is what I understand."], corrections: [] }
      : unknown(text, ["The request is empty. Say \"help\" to see examples."])
  }
  const core = stripFillers(n.text)
  if (core.text === "") return { intent: new Help({}, true), confidence: 0.8, notes: ["Nothing but politeness: here is what I understand."], corrections: [] }

  if (ctx.rules !== undefined && ctx.rules.length > 0) {
    const r = matchRules(core.text === n.text ? [n.text] : [core.text, n.text], ctx.rules)
    if (r !== undefined) return "intent" in r ? r : buildIntent(r, text, ctx, n.question && !core.polite, core.tentative)
  }

  // ("GC the packages, without removing anything else": what the order spares, not a refusal of it)
  const said = withoutNarrowing(core.text)
  let body = said
  let systemWide = false
  const maybeSystem = SYSTEM_HINT.test(body)
  if (maybeSystem && SYSTEM_WIDE.test(body)) {
    systemWide = true
    body = stripFillers(oneSpace(body.replace(SYSTEM_WIDE, " ")).trim()).text
  }
  let d: Draft | undefined
  // (the reading of body as it is, once the home-manager check below has made it: not made twice)
  let asIs: { readonly reading: Draft | undefined } | undefined
  if (body.includes("home") && HOME_MENTION.test(body)) {
    // A phrase of its own first ("home-manager switch"), else the request without the mention
    const whole = understand(body)
    asIs = { reading: whole }
    // (a flake's inputs may be named home-manager: "flake update nixpkgs and home-manager")
    if (whole?.scope === "home" || whole?.kind === "flake-update") d = whole
    else {
      const s = understand(stripFillers(withoutHome(body)).text)
      if (s !== undefined && hasHomeForm(s.kind)) d = { ...s, scope: "home" }
      // "how do i install vscode with home manager?": the question about the package, home-manager named as the
      // way (never a package of its own); only a question, which is answered and never carried out
      else if (HOME_AS_WAY.test(body)) {
        const w = understand(stripFillers(oneSpace(body.replace(HOME_AS_WAY, " ")).trim()).text)
        // (a reading of its own wins: "how to set up neovim with home-manager" configures programs.neovim)
        if (w !== undefined && w.question === true && isMutatingKind(w.kind) && (whole === undefined || whole.kind === w.kind || whole.kind === "explain")) d = { ...w, notes: [...w.notes, HOME_WAY_NOTE] }
        // "install ripgrep with home-manager": the same order for the profile, never home-manager installed as a
        // package of its own; the place differs from the one asked for, so it is asked first
        else if (w !== undefined && (w.kind === "install" || w.kind === "remove") && w.question !== true && !w.negated && (whole === undefined || whole.kind === w.kind)) {
          d = { ...w, confidence: Math.min(w.confidence, CONFIDENCE_THRESHOLD - 0.05), notes: [...w.notes, HOME_WAY_NOTE, "I will ask before doing it."] }
        }
      }
    }
  }
  if (d === undefined && maybeSystem && SYSTEM_MENTION.test(body)) {
    const stripped = stripFillers(oneSpace(body.replace(SYSTEM_PLACE, " ")).trim()).text
    const s = understand(stripped)
    // Kinds for which "my system" / "nixos" means the NixOS system rather than the user's profile.
    if (s !== undefined && systemFormOf(s.kind)?.whenNamed === true) d = { ...s, scope: "system" }
    else if (s !== undefined && s.kind === "clean") d = SYSTEM_GENERATIONS.test(body) ? { ...s, scope: "system" } : s
    // "show installed packages on nixos": the system named as where they are listed
    else if (s !== undefined && s.kind === "list" && /\b(?:installed|packages|programs|software|apps)\b/.test(body)) d = s
  }
  d ??= asIs !== undefined ? asIs.reading : understand(body)
  // "get list of packages with their version numbers to comply with a workplace audit": why a lookup is asked
  // for is not part of it (only a lookup: the reason of an order may change what it does; a lookup read in the
  // words before the reason wins over an order read with it: "get list of ... to comply" is not "get" a package)
  if ((d === undefined || (isMutatingKind(d.kind) && d.question !== true)) && PURPOSE.test(body)) {
    const before = body.replace(PURPOSE, "")
    // ("Is there an option to keep build outputs?": the means asked for is named by what it is to do)
    const r = MEANS_LAST.test(before) || !LOOKUP_WORD.test(before) ? undefined : understand(before)
    if (r !== undefined && LOOKUPS.has(r.kind)) d = r
  }
  // "Automatically delete old generations", "update the system every night": the setting that does it
  // (it wins over a reading of the order alone: "Run nix-collect-garbage automatically" is not a setting called nix-collect-garbage)
  d = withoutProfileTool(body, d) ?? d
  d = scheduledSetting(body, (rest) => understand(rest)) ?? d
  if (d === undefined) {
    // "flakes?": a Nix word alone is a question about it
    const words = body.split(" ")
    const e = words.length <= 3 ? explain(body) : undefined
    if (e !== undefined) return { intent: new Explain({ query: e.topic }, true), confidence: 0.75, notes: [], corrections: [] }
    const negated = hasNegation(body)
    // "i want to edit videos": a need, not a command: show programs for it
    if (core.need && !negated) {
      const q = cleanQuery(body)
      // "i want to edit videos" (an activity and what it is done to); "i want to sleep" is not about software
      if (q !== "" && q.split(" ").length >= 2 && q.split(" ").length <= 6) {
        return {
          intent: new Search({ query: q }, true), confidence: 0.7, corrections: [], category: q,
          notes: [`"${q}" sounds like a need, not a package: I will show programs to pick from.`]
        }
      }
    }
    if (!negated && words.length <= 4) {
      const r = readObject(body, { everything: false })
      // "image viewer": a kind of program named alone is a search
      if (r._tag === "category") {
        return { intent: new Search({ query: r.query }, true), confidence: 0.7, notes: [`Searching for "${r.query}".`], corrections: [] }
      }
      // "emacs": a package the index knows, named alone, is a question about it ("Syncthing service", a
      // module named as a service, and "nginx", a daemon's name alone, are left to the titles of settings)
      if (r._tag === "packages" && r.packages.length === 1 && ctx.names?.exists(r.packages[0]!.word) === true && !moduleAsService(words) && !(words.length === 1 && isServiceName(words[0]!))) {
        const w = r.packages[0]!.word
        return {
          intent: new Info({ packages: [w] }, true), confidence: 0.6, corrections: [],
          notes: [`"${w}" is a package: here is what I know about it. Say "install ${w}" to install it.`]
        }
      }
    }
    const hint = negated
      ? "The request contains a negation (\"not\", \"don't\" ...): I will not act on it. Say plainly what you want done."
      : words.length === 1 && ctx.names?.exists(words[0]!) === true
      ? `"${words[0]}" is a package: say "install ${words[0]}" or "tell me about ${words[0]}".`
      : NOT_UNDERSTOOD
    return { notRead: [hint] }
  }
  // "nix-collect-garbage seems to only provide me with ...": a description of a command, not an order
  if (isMutatingKind(d.kind) && d.question !== true && !d.negated && d.pointsBack !== true && NARRATIVE.test(core.text)) {
    return { notRead: ["This describes what happens; it is not an order. Say what you want done."] }
  }
  // "home-manager switch fails", "nix-collect-garbage -d deleted my generations": what a command did or
  // does, reported (an order after it would follow a comma or "so": "vim crashes, remove it"; a complaint
  // about an update asks for the way back, which rollback's own phrases read)
  const orderFirst = startsWithOrder(core.text)
  const reported = reportsFailure(core.text, n.text, d.kind, orderFirst) || commandDoes(text.toLowerCase())
  if (isMutatingKind(d.kind) && d.question !== true && !d.negated && (reported || verbIsSubject(body))) {
    return { notRead: ["This says something about an operation; it is not an order. Say what you want done."] }
  }
  // "systemd: add `enable` option", "Add support for `programs.delta` module": a feature asked of a project's code
  if (isMutatingKind(d.kind) && d.question !== true && changesCode(core.text)) {
    return { notRead: ["This asks for a change to a program's or a module's code (an option or support added), not for a change here."] }
  }
  if (isMutatingKind(d.kind) && quotesAnError.test(text)) {
    return unknown(text, ["This quotes an error: it reports a problem, so I will not act on it. To look into it, say what you wanted to do."])
  }
  if (isMutatingKind(d.kind) && !d.negated && core.text.split(" ").some((w) => hedgeWords.has(w))) {
    d = { ...d, confidence: Math.min(d.confidence, 0.5), notes: [...d.notes, "The request is hedged (\"if\", \"maybe\" ...): I will ask before doing it."] }
  }
  // (a question's own negation was checked where it was read: "i have no idea how to install x" asks)
  // (never acted on; when about Nix, the real-request reading may still explain its topic: "use packages
  // from unstable without nix-channel")
  if (isMutatingKind(d.kind) && !d.negated && d.question !== true && hasNegation(said)) {
    const why = ["The request contains a negation (\"not\", \"don't\", \"without\" ...): I will not act on it. Say plainly what you want done."]
    return aboutNix(text) || aboutSystem(text, ctx.names) ? { notRead: why } : unknown(text, why)
  }
  // "..., how can I roll back to an earlier channel?", "my goal is to install numpy", "use wlrobs to record
  // the screen": asked about, a goal stated or a purpose explained, not ordered: the plan is the answer
  // ("Can we add firefox to the ISO?": a proposal put to a project, not an order either)
  // ("I'd like to roll back further, but the tool only allows one step": a wish with what stands in its way)
  const wishWithObstacle = core.need && /,? but /.test(core.text)
  if (isMutatingKind(d.kind) && d.question !== true && (core.stated || wishWithObstacle || ASKS_HOW.test(core.text) || tellsRatherThanOrders(core.text) ||
    (d.kind === "configure" && askedOfMaintainers(core.text)) || (orderFirst && judged(core.text)) || (USE_FOR.test(body) && d.kind !== "configure") || (n.question && PROPOSAL.test(n.text)))) {
    d = { ...d, question: true, notes: [...d.notes, QUESTION_NOTE] }
  }
  if (systemWide && d.scope === undefined) d = { ...d, scope: "system" }
  // (building never raises a draft's confidence; only an install or removal of Nix itself is made an explanation
  // at 0.8 below, and an unknown draft builds an unknown reading, which no caller takes)
  if (least !== undefined && (d.kind === "help" || d.kind === "unknown" || (d.confidence < least && d.kind !== "install" && d.kind !== "remove"))) {
    return { notRead: [] }
  }
  // "How do you install NPM global packages?": another package manager's packages, had on Nix another way
  const ownWay = d.kind === "install" ? managerPackages(body) : undefined
  if (ownWay !== undefined) return ownWay
  const built = buildIntent(d, text, ctx, n.question && !core.polite, core.tentative)
  // "How to find which packages provide certain files": the way to find a file's package, no file named
  const u = built.intent._tag === "provides" || built.intent._tag === "search" ? providesUnnamed(built, text) ?? built : built
  // "Install nix-daemon on non-systemd init", "remove nix from macOS": Nix itself is set up or taken
  // away by its installer, not by a profile operation: the way to do it is explained
  const self = nixItself(u)
  if (self !== undefined) {
    const query = [...new Set([...self.split(" "), ...text.toLowerCase().split(/[^a-z0-9-]+/).filter((w) => /^(?:remove|uninstall|delete|install|reinstall)$/.test(w)), ...topicOf(text).split(" ")])].slice(0, 8).join(" ")
    return { intent: new Explain({ query }, true), confidence: 0.8, corrections: [], notes: [`Nix itself is not a package ask-nix ${self === "install nix" ? "installs" : "removes"}: here is how to do it.`] }
  }
  // a verb with nothing it can act on ("install correctly", "remove it"): another reading may still be found
  return u.intent._tag === "unknown" && d.kind !== "unknown" ? { notRead: u.notes } : u
}
