import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { infoAnswer, providesAnswer, searchAnswer } from "../../src/layers/index/answers.js"
import { toNameResolver } from "../../src/domain/index/toNameResolver.js"
import { makePackageIndex } from "../../src/layers/PackageIndexLive.js"
import { PackageIndex } from "../../src/services/PackageIndex.js"
import { memIndex, rec, SAMPLE } from "./records.js"

const r = memIndex(SAMPLE)
const IndexLayer = Layer.succeed(PackageIndex, makePackageIndex("/test/index", () => memIndex(SAMPLE)).service)

describe("lookup", () => {
  it("finds exact attribute paths, nested ones too, and details", () => {
    expect(r.lookup("python3Packages.requests")).toMatchObject({ attrPath: "python3Packages.requests", version: "2.22.0" })
    expect(r.lookup("spotify")).toMatchObject({ unfree: true, broken: false, insecure: false, license: ["unfree"], homepage: null })
  })
  it("ignores case only when that is unambiguous", () => {
    expect(r.lookup("networkmanager")?.attrPath).toBe("NetworkManager")
  })
  it("finds the one top-level package with a pname", () => {
    expect(r.lookup("network-manager")?.attrPath).toBe("NetworkManager")
    expect(r.lookup("postgresql")?.attrPath).toBe("postgresql")
  })
  it("does not guess between different packages", () => {
    const idx = memIndex([rec("a1", { pname: "tool", version: "1" }), rec("a2", { pname: "tool", version: "2" })])
    expect(idx.lookup("tool")).toBeUndefined()
    expect(r.lookup("nonexistent")).toBeUndefined()
    expect(r.lookup("")).toBeUndefined()
  })
})

describe("suggest", () => {
  it("offers close names for typos, best first", () => {
    expect(r.suggest("fierfox", 3)[0]).toBe("firefox")
    expect(r.suggest("tmxu", 3)[0]).toBe("tmux")
    expect(r.suggest("krta", 3)).toContain("krita")
    expect(r.suggest("python3Packages.reqests", 3)).toEqual(["python3Packages.requests"])
  })
  it("offers completions of a prefix", () => {
    expect(r.suggest("postgre", 3)[0]).toBe("postgresql")
  })
  it("returns nothing for nonsense, empty or huge input", () => {
    expect(r.suggest("qqqqqqqqqq", 3)).toEqual([])
    expect(r.suggest("", 3)).toEqual([])
    expect(r.suggest("x".repeat(10_000), 3)).toEqual([])
  })
})

describe("provides", () => {
  it("uses meta.mainProgram when present, as certain", () => {
    const idx = memIndex([rec("ripgrep", { mainProgram: "rg" }), rec("rg", { description: "something else" })])
    const hits = idx.provides("rg")
    expect(hits[0]).toMatchObject({ attrPath: "ripgrep", certain: true })
  })
  it("falls back on well-known commands and names, and says it is unsure", () => {
    const hits = r.provides("rg")
    expect(hits[0]).toMatchObject({ attrPath: "ripgrep", certain: false })
    expect(hits[0]!.reason).toContain("well-known")
    expect(r.provides("tmux")[0]).toMatchObject({ attrPath: "tmux", certain: false })
    expect(r.provides("/usr/bin/tmux")[0]!.attrPath).toBe("tmux")
  })
  it("returns nothing for empty or odd commands", () => {
    expect(r.provides("")).toEqual([])
    expect(r.provides("two words")).toEqual([])
  })
})

describe("NameResolver", () => {
  const resolver = toNameResolver(r)
  it("resolves exact attribute paths and unambiguous pnames only", () => {
    expect(resolver.exists("firefox")).toBe(true)
    expect(resolver.exists("Firefox")).toBe(false)
    expect(resolver.resolve("firefox")).toEqual({ attrPath: "firefox", how: "exact" })
    expect(resolver.resolve("networkmanager")).toEqual({ attrPath: "NetworkManager", how: "case" })
    expect(resolver.resolve("network-manager")).toEqual({ attrPath: "NetworkManager", how: "pname" })
    expect(resolver.resolve("fierfox")).toBeUndefined()
    expect(resolver.resolve("requests")).toBeUndefined() // only nested: python3Packages.requests is not top-level
  })
  it("suggests typo corrections", () => {
    expect(resolver.suggest("fierfox", 3)[0]).toBe("firefox")
  })
  it("knows nothing, instead of throwing, when the index is damaged", () => {
    const damaged = toNameResolver({
      findAttrPath: () => { throw new Error("boom") },
      findExactAttrPath: () => { throw new Error("boom") },
      suggest: () => { throw new Error("boom") }
    } as never)
    expect(damaged.exists("x")).toBe(false)
    expect(damaged.resolve("x")).toBeUndefined()
    expect(damaged.suggest("x", 3)).toEqual([])
  })
})

describe("answers", () => {
  it.effect("search answers with summaries", () => Effect.gen(function*() {
    const out = yield* searchAnswer("tmux", 3)
    expect(out._tag).toBe("Answer")
    if (out._tag !== "Answer" || out.answer._tag !== "search") throw new Error("not a search answer")
    expect(out.answer.results[0]).toEqual({ attrPath: "tmux", pname: "tmux", version: "1.0", description: "Terminal multiplexer" })
  }).pipe(Effect.provide(IndexLayer)))

  it.effect("search with an empty query answers with no results", () => Effect.gen(function*() {
    const out = yield* searchAnswer("  ")
    expect(out).toEqual({ _tag: "Answer", answer: { _tag: "search", query: "  ", results: [] } })
  }).pipe(Effect.provide(IndexLayer)))

  it.effect("info answers with details, and fails PackageNotFound with suggestions", () => Effect.gen(function*() {
    const out = yield* infoAnswer(["krita"])
    if (out._tag !== "Answer" || out.answer._tag !== "info") throw new Error("not an info answer")
    expect(out.answer.packages[0]).toMatchObject({ attrPath: "krita", description: "A free and open source painting application" })
    const missing = yield* Effect.either(infoAnswer(["krita", "krta"]))
    expect(Either.isLeft(missing) && missing.left).toMatchObject({ _tag: "PackageNotFound", name: "krta", suggestions: ["krita"] })
  }).pipe(Effect.provide(IndexLayer)))

  it.effect("provides says when it is unsure", () => Effect.gen(function*() {
    const out = yield* providesAnswer("rg")
    if (out._tag !== "Answer" || out.answer._tag !== "provides") throw new Error("not a provides answer")
    expect(out.answer.candidates[0]).toMatchObject({ attrPath: "ripgrep", certain: false })
    expect(out.answer.note).toContain("no file lists")
    const none = yield* providesAnswer("qqqqqqqq")
    if (none._tag !== "Answer" || none.answer._tag !== "provides") throw new Error("not a provides answer")
    expect(none.answer.candidates).toEqual([])
    expect(none.answer.note).toContain("No package")
  }).pipe(Effect.provide(IndexLayer)))
})

describe("term tables read from their bytes", () => {
  it("find terms and substrings in an ASCII table and in one with other characters alike", () => {
    const ascii = memIndex([...SAMPLE, rec("mupdf", { description: "A pdf viewer" })])
    const other = memIndex([...SAMPLE, rec("mupdf", { description: "A pdf viewer" }), rec("naïve-tool", { description: "A naïve tool" })])
    for (const keys of [ascii.keys, other.keys]) {
      expect(keys.indexOf("pdf")).toBe(keys.terms.indexOf("pdf"))
      expect(keys.indexOf("pdf", keys.indexOf("pdf") + 1)).toBe(keys.terms.indexOf("pdf", keys.terms.indexOf("pdf") + 1))
      expect(keys.term(keys.find("mupdf"))).toBe("mupdf")
      expect(keys.compareTerm(keys.find("mupdf"), "mupdf")).toBe(0)
    }
    expect(other.keys.indexOf("ïve")).toBe(other.keys.terms.indexOf("ïve"))
    expect(other.keys.indexOf("ïve")).toBeGreaterThan(0)
    expect(other.keys.term(other.keys.find("naïve-tool"))).toBe("naïve-tool")
    // A character outside ASCII is in no ASCII table (Buffer#indexOf would have cut "ï" to one byte).
    expect(ascii.keys.indexOf("ïve")).toBe(-1)
    expect(ascii.keys.indexOf("\u0170df")).toBe(-1)
    expect(ascii.search("pdf", 3).hits.map((h) => h.attrPath)).toEqual(other.search("pdf", 3).hits.map((h) => h.attrPath))
  })
})
