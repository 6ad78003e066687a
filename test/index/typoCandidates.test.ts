/**
 * The typo candidate scan against brute force over every term of the real 2020 channel's key table:
 * within the documented rule (first letter kept, or second letter kept, or the two swapped), it must
 * find exactly the terms within the edit bound, whatever shortcuts it takes (pair runs, masks).
 */
import { Effect } from "effect"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import { osaDistance } from "../../src/domain/osa.js"
import { IndexReader } from "../../src/domain/index/IndexReader.js"
import { readImportFile } from "../../src/layers/index/readImportFile.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"
import { forEachTypoCandidate } from "../../src/domain/index/typoCandidates.js"
import { mayHold, restHash } from "../../src/domain/index/TermTable.js"

const DATA = fileURLToPath(new URL("../../../shared/data/nixpkgs-channel-2020.json.gz", import.meta.url))

let reader: IndexReader
beforeAll(async () => {
  const result = await Effect.runPromise(readImportFile(DATA))
  reader = IndexReader.fromBuffer(serializeIndex(result.records, { source: "test", revision: null, builtAt: "2020-02-14T00:00:00Z", buildMs: 0, skipped: result.skipped }))
}, 120_000)

const compatible = (q: string, t: string) =>
  t[0] === q[0] || (t.length > 1 && q.length > 1 && t[1] === q[1]) || (t[0] === q[1] && t[1] === q[0]) ||
  (q.length < 2 && t.length < 2)

describe("typo candidates", () => {
  it("finds exactly the terms within the bound that brute force finds", () => {
    const keys = reader.keys
    const all = Array.from({ length: keys.size }, (_, i) => keys.term(i))
    // Queries: typos of real terms (swap, drop, substitute, insert, change the first letter), short
    // words, and words with non-ASCII letters.
    let seed = 11
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
    const typo = (t: string) => {
      const i = rnd(Math.max(1, t.length))
      switch (rnd(5)) {
        case 0: return t.length > 1 ? t.slice(0, i) + (t[i + 1] ?? "") + t[i] + t.slice(i + 2) : t
        case 1: return t.slice(0, i) + t.slice(i + 1)
        case 2: return t.slice(0, i) + "xqz"[rnd(3)] + t.slice(i + 1)
        case 3: return t.slice(0, i) + "ae-"[rnd(3)] + t.slice(i)
        default: return "bkz"[rnd(3)] + t.slice(1)
      }
    }
    const queries = [
      ...Array.from({ length: 400 }, () => typo(all[rnd(all.length)]!)),
      "a", "x", "qt", "rg", "ripgrp", "libreofice", "fierfox", "élan", "zürich", "ñandu", "émacs"
    ].filter((q) => q.length > 0)
    for (const q of queries) {
      for (const max of q.length >= 8 ? [1, 2] : [1]) {
        const found = new Set<string>()
        forEachTypoCandidate(keys, q, max, (i) => { const t = keys.term(i); if (osaDistance(q, t, max) <= max) found.add(t) })
        const brute = new Set(all.filter((t) => Math.abs(t.length - q.length) <= max && compatible(q, t) && osaDistance(q, t, max) <= max))
        expect([...found].sort(), `${q} (${max})`).toEqual([...brute].sort())
      }
    }
  }, 60_000)

  it("the key table's filters hold every key, and its slots find exactly the keys", () => {
    const keys = reader.keys
    const filters = [keys.filter(0)!, keys.filter(1)!] as const
    const holds = (t: string, at: 0 | 1) => mayHold(filters[at], restHash(t, at), t.charCodeAt(at))
    const all = new Set<string>()
    const wrong: Array<string> = []
    for (let i = 0; i < keys.size; i++) {
      const t = keys.term(i)
      all.add(t)
      if (!holds(t, 0) || (t.length >= 2 && !holds(t, 1)) || keys.find(t) !== i) wrong.push(t)
    }
    expect(wrong).toEqual([])
    // names that are not keys: each key with a letter added, with its last letter dropped, and with its
    // first or second letter changed (the tries a typo search makes)
    const others = [...all].flatMap((t) => [`${t}q`, t.slice(0, -1), `q${t.slice(1)}`, `${t[0]}q${t.slice(2)}`])
      .filter((t) => t.length >= 2 && !all.has(t))
    const passed = [0, 0]
    for (const t of others) {
      if (keys.find(t) !== -1) wrong.push(t)
      if (holds(t, 0)) passed[0]!++
      if (holds(t, 1)) passed[1]!++
    }
    expect(wrong).toEqual([])
    expect(passed[0]! / others.length).toBeLessThan(0.05)
    expect(passed[1]! / others.length).toBeLessThan(0.05)
  }, 60_000)
})
