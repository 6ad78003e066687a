/**
 * The benchmark's query mix, generated deterministically from the data: exact names, prefixes, typos,
 * description words, package-set queries and bad input, plus the development corpus. Pure.
 */
import type { IndexRecord } from "../src/domain/index/IndexRecord.js"

/** A small deterministic generator (mulberry32). */
export const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export interface DevQuery {
  readonly query: string
  readonly accept: ReadonlySet<string>
}

export const parseDev = (tsv: string): Array<DevQuery> => parseGraded(tsv)

/** A graded query (test/index/search-intent-*.tsv): accepted answers, the best ones, and what kind of query it is. */
export interface GradedQuery extends DevQuery {
  readonly best: ReadonlySet<string>
  readonly kind: string | undefined
}

/** query, accept[, best[, kind]] per line; best defaults to accept (search-dev.tsv has only the first two). */
export const parseGraded = (tsv: string): Array<GradedQuery> =>
  tsv.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#")).map((l) => {
    const [query, accept, best, kind] = l.split("\t")
    const acc = new Set(accept!.split("|"))
    return { query: query!, accept: acc, best: best === undefined ? acc : new Set(best.split("|")), kind }
  })

export interface GradedScore {
  readonly at5: number
  readonly at10: number
  /** Mean of 1 / rank of the first accepted answer within the first 10 (0 when none). */
  readonly mrr: number
  /** Share of queries whose first result is one of the best answers. */
  readonly best1: number
  readonly misses: ReadonlyArray<string>
}

/** Scores a set given each query's ranked attribute paths (at least the first 10). */
export const scoreGraded = (qs: ReadonlyArray<GradedQuery>, ranked: (query: string) => ReadonlyArray<string>): GradedScore => {
  let at5 = 0
  let at10 = 0
  let mrr = 0
  let best1 = 0
  const misses: Array<string> = []
  for (const q of qs) {
    const hits = ranked(q.query).slice(0, 10)
    const rank = hits.findIndex((p) => q.accept.has(p))
    if (rank >= 0 && rank < 5) at5++
    if (rank >= 0) { at10++; mrr += 1 / (rank + 1) } else misses.push(q.query)
    if (hits.length > 0 && q.best.has(hits[0]!)) best1++
  }
  const n = Math.max(1, qs.length)
  return { at5: at5 / n, at10: at10 / n, mrr: mrr / n, best1: best1 / n, misses }
}

const typo = (w: string, r: () => number): string => {
  const i = 1 + Math.floor(r() * (w.length - 2))
  return r() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1)
}

export const benchQueries = (records: ReadonlyArray<IndexRecord>, dev: ReadonlyArray<DevQuery>, total = 200): Array<string> => {
  const r = rng(42)
  const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(r() * xs.length)]!
  const top = records.filter((x) => !x.attrPath.includes(".") && x.description !== null)
  const nested = records.filter((x) => x.attrPath.startsWith("python3Packages."))
  const out: Array<string> = dev.map((d) => d.query)
  const edge = ["", "x".repeat(10_240), ".*", "^fire(fox", "[a-z]+", "a", "lib", "python", "the", "c++ compiler"]
  out.push(...edge)
  const rest = total - out.length
  for (let i = 0; i < rest; i++) {
    const kind = i % 6
    if (kind === 0 || kind === 1) out.push(pick(top).attrPath)
    else if (kind === 2) { const n = pick(top).pname; out.push(n.slice(0, Math.max(3, Math.ceil(n.length * 0.6)))) }
    else if (kind === 3) { let n = pick(top).pname; while (n.length < 5) n = pick(top).pname; out.push(typo(n.toLowerCase(), r)) }
    else if (kind === 4) {
      const words = pick(top).description!.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3)
      out.push(words.length >= 2 ? `${pick(words)} ${pick(words)}` : words[0] ?? "tool")
    } else {
      const p = pick(nested).attrPath
      out.push(r() < 0.5 ? p : `python ${p.slice(p.indexOf(".") + 1)}`)
    }
  }
  return out
}

/** `n` synthetic records: the real ones plus renamed copies (new names, shuffled descriptions). Never written to the repo. */
export const scaledRecords = (records: ReadonlyArray<IndexRecord>, n: number): Array<IndexRecord> => {
  const r = rng(7)
  const out: Array<IndexRecord> = [...records]
  const seen = new Set(records.map((x) => x.attrPath))
  const letters = "abcdefghijklmnopqrstuvwxyz"
  let copy = 0
  while (out.length < n) {
    copy++
    for (const x of records) {
      if (out.length >= n) break
      const leaf = x.attrPath.slice(x.attrPath.lastIndexOf(".") + 1)
      const set = x.attrPath.includes(".") ? x.attrPath.slice(0, x.attrPath.lastIndexOf(".") + 1) : ""
      const at = Math.floor(r() * leaf.length)
      const renamed = `${leaf.slice(0, at)}${letters[Math.floor(r() * 26)]}${leaf.slice(at + 1)}-s${copy}`
      const attrPath = `${set}${renamed}`
      if (seen.has(attrPath)) continue
      seen.add(attrPath)
      const other = records[Math.floor(r() * records.length)]!
      const description = other.description === null ? null
        : other.description.split(" ").sort(() => r() - 0.5).join(" ")
      out.push({ ...x, attrPath, pname: renamed, name: `${renamed}-${x.version}`, description })
    }
  }
  return out
}
