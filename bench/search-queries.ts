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

export const parseDev = (tsv: string): Array<DevQuery> =>
  tsv.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#")).map((l) => {
    const [query, accept] = l.split("\t")
    return { query: query!, accept: new Set(accept!.split("|")) }
  })

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
