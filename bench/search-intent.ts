/**
 * Relevance on the graded sets (issue 16): success@5, success@10, MRR (first 10) and best@1, per set and per
 * kind of query.
 *   node bench/bundled.mjs bench/search-intent.ts [INDEX] [--show dev|own|search-dev] [--ranks FILE] [--no-options] [--no-heldout]
 * Without INDEX, builds one from ../shared/data/nixpkgs-channel-2020.json.gz (with the NixOS options of
 * nixos-options-2020.json.gz unless --no-options) into a temp folder.
 * `--show` prints each query's first results for the named tuning set; the held-out set and the unseen set
 * (test/index/search-intent-unseen.tsv, written before anybody ran the search on its queries) are only ever
 * summed up (numbers per kind of query, no query named), so that nobody tunes on them by accident; `--no-heldout`
 * leaves the held-out set out altogether (while trying things on the tuning sets).
 */
import { Effect, Layer, Stream } from "effect"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { buildIndex } from "../src/layers/index/buildIndex.js"
import type { IndexReader } from "../src/domain/index/IndexReader.js"
import { openIndexReader } from "../src/layers/index/openIndex.js"
import { Nix } from "../src/services/Nix.js"
import { type GradedQuery, parseGraded, scoreGraded } from "./search-queries.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const SETS: ReadonlyArray<readonly [string, string]> = [
  ["dev", join(root, "test/index/search-intent-dev.tsv")],
  ["held-out", join(root, "test/index/search-intent-heldout.tsv")],
  ["search-dev", join(root, "../shared/corpus/search-dev.tsv")],
  ["own", join(root, "test/index/search-own.tsv")],
  ["unseen", join(root, "test/index/search-intent-unseen.tsv")]
]
/** The comment line that starts the queries added in session 6 (search7). */
const ADDED_LATER = "# Added in session 6"
/** The comment line that starts the descriptive queries added in search13, printed on their own as a fresh sample. */
const FRESH = "# Added in search13"
/** The comment line that starts search14's fresh sample (category, multi-word, descriptive, prefix, program). */
const FRESH14 = "# Added in search14"
/** The comment line that starts search15's fresh sample (other systems' programs, categories, typos, programs). */
const FRESH15 = "# Added in search15"
/** Sets that are only summed up: never shown query by query, their misses never named, not in --ranks. */
const SUMMED_ONLY = new Set(["held-out", "unseen"])
const NoNix = Layer.succeed(Nix, {
  run: () => Effect.die("no Nix in the benchmark"), exec: () => Effect.die("no Nix in the benchmark"),
  stream: () => Stream.die("no Nix in the benchmark"), which: () => Effect.succeed(undefined)
})

const args = process.argv.slice(2)
const showAt = args.indexOf("--show")
const show = showAt >= 0 ? args[showAt + 1] : undefined
if (show !== undefined && SUMMED_ONLY.has(show)) throw new Error(`the ${show} set is not shown query by query`)
const given = args.find((a, i) => !a.startsWith("--") && !["--show", "--ranks"].includes(args[i - 1] ?? ""))

const line = (name: string, qs: ReadonlyArray<GradedQuery>, r: IndexReader) => {
  const s = scoreGraded(qs, (q) => r.search(q, 10).hits.map((h) => h.attrPath))
  const f = (x: number) => x.toFixed(3)
  return { s, text: `${name.padEnd(22)} n=${String(qs.length).padStart(3)}  s@5 ${f(s.at5)}  s@10 ${f(s.at10)}  MRR ${f(s.mrr)}  best@1 ${f(s.best1)}` }
}

const main = Effect.gen(function*() {
  let index = given
  let tmp: string | undefined
  if (index === undefined) {
    tmp = mkdtempSync(join(tmpdir(), "ask-nix-bench-intent-"))
    index = join(tmp, "index")
    const nixosOptions = args.includes("--no-options") ? undefined : join(root, "../shared/data/nixos-options-2020.json.gz")
    yield* buildIndex({ from: join(root, "../shared/data/nixpkgs-channel-2020.json.gz"), out: index, nixosOptions }).pipe(Effect.provide(NoNix))
  }
  const r = openIndexReader(index)
  const summary: Record<string, unknown> = {}
  for (const [name, file] of SETS) {
    if (name === "held-out" && args.includes("--no-heldout")) continue
    const text = readFileSync(file, "utf8")
    const qs = parseGraded(text)
    const all = line(name, qs, r)
    console.log(all.text)
    // The set as it was before the queries added in session 6, to compare with figures taken before them.
    const before = text.indexOf(ADDED_LATER)
    if (before >= 0) console.log(`  ${line("(before session 6)", parseGraded(text.slice(0, before)), r).text}`)
    const fresh = text.indexOf(FRESH)
    const fresh14 = text.indexOf(FRESH14)
    const fresh15 = text.indexOf(FRESH15)
    if (fresh >= 0) {
      console.log(`  ${line("(before search13)", parseGraded(text.slice(0, fresh)), r).text}`)
      console.log(`  ${line("(search13's 50)", parseGraded(text.slice(fresh, fresh14 >= 0 ? fresh14 : undefined)), r).text}`)
    }
    if (fresh14 >= 0) console.log(`  ${line("(search14's new)", parseGraded(text.slice(fresh14, fresh15 >= 0 ? fresh15 : undefined)), r).text}`)
    if (fresh15 >= 0) {
      console.log(`  ${line("(before search15)", parseGraded(text.slice(0, fresh15)), r).text}`)
      console.log(`  ${line("(search15's new)", parseGraded(text.slice(fresh15)), r).text}`)
    }
    summary[name] = { at5: +all.s.at5.toFixed(3), at10: +all.s.at10.toFixed(3), mrr: +all.s.mrr.toFixed(3), best1: +all.s.best1.toFixed(3) }
    const kinds = [...new Set(qs.map((q) => q.kind).filter((k) => k !== undefined))]
    if (kinds.length > 1) for (const k of kinds) console.log(`  ${line(k!, qs.filter((q) => q.kind === k), r).text}`)
    // The held-out and unseen sets are summed up only: not even their misses are named (they would invite tuning on them).
    if (all.s.misses.length > 0 && !SUMMED_ONLY.has(name)) console.log(`  not in the first 10: ${all.s.misses.join(", ")}`)
    if (show === name) {
      for (const q of qs) {
        const hits = r.search(q.query, 10).hits.map((h) => h.attrPath)
        const rank = hits.findIndex((p) => q.accept.has(p))
        const mark = rank < 0 ? "MISS " : q.best.has(hits[0] ?? "") ? "best " : `ok ${rank + 1}  `
        console.log(`    ${mark} ${q.query.padEnd(28)} ${hits.slice(0, 6).join(" ")}`)
      }
    }
  }
  const ranksAt = args.indexOf("--ranks")
  if (ranksAt >= 0) {
    // Each tuning query's rank of the first accepted answer (0: none in the first 10), to compare two runs.
    const ranks: Record<string, number> = {}
    for (const [name, file] of SETS) {
      if (SUMMED_ONLY.has(name)) continue
      for (const q of parseGraded(readFileSync(file, "utf8"))) {
        ranks[`${name}: ${q.query}`] = r.search(q.query, 10).hits.findIndex((h) => q.accept.has(h.attrPath)) + 1
      }
    }
    writeFileSync(args[ranksAt + 1]!, JSON.stringify(ranks, null, 1))
  }
  console.log(JSON.stringify(summary))
  r.close()
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
})

Effect.runPromise(main).catch((e) => {
  console.error(e)
  process.exit(1)
})
