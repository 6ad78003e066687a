/**
 * "How to find which packages provide certain files", "which package provides a certain file": the way to
 * find the package that has a file, asked with no file named. A lookup of "certain files" finds nothing;
 * the answer is how such lookups are done (nix-locate, command-not-found).
 */
import { Explain, type Understood } from "../Intent.js"

/** Words of a query that name no file: a verb of having, determiners, vague adjectives, kinds of files. */
const VERB = /^(?:provides?|contains?|ships?|has|have|owns?|includes?|gives?)$/
const VAGUE = /^(?:a|an|the|some|certain|specific|particular|given|any|random|arbitrary|files?|commands?|binar(?:y|ies)|executables?|librar(?:y|ies)|programs?|paths?)$/
const KIND = /^(?:files?|commands?|binar(?:y|ies)|executables?|librar(?:y|ies)|programs?|paths?)$/
const ADJECTIVE = /^(?:certain|specific|particular|given|random|arbitrary)$/

const NAMED_FILE = /\w[./]\w/

/** The query's leading words name a kind of file and no file ("provide certain files and ...", "certain"). */
const namesNoFile = (query: string, provides: boolean): boolean => {
  const words = query.split(" ")
  let i = VERB.test(words[0] ?? "") ? 1 : 0
  // a lookup of packages (search) is only about files when it says what they provide
  if (!provides && i === 0) return false
  let vague = false
  while (i < words.length && VAGUE.test(words[i]!)) { vague ||= KIND.test(words[i]!) || ADJECTIVE.test(words[i]!); i++ }
  // what follows the kind of file says something else ("and have good integration with the shell")
  return vague && (i === words.length || words[i] === "and" || words[i] === "with" || words[i] === "that")
}

/** The reading of such a lookup: how to find which package has a file. */
export const providesUnnamed = (u: Understood, text: string): Understood | undefined => {
  const i = u.intent
  if (i._tag !== "provides" && i._tag !== "search") return undefined
  // (a file or a path named somewhere in the sentence is what is asked about: "has the file libfoo.so")
  if (NAMED_FILE.test(text)) return undefined
  if (!namesNoFile(i.query.toLowerCase(), i._tag === "provides")) return undefined
  return {
    intent: new Explain({ query: "command-not-found nix-locate" }, true), confidence: 0.8, corrections: [],
    notes: ["No file is named: here is how to find which package provides a file."]
  }
}
