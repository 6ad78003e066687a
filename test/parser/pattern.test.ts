/** The phrase mini-language's gates: a pattern skips a request only when its regex could not match it. */
import { describe, expect, it } from "vitest"
import { compile, prepare, sharing } from "../../src/domain/parse/pattern.js"
import { PatternIndex } from "../../src/domain/parse/phraseIndex.js"

const matches = (pattern: string, text: string) => compile(pattern).match(prepare(text))

describe("pattern gates", () => {
  it("know the words a pattern can end with, through optional groups, and none after a slot or *", () => {
    expect(compile("{pkgs} (install|get|add) (it|them) [now|both|all]").last).toEqual(new Set(["it", "them", "now", "both", "all"]))
    expect(compile("(what|how) (is|are) {query} (mean|used for)").last).toEqual(new Set(["mean", "for"]))
    // pattern words are spelled out as requests are ("setup" -> "set up")
    expect(compile("{setting} (setup|config)").last).toEqual(new Set(["up", "config"]))
    expect(compile("remove {pkgs}").last).toBeUndefined()
    expect(compile("install {pkgs} *").last).toBeUndefined()
    expect(compile("[please] [now]").last).toBeUndefined()
  })

  it("let through every request the pattern matches, with or without its optional last words", () => {
    expect(matches("{pkgs} (install|get|add) (it|them) [now|both|all]", "firefox crashed install it")).toEqual({ pkgs: "firefox crashed" })
    expect(matches("{pkgs} (install|get|add) (it|them) [now|both|all]", "firefox crashed install it now")).toEqual({ pkgs: "firefox crashed" })
    expect(matches("{setting} (setup|config)", "zsh set up")).toEqual({ setting: "zsh" })
    expect(matches("install it", "install it")).toEqual({})
  })

  it("skip requests that hold the words but end otherwise", () => {
    expect(matches("{pkgs} (install|get|add) (it|them) [now|both|all]", "firefox crashed install it please")).toBeUndefined()
    expect(matches("{pkgs} (install|get|add) (it|them) [now|both|all]", "install it now, then tell me")).toBeUndefined()
  })
})

describe("patterns of one table", () => {
  it("share word sets and need groups equal in content, and still match as if compiled alone", () => {
    const shared = sharing()
    const a = compile("(install|add) {pkgs} now", shared)
    const b = compile("(install|add) the {pkgs} now", shared)
    const c = compile("(get|add) {pkgs}", shared)
    const d = compile("(add|get) {pkgs} now", shared)
    expect(b.first).toBe(a.first)
    expect(b.last).toBe(a.last)
    expect(b.needs[0]).toBe(a.needs[0])
    // the same words in another order are another set (a set's order is the order its words are tried in)
    expect(d.first).not.toBe(c.first)
    expect(d.first).toEqual(c.first)
    expect(compile("(install|add) {pkgs} now").first).not.toBe(a.first)
    expect(b.match(prepare("add the firefox now"))).toEqual({ pkgs: "firefox" })
    expect(b.match(prepare("add firefox now"))).toBeUndefined()
  })

  it("fail where a pattern is written when it is not a valid regex, though the regex is made on first use", () => {
    expect(() => compile("install {pkgs} and {pkgs}")).toThrow(SyntaxError)
  })
})

describe("the pattern index", () => {
  const patterns = ["{pkgs} (install|get|add) (it|them) [now|both|all]", "* (i|we) (cannot|could not) {rest}", "remove {pkgs}", "{pkgs} (has|have) to go"]
  const index = new PatternIndex(patterns.map((p) => ({ item: p, pattern: compile(p) })))
  const candidates = (text: string) => index.candidates(prepare(text)).map((e) => e.item)

  it("gives every pattern that matches, in the table's order", () => {
    for (const text of ["firefox crashed install it now", "sadly i cannot boot", "remove vim", "vim has to go", "remove it i cannot have it"]) {
      const matching = patterns.filter((p) => compile(p).match(prepare(text)) !== undefined)
      expect(matching.length).toBeGreaterThan(0)
      expect(candidates(text).filter((p) => matching.includes(p))).toEqual(matching)
    }
    expect(candidates("remove it i cannot install it")).toEqual([patterns[0], patterns[1], patterns[2]])
  })

  it("gives, from lists shared by many patterns, each candidate once and in the table's order", () => {
    // several patterns under one first word, one last word and one gate word (lists of more than one entry)
    const many = ["remove {pkgs} now", "remove the {pkgs} now", "(remove|delete) {pkgs} please now", "remove {pkgs} (cannot|could not) {rest}", "remove * (cannot|could not) {rest}",
      "* (cannot|could not) {rest}", "{pkgs} now", "remove it", "remove {pkgs}"]
    const table = new PatternIndex(many.map((p) => ({ item: p, pattern: compile(p) })))
    for (const text of ["remove vim now", "remove the vim now", "delete vim please now", "remove vim i cannot boot", "remove it", "it cannot boot now"]) {
      const matching = many.filter((p) => compile(p).match(prepare(text)) !== undefined)
      const found = table.candidates(prepare(text)).map((e) => e.item)
      expect(new Set(found).size).toBe(found.length)
      expect(found).toEqual(many.filter((p) => found.includes(p)))
      expect(found.filter((p) => matching.includes(p))).toEqual(matching)
    }
  })

  it("leaves out a pattern that ends with certain words for a request ending otherwise, and one whose rarer words are missing", () => {
    expect(candidates("install it now to go home please")).toEqual([])
    // ("i" is in most sentences: the pattern is gated by "cannot|could")
    expect(candidates("i want to try vim")).toEqual([])
  })
})
