/** The classifier behind "Did you mean ...?" (issue 13): a proposal only, from the request's own words. */
import { describe, expect, it } from "vitest"
import { spawnSync } from "node:child_process"
import * as path from "node:path"
import { classify, featuresOf, type Model, toClassifier } from "../../src/domain/parse/classifier.js"
import { classifierJson } from "../../src/domain/parse/grammar/classifier.generated.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { secondOpinion } from "../../src/domain/parse/secondOpinion.js"
import { repoRoot } from "./channelNames.js"

const model = JSON.parse(classifierJson()) as Model

describe("the classifier", () => {
  it("reads words, word pairs, the first word and a question mark", () => {
    expect(featuresOf("How do I roll back?")).toEqual(["how", "how do", "do", "do i", "i", "i roll", "roll", "roll back", "back", "^how", "?"])
  })

  it("gives every kind a probability, summing to 1", () => {
    const r = classify(toClassifier(model), "my disk is full of old generations")
    expect(r.map((x) => x.kind).sort()).toEqual([...model.kinds].sort())
    expect(r.reduce((a, x) => a + x.p, 0)).toBeCloseTo(1, 6)
    expect(r[0]!.kind).toBe("clean")
  })

  it("is what the corpora train (scripts/gen-classifier.mjs --check)", () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, "scripts/gen-classifier.mjs"), "--check"], { encoding: "utf8" })
    expect(run.status, run.stdout + run.stderr).toBe(0)
  })
})

describe("the second opinion", () => {
  it("proposes a reading made of the request's own words", () => {
    expect(secondOpinion("Grub Theme Help", {})?.intent).toMatchObject({ _tag: "explain", query: "grub theme" })
    expect(secondOpinion("garbage piling up in store", {})?.intent._tag).toBe("clean")
  })

  it("is only asked when the grammar reads nothing, and never proposes a change against a negation", () => {
    expect(parseRequest("install firefox").suggestion).toBeUndefined()
    // ("Grub Theme Help" is about a system: explained by the fallback, test/parser/systemTopic.test.ts)
    const u = parseRequest("garbage piling up in store")
    expect(u.intent._tag).toBe("unknown")
    expect(u.suggestion?.intent._tag).toBe("clean")
    expect(parseRequest("please do not clean up the garbage piling up in store").suggestion).toBeUndefined()
  })

  it("proposes nothing for chit-chat or random keys", () => {
    for (const t of ["tell me a joke", "asdfghjkl", "i love you"]) expect(parseRequest(t).suggestion, t).toBeUndefined()
  })
})
