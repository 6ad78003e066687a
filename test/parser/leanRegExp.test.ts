/**
 * lean() keeps a regular expression's matches exactly while cutting its machine code (src/domain/parse/leanRegExp.ts).
 * Checked on the shapes it rewrites (groups with quantifiers, character classes, escapes, lookarounds, captures)
 * against every line of the corpora: the same match, index and groups, from every start. Fails when a lookahead
 * lands between a group and its quantifier (checked by moving it there), or inside a character class.
 */
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { lean, leanSource } from "../../src/domain/parse/leanRegExp.js"
import { repoRoot } from "./channelNames.js"
import { readCorpus } from "./corpus.js"

const texts = [
  ...readCorpus(path.resolve(repoRoot, "../shared/corpus/nl-dev.tsv")),
  ...readCorpus(path.resolve(repoRoot, "test/corpus/nl-own.tsv"))
].map((r) => r.text.toLowerCase())

const shapes: ReadonlyArray<RegExp> = [
  /\b(?:does|do|did|is|are)(?: not|n'?t) (?:work|start|show up|take effect)\b/,
  /^(?:(?!\b(?:because|since|as|when|if|it|and)\b)[^,])*\b(?:fails|failed|(?:is|was) broken|not working)\b/,
  /\b(?:add|adds|added)\b(?: \S+){1,6} to (?:the |our )?(?:(?!my\b)\S+ ){0,2}(?:script|task)s?\b/,
  /(?<!\b(?:before|until) )\b(?:i|we) (?:(?:have|had|just) )*(?:enabled|installed)\b/,
  /(?:^|\s)((?:npm|pip|home-?brew))\s+(?:global(?:ly)?\s+)?(packages?|modules?)(?=$|[\s?.!,])/i,
  /\((?:[()]|\)|[^)\]])+?\)[)(]?/g,
  /(\w+)(?: \1)+?/g,
  /\b(?:in|on) (?:the |all )(?:\S+ ){0,3}?(?:iso|images?)\b|^(?:allow|let) (?:\S+ ){1,4}to be (?:set|on)\b/
]

const sameEverywhere = (re: RegExp, text: string): void => {
  const a = new RegExp(re.source, re.flags)
  const b = lean(re)
  for (let from = 0; from <= text.length; from += re.global || re.sticky ? 1 : text.length + 1) {
    a.lastIndex = from
    b.lastIndex = from
    const x = a.exec(text)
    const y = b.exec(text)
    expect([y?.index, y === null ? null : [...y], b.lastIndex]).toEqual([x?.index, x === null ? null : [...x], a.lastIndex])
  }
}

describe("lean", () => {
  it("puts the lookahead after a group's quantifier, never inside a character class or after an escape", () => {
    expect(leanSource(String.raw`(?:ab)?c(d)*?e(?:f){1,3}[(x)]\(y\)`)).toBe(String.raw`(?:ab)?(?=)c(d)*?(?=)e(?:f){1,3}(?=)[(x)]\(y\)`)
    expect(leanSource("(?:a(?:b|c))d", 0)).toBe("(?:a(?:b|c))(?=)d")
  })

  it("matches exactly as the original, on every line of the corpora", () => {
    for (const re of shapes) for (const text of texts) sameEverywhere(re, text)
  })
})
