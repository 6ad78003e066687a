/** Our own corpus (test/corpus/nl-own.tsv): every row, with the real index and without one. */
import { beforeAll, describe, expect, it } from "vitest"
import * as path from "node:path"
import { isMutating, kindMutates } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames, repoRoot } from "./channelNames.js"
import { mismatch, readCorpus } from "./corpus.js"

const rows = readCorpus(path.resolve(repoRoot, "test/corpus/nl-own.tsv"))

describe("nl-own.tsv", () => {
  let names: NameResolver
  beforeAll(async () => { names = await channelNames() })

  it("is large and varied", () => {
    expect(rows.length).toBeGreaterThanOrEqual(450)
    const kinds = new Set(rows.flatMap((r) => r.intents))
    for (const k of ["install", "remove", "update", "search", "list", "rollback", "generations", "clean", "info", "try", "provides", "explain", "help", "unknown", "rebuild"]) {
      expect(kinds).toContain(k)
    }
    const nearMisses = rows.filter((r) => r.intents.every((i) => !["install", "remove", "update"].includes(i)) && r.intents.includes("unknown"))
    expect(nearMisses.length).toBeGreaterThanOrEqual(80)
  })

  it("every row passes without an index", () => {
    const failures = rows.filter((r) => !r.flags.has("index")).flatMap((r) => {
      const why = mismatch(r, parseRequest(r.text))
      return why === undefined ? [] : [`line ${r.line} "${r.text}": ${why}`]
    })
    expect(failures).toEqual([])
  })

  it("every row passes with the package index", () => {
    const failures = rows.filter((r) => !r.flags.has("noindex")).flatMap((r) => {
      const why = mismatch(r, parseRequest(r.text, { names }))
      return why === undefined ? [] : [`line ${r.line} "${r.text}": ${why}`]
    })
    expect(failures).toEqual([])
  })

  it("near-misses are never mutating, with or without the index", () => {
    const near = rows.filter((r) => r.intents.every((i) => !kindMutates(i)))
    for (const r of near) {
      expect(isMutating(parseRequest(r.text).intent), r.text).toBe(false)
      expect(isMutating(parseRequest(r.text, { names }).intent), r.text).toBe(false)
    }
  })
})
