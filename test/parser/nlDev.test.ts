/** The shared development corpus must pass completely, with the index and (where no correction is needed) without. */
import { beforeAll, describe, expect, it } from "vitest"
import * as path from "node:path"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames, repoRoot } from "./channelNames.js"
import { mismatch, readCorpus } from "./corpus.js"

const rows = readCorpus(path.resolve(repoRoot, "../shared/corpus/nl-dev.tsv"))
/** Rows whose package word is only right after a correction against the index. */
const needsIndex = new Set(["install pythn"])

describe("nl-dev.tsv", () => {
  let names: NameResolver
  beforeAll(async () => { names = await channelNames() })

  it("has rows", () => expect(rows.length).toBeGreaterThan(50))

  it("every row passes with the package index", () => {
    const failures = rows.flatMap((r) => {
      const why = mismatch(r, parseRequest(r.text, { names }))
      return why === undefined ? [] : [`${r.text}: ${why}`]
    })
    expect(failures).toEqual([])
  })

  it("every row that needs no correction passes without an index", () => {
    const failures = rows.filter((r) => !needsIndex.has(r.text)).flatMap((r) => {
      const why = mismatch(r, parseRequest(r.text))
      return why === undefined ? [] : [`${r.text}: ${why}`]
    })
    expect(failures).toEqual([])
  })
})
