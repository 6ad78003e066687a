/**
 * Text (normalized, politeness off) -> a draft intent: the phrase table first, then questions wrapped
 * around an order, then the verb table.
 */
import { lean } from "./leanRegExp.js"
import { readsOf } from "../Intent.js"
import { explain } from "../explanations.js"
import { type Draft, draft, isMutatingKind } from "./draft.js"
import { gerundFrames, negationWords, pointsBackBreaks, questionFrames } from "./grammar/questions.js"
import { readObject } from "./objects.js"
import { compile, prepare, type Prepared, sharing } from "./pattern.js"
import { matchPhrases, PatternIndex } from "./phraseIndex.js"
import { stripFillers } from "./stripFillers.js"
import { isAsking, matchVerb } from "./verbIndex.js"
import { CONFIDENCE_THRESHOLD } from "./threshold.js"
import { oncePerRequest } from "./perRequest.js"
import { aboutNix, knownTopic, topicOf, topicQuery } from "./topics.js"
import { fixSettingWords, readAsNote } from "./keywordTypos.js"
import { readsSetting, settingInFrame, settingInOptionWords } from "./settingQuestion.js"
import { verbs } from "./grammar/verbs.js"

/** The question frames, indexed like the phrase table (built on first use): a request tries the few that can match. */
let howTo: PatternIndex<{ readonly gerundOnly: boolean }> | undefined
const frames = () => {
  if (howTo !== undefined) return howTo
  const shared = sharing()
  return (howTo = new PatternIndex([
    ...questionFrames.map((f) => ({ item: { gerundOnly: false }, pattern: compile(f, shared) })),
    ...gerundFrames.map((f) => ({ item: { gerundOnly: true }, pattern: compile(f, shared) }))
  ]))
}
/**
 * "is there a way to install x", "what is the command to remove y", "is there a way to enable bluetooth": a
 * how-to question, not a search for "way to install x".
 */
const HOW_TO_SLOT = /^((the |a |any )?((best|right|proper|correct|easiest|simplest|quickest|recommended|fastest|nix|nixos|quick|easy|simple|good|clean) )?(way|ways|command|commands|option|options|setting|method|hack|hacks|trick|tricks|script|solution|one-liner) to )?(\w+ly |just )?(install|reinstall|uninstall|remove|delete|erase|wipe|purge|update|upgrade|roll back|rollback|go back|undo|revert|clean|garbage|switch|enable|disable|set up|setup|turn on|turn off|configure|change|get rid of)( |$)/
/**
 * "the best way to free disk space", "a way to keep nixos up to date", "a command to downgrade vim": a way, a
 * method or a command to do something is asked how to do it, whatever the action's verb (a frame reads it),
 * never a program searched for. The verb is any of the grammar's action verbs (grammar/verbs.ts) or an
 * action its phrases start with.
 */
const WAY_TO_ACT = /^(?:the |a |an |any |some )?(?:\w+ )?(?:way|ways|command|commands|method|methods|approach|solution|option|script|one-liner) to (?:\w+ly |just )?([a-z-]+)(?: |$)/
const PHRASE_ACTIONS = [
  "free", "reclaim", "recover", "save", "keep", "shrink", "reduce", "downgrade", "revert", "undo", "roll", "rollback", "go", "boot",
  "clean", "cleanup", "garbage", "gc", "collect", "prune", "optimise", "optimize", "enable", "disable", "turn", "switch", "set",
  "configure", "change", "list", "show", "see", "view", "check", "find", "rebuild", "apply", "replace", "migrate", "move"
]
let actionVerbs: ReadonlySet<string> | undefined
const isActionVerb = (w: string): boolean =>
  (actionVerbs ??= new Set([
    ...(["install", "remove", "update", "try"] as const).flatMap((k) => verbs[k].words.map((v) => v.split(" ")[0]!)),
    ...PHRASE_ACTIONS
  ])).has(w) && !/^(?:i|we|have|need|want|must|use|play|load|sample|lose|bin)$/.test(w)
const waysToAct = (slot: string): boolean => {
  const m = WAY_TO_ACT.exec(slot)
  return m !== null && isActionVerb(m[1]!)
}
/** "the command to list installed packages", "a way to see my generations": the way to look something up, asked (a frame reads it). */
const WAY_TO_LOOK_SLOT = /^(?:the |a |any )?(?:\w+ )?(?:way|ways|command|commands|method) to (?:list|show|see|view|display|print|find|search|check|know|tell)(?: |$)/
/** "is there something like apt-get upgrade": another package manager's command, whose Nix equivalent is asked (a frame reads it). */
const FOREIGN_COMMAND_SLOT = /^(?:apt|apt-get|dnf|yum|pacman|zypper|brew) (?:install|remove|purge|upgrade|update|full-upgrade|dist-upgrade|autoremove|autoclean|clean|cleanup|-s|-syu|-r|-sc|up)(?: |$)/
/** A search's words that are the start of a how-question ("any idea how to ...", "what command do i use to ..."). */
const ASKS_HOW_SLOT = lean(/^(?:(?:(?:a|the|any) )?(?:\w+ )?(?:way|ways|method) to go about \w+ing(?: |$)|(?:idea|ideas|clue|clues|suggestions?|tips?|pointers?|hints?)(?: (?:on|about|as to))? how\b|(?:command|commands)$|(?:clear|detailed) (?:instructions|documentation|docs))/)
/** "is there a way to ...", "is there an option for ...": a way of doing it, not a program. */
const WAY_TO = /\bis there (?:a|an|any|some) (?:\w+ )?(?:way|ways|option|method|approach|mechanism)s? (?:to|for|of)\b/
export const QUESTION_NOTE = "A question about doing it: here is the plan; nothing is done, even with --execute."
/** An order that can only be about a setting. */
/**
 * "set" or "change" opening an order, not "set up" (an install of a program unless a setting is named) nor an option
 * path with no value (instructions, read by the path's own phrases when a value follows); vaguer verbs ("tweak",
 * "customise") are asked first, by settingOrderIn.
 */
const ANY_CHANGE_FIRST = /^(?:set|change) (?!up\b)(?![^ ]*\.[a-z])/
const TURNS_ON_OR_OFF = /^(?:enable|activate|turn on|switch on|disable|deactivate|turn off|switch off) /
/** Words right after an order's verb that make the verb the subject of a statement. */
const VERB_AS_SUBJECT = /^(?:is|are|was|were|has|had|does|did|do|does not|did not|fails|failed|failing|keeps|kept|hangs|hung|breaks|broke|crashes|crashed|seems|seemed|takes|took|never|always|sometimes|should|would|will|cannot|can not|leaves|left|gives|gave|stopped|stops|works|worked|throws|threw)\b/
/** "rollback is broken", "update keeps failing": the order's verb is what the sentence is about, not an order. */
export const verbIsSubject = (text: string): boolean => ORDER_AS_SUBJECT.test(text)
const ORDER_AS_SUBJECT = lean(new RegExp(String.raw`^(?:roll back|rollback|undo|revert|update|upgrade|install|reinstall|uninstall|remove|removal|clean up|cleanup|garbage collection|gc|rebuild|switch|downgrade) ` + VERB_AS_SUBJECT.source.slice(1)))
/** "... on nixos", "... with nix": Nix as where something runs, not what is asked about. */
const NIX_AS_PLACE = /\s(?:on|in|under|with|for|using) (?:nix|nixos|nixpkgs)\b.*$/
const explicitExplainVerbs: ReadonlySet<string> = new Set(["explain", "explain to me", "define", "eli5", "teach me about", "help me understand", "can you explain", "meaning of"])

/** "a package", "any package", "a package by attribute path": no package named. */
const GENERIC_OBJECT = /^(?:package|packages|pkg|pkgs|program|programs|app|apps|application|applications|software|something|anything)(?:$| (?:by|with|from|using|via|in|on|installed|that|which|i|you)\b)/
/** Words before a generic object that name none either: "new pkgs", "some other programs", "a specific package". */
const SOME = /^(?:(?:a|an|the|some|any|new|more|other|extra|additional|my|few|a few|several|specific|particular|single|certain|given|individual|only|just|one) )+/
/** No package named: "a package", "new pkgs in this system", "only one package", "one". */
const genericObject = (words: string): boolean => {
  const w = `${words} `.replace(SOME, "").trim()
  return w === "" || GENERIC_OBJECT.test(w)
}
/**
 * "all unused programs", "every package installed by default": all things of a kind said by what they are (unused,
 * installed by default), none named. ("remove all my packages" is refused as it is: everything is never removed.)
 */
const ALL_OF_A_KIND = /^(?:all|every|each)(?: (?:of|the|my|those|these))*(?: (?:unused|unneeded|unnecessary|default|preinstalled|pre-installed|extra|other|old))+ (?:package|packages|pkgs|program|programs|app|apps|application|applications|software|stuff|things|tools)\b|^(?:all|every|each) (?:\S+ ){0,3}(?:installed|shipped|included|that (?:came|come|comes)) by default\b/
const HOW_TOPIC: Readonly<Record<string, string>> = { remove: "uninstall", install: "install", update: "update" }
/** How installing, removing or updating is done, explained (a question or a task with nothing named). */
const howItIsDone = (kind: string, text: string): Draft =>
  draft("explain", { query: [...new Set([HOW_TOPIC[kind] ?? kind, ...topicOf(text).split(" ")])].filter((w) => w !== "").join(" ") }, 0.7)

/** The verb of an action asked about as a gerund ("how do you go about installing x"). */
const GERUND_VERB: Readonly<Record<string, string>> = {
  installing: "install", reinstalling: "reinstall", uninstalling: "uninstall", removing: "remove", deleting: "delete",
  updating: "update", upgrading: "upgrade", cleaning: "clean", enabling: "enable", disabling: "disable",
  configuring: "configure", "rolling back": "roll back", reverting: "revert", rebuilding: "rebuild",
  adding: "add", "getting rid of": "get rid of", "garbage collecting": "garbage collect", "setting up": "set up"
}
const GERUND = /^(installing|reinstalling|uninstalling|removing|deleting|updating|upgrading|cleaning|enabling|disabling|configuring|rolling back|reverting|rebuilding|adding|getting rid of|garbage collecting|setting up)(?= |$)/
/** An action named as a thing done ("how to do updates", "how do i perform an upgrade", "install updates"). */
const NOMINAL = /^(?:do|perform|run|make|apply|install|get) (?:an |a |the |some |all |any )?(?:available |latest |new )?(update|updates|upgrade|upgrades|rollback|rollbacks|rebuild|rebuilds|cleanup|cleanups|clean up|clean-up)(?= |$)/
const NOMINAL_VERB: Readonly<Record<string, string>> = {
  update: "update everything", updates: "update everything", upgrade: "upgrade everything", upgrades: "upgrade everything", rollback: "roll back", rollbacks: "roll back",
  rebuild: "rebuild", rebuilds: "rebuild", cleanup: "clean up", cleanups: "clean up", "clean up": "clean up", "clean-up": "clean up"
}
/** "install packages like x", "remove apps such as y": an order about a kind of thing, with an example. */
const LIKE_EXAMPLE = /^(install|uninstall|remove|update|upgrade|try) (?:a |some |other |more )?(?:package|packages|program|programs|app|apps|application|applications|tool|tools|software) (?:like|such as) /
/** "do the equivalent of ...": what follows is the order asked about. */
const EQUIVALENT_OF = /^(?:do|get|run|use) the (?:nix |nixos )?equivalent (?:of|to|for) /
/** "how can i make nixos delete old generations", "how do i get nix to update": the order given to Nix is the one asked about. */
const MAKE_NIX = /^(?:make|get|have|let|tell) (?:nix|nixos|nix-env|nixos-rebuild|home-manager|my system|the system|my nixos) (?:to )?(?=[a-z])/
/** Another package manager's "upgrade everything" ("pacman -Syu", "apt upgrade", "brew upgrade"). */
const FOREIGN_UPGRADE = /^(?:sudo )?(?:pacman -s(?:yu|uy|yyu|yuu)|(?:apt|apt-get) (?:update (?:and |&& |; )?(?:sudo )?(?:apt|apt-get) )?(?:dist-|full-)?upgrade|brew (?:update (?:and |&& |; )?brew )?upgrade|dnf (?:upgrade|update)|yum (?:upgrade|update)|zypper (?:up|update|dup)|flatpak update|snap refresh)(?= |$)/
/** The words after a question frame as an order: a gerund, a named action or another tool's upgrade becomes the verb. */
const asOrder = (asked: string): string => {
  const rest = asked.replace(EQUIVALENT_OF, "").replace(MAKE_NIX, "").replace(/^go about (?=\w+ing(?: |$))/, "")
  const f = FOREIGN_UPGRADE.exec(rest)
  if (f !== null) return `update everything${rest.slice(f[0].length)}`
  // "install packages like firefox": the example is the package asked about
  const example = LIKE_EXAMPLE.exec(rest)
  if (example !== null) return `${example[1]!} ${rest.slice(example[0].length)}`
  const g = GERUND.exec(rest)
  if (g !== null) return `${GERUND_VERB[g[1]!]!}${rest.slice(g[1]!.length)}`
  const n = NOMINAL.exec(rest)
  return n === null ? rest : `${NOMINAL_VERB[n[1]!]!}${rest.slice(n[0].length)}`
}

/**
 * Text -> a draft intent, before package words are read. (Asked once per text and depth in a request: the
 * readings of one request often reach the same words, ./perRequest.ts.)
 */
export const understand = (text: string, depth = 0): Draft | undefined => (depth === 0 ? understandTop(text) : understandInner(text))

/** Two things set side by side ("Stable vs unstable channel"), not alternatives of an order ("with nix-env or home-manager"). */
const COMPARED = /\s(?:vs\.?|versus)\s/

/**
 * Whether the words asked about say more than a built-in topic does: one of them (less function words and
 * Nix itself) is not one of the topic's words, in either number ("flakes vs channels": channels; "how do
 * overlays work": nothing more). Such words are kept in the query after the topic's.
 */
const saysMore = (asked: string, topic: string): boolean => {
  const known = new Set(topic.split(" "))
  return topicOf(asked, 8).split(" ").some((w) =>
    !/^nix(?:os|pkgs)?$/.test(w) && !known.has(w) && !known.has(w.replace(/s$/, "")) && !known.has(w.replace(/es$/, "")) && !known.has(`${w}s`))
}

const understandText = (text: string, depth: number): Draft | undefined => {
  if (text === "") return undefined
  const plain = text.includes(",") ? text.replace(/ ?, ?/g, " ") : text
  // (split once for the phrases and the question frames below)
  const prepared = prepare(plain)
  for (const { phrase, slots } of matchPhrases(plain, prepared)) {
    if (phrase.kind === "explain") {
      if (phrase.accept !== undefined && !phrase.accept(slots)) continue
      const q = slots["query2"] !== undefined ? `${slots["query"]} vs ${slots["query2"]}` : slots["query"] ?? "nix"
      // "flakes vs channels": the pair when it is a topic, else the first of the two
      // (when the first is a topic: "should i use nix-env" is not, and the next phrase reads it)
      // ("Stable vs unstable channel": two things compared, the second a topic; "or" joins alternatives
      // of an order too, "with nix-env or home-manager", so only a comparison reads the second alone)
      const e = explain(q) ?? (slots["query2"] !== undefined
        ? explain(`${slots["query2"]} vs ${slots["query"]}`) ?? explain(slots["query"] ?? "") ??
          (COMPARED.test(plain) ? explain(slots["query2"]) : undefined)
        : undefined)
      // "How do Nix builds work?", "How does poetry2nix work?": a Nix thing without a built-in topic
      if (e === undefined) {
        // (not "the nix way to install vscode", "firefox called in nixpkgs": Nix is only the context there)
        const asked = q.replace(/\s(?:in|on|for|with|from|using|under) (?:nix|nixos|nixpkgs)$/, "")
        // (a single name after "what is" is a package to ask about: "what is home-manager" is info;
        // "how does home-manager work", "what does home-manager do" ask what a Nix tool does: explained)
        if (!aboutNix(asked) || (!asked.includes(" ") && /^what(?:s|'s| is| are) /.test(plain)) || asked.split(" ").length > 4 || /\b(?:to|way|command|called|named)\b/.test(asked)) continue
        return draft("explain", { query: topicQuery(q) }, 0.75)
      }
      // "How does poetry2nix work?", "flakes vs channels": the topic, and the words asked about that it does not say
      return draft("explain", { query: saysMore(q, e.topic) ? topicQuery(q) : e.topic }, phrase.confidence ?? 0.9)
    }
    const pk = phrase.kind
    // "is there a way to install x": left to the question frames below, which answer it as a question about x
    const slot = slots["query"] ?? slots["pkgs"] ?? ""
    if ((pk === "search" || pk === "info") && (HOW_TO_SLOT.test(slot) || WAY_TO_LOOK_SLOT.test(slot) || FOREIGN_COMMAND_SLOT.test(slot) || waysToAct(slot))) continue
    // "any idea how to update my system", "what command do i use to delete old generations": a question frame asks it
    if ((pk === "search" || pk === "info" || pk === "provides") && ASKS_HOW_SLOT.test(slots["query"] ?? slots["pkgs"] ?? "")) continue
    // "is there a way to pin nixpkgs in a flake?": a way of doing something in Nix is explained, not a program looked for
    // ("is there a tool to convert pdf to images" is)
    if (pk === "search" && WAY_TO.test(plain)) {
      const q = slots["query"] ?? ""
      if (aboutNix(q) || knownTopic(q) !== undefined) return draft("explain", { query: topicQuery(q) }, 0.75)
    }
    // A phrase that expects a negation expects it in its fixed words: "i don't use x anymore, but don't remove it"
    if (phrase.negated === true && slots["pkgs"] !== undefined && slots["pkgs"].split(" ").some((w) => negationWords.has(w))) continue
    if (phrase.pointsBack === true && slots["pkgs"] !== undefined) {
      const after = plain.slice(plain.indexOf(slots["pkgs"]) + slots["pkgs"].length)
      if (after.split(" ").some((w) => pointsBackBreaks.has(w))) continue
    }
    if (phrase.accept !== undefined && !phrase.accept(slots)) continue
    // "Enable hardware acceleration", "enable ip forwarding": the configure intent's own "enable {what}"
    // names no setting; a setting in words the options know is one (else "Which setting?" is asked)
    if (pk === "configure" && slots["what"] !== undefined) {
      const setting = settingInOptionWords(plain)
      if (setting !== undefined) return setting
    }
    if (slots["pkgs"] !== undefined && readsOf(pk) === "packages") {
      // "is it safe to ..." is not a question about a package called "it": try the next phrase
      const r = readObject(slots["pkgs"], { everything: pk === "update" })
      if (r._tag === "unclear" || r._tag === "empty") continue
    }
    return draft(phrase.kind, phrase.setting !== undefined ? { ...slots, setting: phrase.setting } : slots, phrase.confidence ?? 0.9, {
      negated: phrase.negated === true || phrase.kind === "try",
      scope: phrase.scope,
      mode: phrase.mode,
      action: phrase.action,
      pointsBack: phrase.pointsBack === true,
      forUser: phrase.forUser,
      notes: phrase.note !== undefined ? [phrase.note] : [],
      question: phrase.question === true && isMutatingKind(phrase.kind)
    })
  }
  // (the text as it is, split once for the question frames and the setting frames below)
  let asIs: Prepared | undefined
  if (depth === 0) {
    // Split once for all frames: every request that no phrase matched ("install firefox") passes here
    const p = (asIs = plain === text ? prepared : prepare(text))
    for (const { item, pattern: frame } of frames().candidates(p)) {
      const s = frame.match(p)
      if (s === undefined) continue
      // "instructions for adding spotify" asks how; "documentation for firefox" asks about firefox
      if (item.gerundOnly && !GERUND.test(s["rest"] ?? "")) continue
      // "is there a way to easily switch to plasma": the manner is not the request
      const rest = asOrder((s["rest"] ?? "").replace(/^(?:\w+ly|just|really|even) /, ""))
      const inner = understand(stripFillers(rest).text, 1)
      // "how can i enable ip forwarding": a setting in words the options know, not an install of "ip forwarding"
      // (an order only an ambiguous verb gives, "how do i set up zsh", is read as it is)
      if (inner === undefined || (!readsSetting(inner) && TURNS_ON_OR_OFF.test(rest))) {
        const setting = settingInOptionWords(stripFillers(rest).text)
        if (setting !== undefined) return { ...setting, question: true, notes: [...setting.notes, QUESTION_NOTE] }
        // (another frame may still read it: "how do you guys update nixos" is not "how do you {guys update nixos}")
        if (inner === undefined) continue
      }
      if (readsOf(inner.kind) === "packages" && isMutatingKind(inner.kind)) {
        const r = readObject(inner.slots["pkgs"] ?? "", { everything: true })
        // a way of doing it in Nix ("how do i install a package from unstable", "how to use nix shell",
        // "how do i use pkgs.unstable with home-manager"): explained; Nix named as where it runs does not count
        const nixWay = aboutNix(rest.replace(NIX_AS_PLACE, "")) || knownTopic(rest) !== undefined
        // "how to remove any package", "how do i install new pkgs": how it is done, nothing named
        if (r._tag === "category" && genericObject(r.query)) return howItIsDone(inner.kind, text)
        // ("how do i install new pkgs in this system", "how to remove some programs on my laptop": no package named either)
        if (r._tag !== "packages" && (inner.slots["pkgs"] ?? "") !== "" && inner.kind !== "update" && genericObject(inner.slots["pkgs"] ?? "")) return howItIsDone(inner.kind, text)
        // "how do i install a pdf viewer": the programs to pick from
        if (r._tag === "category") return nixWay ? draft("explain", { query: topicQuery(rest) }, 0.75) : draft("search", { query: r.query }, 0.8)
        // "how do i use git", "unable to use prisma on nixos" ask about it, not for it
        if (r._tag === "packages" && /^(?:use|using|run|running|play) /.test(rest)) {
          return nixWay ? draft("explain", { query: topicQuery(rest) }, 0.75) : draft("info", inner.slots, 0.8)
        }
        // "how do i install a package from unstable": the way to do it in Nix; words that name nothing: no reading here
        if (r._tag === "unclear") {
          if (aboutNix(rest) || knownTopic(rest) !== undefined) return draft("explain", { query: topicQuery(rest) }, 0.75)
          break
        }
        // ("how do i update?", "the best way to go about updating": everything is updated, as "update" alone does;
        // "is it ok to update now", "do i need to update?" ask for advice, not for the way)
        const howToUpdate = r._tag === "empty" && /\b(?:how|way|ways|method|command)\b/.test(text)
        if (r._tag !== "packages" && !((r._tag === "everything" || howToUpdate) && inner.kind === "update")) {
          // "how do i uninstall?", "no idea how to uninstall it": how removing works (a package, or Nix itself);
          // "..., how can i use it?" about a Nix thing: explained; anything else: what ask-nix understands
          if (inner.kind === "remove") return draft("explain", { query: `uninstall ${topicOf(text)}`.replace(/ uninstall$/, "") }, 0.7)
          if (aboutNix(text) || knownTopic(text) !== undefined) return draft("explain", { query: topicQuery(text) }, 0.7)
          return draft("help", {}, 0.8)
        }
      }
      // "how do i install firefox": the plan is the answer, never carried out; "how do i not ..." is not asked
      if (isMutatingKind(inner.kind)) {
        // "how do i not install x" is not asked; "update inputs without repinning nixpkgs" is
        return rest.split(" ").slice(0, 2).some((w) => negationWords.has(w))
          ? draft("help", {}, 0.8)
          : { ...inner, question: true, notes: [...inner.notes, QUESTION_NOTE] }
      }
      return inner
    }
  }
  if (depth === 0) {
    // "Would like to enable hibernation", "where do i set the timezone": a setting in the ways people ask for one
    const framed = settingInFrame(text, (rest) => understand(stripFillers(rest).text, 1), asIs)
    if (framed !== undefined) return framed.question === true ? { ...framed, notes: [...framed.notes, QUESTION_NOTE] } : framed
  }
  if (depth === 0) {
    // "enabel bluetooth", "collect garbige every week": a setting's words misspelt
    const fixed = fixSettingWords(text)
    const inner = fixed === undefined ? undefined : understand(fixed.text, 1)
    if (fixed !== undefined && inner?.kind === "configure") {
      return {
        ...inner,
        confidence: Math.min(inner.confidence, 0.85),
        notes: [...fixed.corrections.map(readAsNote), ...inner.notes],
        corrections: [...fixed.corrections, ...inner.corrections]
      }
    }
  }
  // "Set git username and email", "change the console font": a verb of any change with no value, every word one the
  // options know (the verb alone would take anything: "change my mind"; settingInOptionWords asks every word of it)
  if (depth === 0 && ANY_CHANGE_FIRST.test(plain)) {
    const setting = settingInOptionWords(plain, true, true)
    if (setting !== undefined) return setting
  }
  const v = matchVerb(text)
  if (v !== undefined) {
    const corrections = v.correctedTo !== undefined ? [{ from: v.verb, to: v.correctedTo }] : []
    const notes = corrections.map(readAsNote)
    // A verb that is also an everyday word ("include slow") is read, but asked about first.
    const everyday = v.correctedTo === undefined && isAsking(v.kind, v.verb)
    const confidence = everyday ? CONFIDENCE_THRESHOLD : v.correctedTo !== undefined ? 0.85 : 0.95
    const takesQuery = readsOf(v.kind) === "query"
    if (v.kind === "explain") {
      const e = explain(v.rest)
      if (e !== undefined) return draft("explain", { query: e.topic }, 0.9)
      if (explicitExplainVerbs.has(v.verb) && v.rest !== "") return draft("explain", { query: v.rest }, 0.7, { notes: ["No built-in explanation matches; showing what I can."] })
      return draft("info", { pkgs: v.rest }, 0.75)
    }
    // "Uninstall a package by attribute path": a task named with no package, answered with how it is done
    if ((v.kind === "install" || v.kind === "remove") && v.correctedTo === undefined) {
      const r = readObject(v.rest, { everything: false })
      if (r._tag === "category" && GENERIC_OBJECT.test(r.query) && r.query.includes(" ")) return howItIsDone(v.kind, text)
      // "remove all unused programs from my nixos installation": every program of a kind is never removed as one order
      if (v.kind === "remove" && ALL_OF_A_KIND.test(v.rest)) return howItIsDone(v.kind, text)
    }
    // "Set up GPU passthrough": no package named, but a setting in words the options know
    if (depth === 0 && isMutatingKind(v.kind) && !takesQuery && readObject(v.rest, { everything: false })._tag === "unclear") {
      const setting = settingInOptionWords(text)
      if (setting !== undefined) return setting
    }
    const asked = everyday && isMutatingKind(v.kind) ? [`"${v.verb}" is also an everyday word: I will ask before doing it.`] : []
    return draft(v.kind, takesQuery ? { query: v.rest } : { pkgs: v.rest }, confidence, { notes: [...notes, ...asked], corrections, verb: v.verb })
  }
  return undefined
}

const understandTop = oncePerRequest((text) => understandText(text, 0))
const understandInner = oncePerRequest((text) => understandText(text, 1))
