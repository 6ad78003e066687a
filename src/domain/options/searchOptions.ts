/**
 * Ranking options for what a person typed ("which option enables bluetooth", "ssh options", "time zone").
 * A word counts most in the option's name (its stem is a component or part of one: "ssh" in
 * "openssh"), less in its description (more in its first sentence, which says what the option is for),
 * weighted by rarity; options that hold every word come first; an "enable" question prefers the `enable`
 * switch of the module whose options speak most of the words ("touchpad", "scanner"); deep names, `<name>`
 * placeholders and read-only options rank lower; a large module (services.openssh has 20 options) breaks ties.
 */
import { isPlaceholder } from "./OptionRecord.js"
import { findName, type OptionsTable, parentOf } from "./OptionsTable.js"
import { Field, POSTING_BITS } from "./postings.js"
import { stem, textWords } from "./words.js"
import { ownEntry } from "../ownEntry.js"

export interface OptionHit {
  readonly id: number
  readonly name: string
  readonly score: number
  /** How many of the query's words it holds. */
  readonly matched: number
}

/**
 * Words that say how something is asked (or where, or why), not what: questions, requests, the words of
 * issue titles ("fix:", "feat", "todo"), and the names of the configuration itself.
 */
const questionWords = new Set([
  "which", "what", "where", "how", "why", "option", "options", "setting", "settings", "the", "a", "an", "to", "my", "me",
  "i", "it", "this", "that", "there", "here", "is", "are", "be", "been", "was", "were", "do", "does", "did", "can",
  "could", "would", "should", "will", "for", "of", "in", "on", "at", "by", "from", "with", "without", "and", "or",
  "nix", "nixos", "config", "configuration", "configure", "configuring", "setup", "set", "up", "show", "find", "search",
  "list", "about", "please", "change", "want", "need", "add", "adding", "use", "using", "module", "modules", "service",
  "services", "default", "fix", "feat", "feature", "todo", "wiki", "get", "just", "really", "some", "not", "cannot",
  "can't", "unable", "doesn", "don", "work", "working", "works", "try", "trying", "after", "before", "when", "any"
])

/** Stems that ask to switch something on or off. */
const switchStems = new Set(["enabl", "disabl", "activat", "deactivat", "turn", "switch", "start", "stop", "us"])

/**
 * The stems of a query worth searching for (in order, without repeats). With `isComponent` and `isWord`, two words written
 * apart that the options write as one ("finger print" for fingerprint, "time zone" for timeZone) are that word,
 * unless both are whole components of names ("boot loader" is boot.loader).
 */
export const queryStems = (query: string, isComponent?: (stem: string) => boolean, isWord?: (stem: string) => boolean): ReadonlyArray<string> => {
  const out: Array<string> = []
  // "home manager" names the tool, not a setting
  const words = textWords(query.slice(0, 200).replace(/\bhome[\s-]manager\b/gi, " ")).filter((w) => !questionWords.has(w))
  for (let i = 0; i < words.length; i++) {
    let s = stem(words[i]!)
    const next = words[i + 1]
    if (next !== undefined && isComponent !== undefined && isWord !== undefined) {
      const joined = stem(words[i]! + next)
      if (isWord(joined) && (!isComponent(s) || !isComponent(stem(next)))) {
        s = joined
        i++
      }
    }
    if (!out.includes(s)) out.push(s)
  }
  return out
}

/** Does a stem name something in some option's name, or in what some option is for (its first sentence)? */
const hasPosting = (table: OptionsTable, bits: number) => (s: string): boolean => {
  const post = table.postings(s)
  if (post === undefined) return false
  for (const p of post) if (p & bits) return true
  return false
}

/**
 * What a query word may add to a name's word and still mean it: an ending ("scanning", "activation",
 * "automatic" for "auto"), not another word ("touchpad" is not "touch", "scanner" not "scan": they
 * found boot.loader.efi.canTouchEfiVariables and boot.hardwareScan).
 */
const ENDING = /^(?:s|es|d|ed|ing|ion|ions|ation|ations|al|ally|ic|matic|matically)$/
const isInflection = (term: string, rest: string): boolean => {
  // a doubled last letter ("scann", the stem of "scanning") goes with the ending after it
  const after = rest[0] === term[term.length - 1] ? rest.slice(1) : rest
  return ENDING.test(rest) || after === "" || ENDING.test(after)
}

const wComponent = 4.5
const wName = 4
const wPartial = 2.5
const wLead = 2
const wDescription = 1
/** Per word, for a module's switch: how many of the module's options speak of it (log2 of 1 + that, times its rarity). */
const wModule = 0.5

const weightOf = (bits: number): number =>
  bits & Field.component ? wComponent : bits & Field.name ? wName : bits & Field.lead ? wLead : wDescription

/**
 * A name's word that is the query's word: with a version number ("gnome" for gnome3, "plasma" for plasma5)
 * or a daemon's "d" ("libvirt" for libvirtd, "sane" for saned).
 */
const sameWord = (term: string, q: string): boolean => {
  const base = term.replace(/\d+$/, "")
  if (base !== term) return base.length >= 3 && stem(base) === q
  // ("tap" for "tapp", the stem of libinput's "tapping": a doubled last letter before an ending)
  if (term.length === q.length + 1 && term.startsWith(q) && term[term.length - 1] === q[q.length - 1]) return q.length >= 3
  return term.length >= 5 && term.endsWith("d") && term.slice(0, -1) === q
}

/**
 * The doer for the doing: "printer" for a component that is "printing" (services.printing), "scanner" for
 * "scanning". Only a whole component: "scanner" is not the "Scan" of boot.hardwareScan.
 */
const agentOf = (term: string, q: string): boolean => {
  if (term.length < 4 || !q.endsWith("er")) return false
  const root = q.slice(0, -2)
  return term === root || (root.length > 4 && root[root.length - 1] === root[root.length - 2] && term === root.slice(0, -1))
}

/**
 * The few everyday words the options data cannot give, for the options' own word: NixOS upgrades the system
 * where people update it (system.autoUpgrade), and speaks of touchpads, not trackpads.
 */
const SAME_AS: Readonly<Record<string, ReadonlyArray<string>>> = { updat: ["upgrad"], trackpad: ["touchpad"] }

export interface SearchOptions {
  /** The words ask for a switch whatever they say ("configure scanner" with no value is its module turned on). */
  readonly switch?: boolean
}

export const searchOptions = (table: OptionsTable, query: string, limit = 20, how: SearchOptions = {}): ReadonlyArray<OptionHit> => {
  const stems = queryStems(query, hasPosting(table, Field.component), hasPosting(table, Field.name | Field.lead))
  if (stems.length === 0) return []
  const wantsSwitch = how.switch === true || stems.some((s) => switchStems.has(s))
  /** Per module (an option's parent), the sum over the query's words of their rarity times log2(1 + its options holding the word). */
  const modules = new Map<string, number>()
  const content = stems.filter((s) => !switchStems.has(s) || stems.length === 1)
  const n = table.count
  const score = new Float64Array(n)
  const matched = new Uint8Array(n)
  const seen = new Uint8Array(n)
  const nameTerms = table.nameTerms()
  for (const word of content) {
    seen.fill(0)
    const best = new Float64Array(n)
    for (const q of [word, ...(ownEntry(SAME_AS, word) ?? [])]) {
      const exact = table.postings(q)
      const df = exact?.length ?? 0
      const idf = Math.log(1 + n / (1 + df))
      if (exact !== undefined) {
        const perModule = wantsSwitch ? new Map<string, number>() : undefined
        for (const p of exact) {
          const id = p >>> POSTING_BITS
          best[id] = Math.max(best[id]!, weightOf(p) * idf)
          seen[id] = 1
          // (a word of a name that is only part of one of its components, "click" of ClickHouse, is no sign of what
          // the module is about)
          if (perModule !== undefined && (p & Field.component || !(p & Field.name))) {
            const parent = parentOf(table.name(id))
            perModule.set(parent, (perModule.get(parent) ?? 0) + 1)
          }
        }
        for (const [parent, k] of perModule ?? []) modules.set(parent, (modules.get(parent) ?? 0) + idf * Math.log2(1 + k))
      }
      {
        for (const term of nameTerms) {
          // "ssh" ends "openssh", "docker" starts "dockerRegistry"; "automatic" for "auto" (autoUpgrade)
          if (term === q) continue
          const same = sameWord(term, q)
          const agent = !same && agentOf(term, q)
          const partial = same || agent || (q.length >= 4 && (term.startsWith(q) || term.endsWith(q))) ||
            (term.length >= 4 && q.startsWith(term) && isInflection(term, q.slice(term.length)))
          if (!partial) continue
          const post = table.postings(term)
          if (post === undefined) continue
          const partialIdf = Math.log(1 + n / (1 + post.length))
          for (const p of post) {
            if (!(p & Field.name) || (agent && !(p & Field.component))) continue
            const id = p >>> POSTING_BITS
            best[id] = Math.max(best[id]!, same || agent ? weightOf(p) * partialIdf : wPartial * Math.min(idf, partialIdf))
            seen[id] = 1
          }
        }
      }
    }
    for (let id = 0; id < n; id++) {
      if (seen[id]) {
        score[id] += best[id]!
        matched[id]++
      }
    }
  }
  const hits: Array<OptionHit> = []
  for (let id = 0; id < n; id++) {
    if (matched[id] === 0) continue
    const name = table.name(id)
    const parts = name.split(".")
    const coverage = matched[id]! / content.length
    let s = score[id]! + 6 * coverage * coverage
    s -= 0.8 * parts.length + parts.filter(isPlaceholder).length
    if (wantsSwitch && parts[parts.length - 1] === "enable") s += 3 + wModule * (modules.get(parentOf(name)) ?? 0)
    if (table.type(id).startsWith("list of") || table.type(id).startsWith("attribute set")) s -= 0.3
    s += 0.25 * Math.log2(1 + table.moduleSize(id))
    // an alias (services.sshd.enable) is found for the option it stands for, a little below the
    // options whose own names hold the words
    const target = table.aliasOf(id)
    const targetId = target === undefined ? -1 : findName(table, target)
    if (targetId >= 0) hits.push({ id: targetId, name: target!, score: s - 1, matched: matched[id]! })
    else hits.push({ id, name, score: s, matched: matched[id]! })
  }
  hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
  const seen2 = new Set<number>()
  return hits.filter((h) => !seen2.has(h.id) && seen2.add(h.id)).slice(0, limit)
}
