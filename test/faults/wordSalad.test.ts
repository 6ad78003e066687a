/**
 * Word salad (issue 17, item 4): random sequences of real words — the words of the project's own
 * request corpus, the fixture package names, and the verbs — must not become a change that is carried
 * out without asking. The only sequences allowed to act are plain orders: a verb of the verb table
 * (not one of those that are also everyday words, `asks`), then packages the index knows, with
 * politeness around. Checked with the fixture set's package index, as `--file` users have it.
 *
 * A change that names a word the index does not know cannot act: Nix refuses to install a package the
 * set does not have, and remove/update refuse a name that is not installed — the whole request, not
 * only that word (test/faults/names.test.ts runs such requests through the binary on real Nix). So
 * the sequences that count are those whose packages the index all knows.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { type Intent, isMutating } from "../../src/domain/Intent.js"
import { toNameResolver } from "../../src/domain/index/toNameResolver.js"
import { verbs } from "../../src/domain/parse/grammar/verbs.js"
import type { VerbEntry } from "../../src/domain/parse/grammar/types.js"
import { actsWithoutAsking, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { memIndex, rec } from "../index/records.js"
import { recordFaults } from "./support.js"

const fixturePackages = ["greet", "hello", "broken", "slow"]
const names = toNameResolver(memIndex(fixturePackages.map((p) => rec(p, { description: `${p} (test package)` }))))

const corpusWords = [...new Set(readFileSync(join(__dirname, "../corpus/nl-own.tsv"), "utf8").split("\n")
  .filter((l) => l !== "" && !l.startsWith("#"))
  .flatMap((l) => (l.split("\t")[0] ?? "").toLowerCase().split(/\s+/))
  .filter((w) => /^[a-z]+$/.test(w)))].sort()
const changeVerbs = ["install", "remove", "uninstall", "update", "upgrade", "add", "delete", "get", "include", "erase", "purge", "drop"]

const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}

type ChangeKind = "install" | "remove" | "update"
/** Telegraphic orders the grammar reads on purpose ("updating greet"). */
const gerunds: Record<ChangeKind, ReadonlyArray<string>> = {
  install: ["installing", "adding", "reinstalling"], remove: ["removing", "uninstalling", "deleting"], update: ["updating", "upgrading"]
}
const entry = (kind: ChangeKind): VerbEntry => verbs[kind]
const verbOf = (kind: ChangeKind, word: string) =>
  (entry(kind).words.includes(word) && !(entry(kind).asks ?? []).includes(word)) || (entry(kind).typos ?? []).includes(word) ||
  gerunds[kind].includes(word)
const leadingPolite = new Set(["please", "hello", "hi", "hey", "ok", "so", "just", "now", "completely", "fully"])

/**
 * May this reading of these words act without asking? Only a plain order: the first word after
 * politeness is a verb of the intent's kind (as written or a known misspelling), and every package
 * acted on is a package of the set that the request names as written. Rollbacks and cleans are
 * allowed when the request holds one of their command words.
 */
const plainOrder = (words: ReadonlyArray<string>, intent: Intent): boolean => {
  const core = [...words]
  while (core.length > 1 && leadingPolite.has(core[0]!)) core.shift()
  const first = core[0] ?? ""
  const pkgs = "packages" in intent ? intent.packages : []
  const named = pkgs.every((p) => fixturePackages.includes(p) && words.includes(p))
  switch (intent._tag) {
    case "install": case "remove": case "update": return verbOf(intent._tag, first) && named
    case "try": return ["run", "execute", "launch", "start", "try"].includes(first) && named
    case "rollback": return words.some((w) => ["revert", "rollback", "undo", "back"].includes(w))
    case "clean": return words.some((w) => ["gc", "clean", "cleanup", "garbage", "trim", "prune"].includes(w))
    // a setting: an order that starts with its verb (what it names is resolved against the real options
    // before anything is written, and a name that is no option is refused there)
    case "configure": return ["enable", "activate", "disable", "deactivate", "turn", "switch", "set", "change", "allow", "disallow", "forbid"].includes(first)
    default: return false
  }
}

describe("word salad", () => {
  it("1,500 random sequences of real words: none is a change carried out without asking, unless it is a plain order", () => {
    const r = rng(17)
    const pick = <T>(a: ReadonlyArray<T>) => a[Math.floor(r() * a.length)]!
    const acted: Array<string> = []
    let plain = 0
    for (let i = 0; i < 1500; i++) {
      const n = 1 + Math.floor(r() * 5)
      const words = Array.from({ length: n }, () => {
        const x = r()
        return x < 0.2 ? pick(changeVerbs) : x < 0.4 ? pick(fixturePackages) : pick(corpusWords)
      })
      const u = parseRequest(words.join(" "), { names })
      if (plainOrder(words, u.intent)) { plain++; continue }
      const pkgs = "packages" in u.intent ? u.intent.packages : []
      const canAct = pkgs.every((p) => names.exists(p))
      if (isMutating(u.intent) && actsWithoutAsking(u.confidence) && canAct) acted.push(`${words.join(" ")} -> ${u.intent._tag} ${u.confidence}`)
    }
    recordFaults("word salad (1,500 random sequences)", 1500, acted.length)
    expect(acted).toEqual([])
    expect(plain).toBeGreaterThan(0)
  })

  it("the reported ones ask first", () => {
    const reported = ["greet uninstall", "include slow", "slow install"]
    const acting = reported.filter((text) => {
      const u = parseRequest(text, { names })
      return isMutating(u.intent) && actsWithoutAsking(u.confidence)
    })
    recordFaults("word salad, the reported requests", reported.length, acting.length)
    expect(acting).toEqual([])
  })

  it("a confidence exactly at the threshold does not act", () => {
    expect(actsWithoutAsking(0.6)).toBe(false)
    expect(actsWithoutAsking(0.61)).toBe(true)
  })
})
