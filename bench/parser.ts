/**
 * Parser speed, in-process: p50/p99 per request over the shared and our own corpora and the real
 * requests (test/corpus/real), without an index and with the real index's NameResolver (2020 channel data).
 * Run: npx tsx bench/parser.ts   (target: p99 <= 0.2 ms)
 */
import { loadavg } from "node:os"
import { performance } from "node:perf_hooks"
import type { NameResolver } from "../src/domain/parse/NameResolver.js"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames, repoRoot } from "../test/parser/channelNames.js"
import { readCorpus } from "../test/parser/corpus.js"
import { readAllReal } from "../test/parser/realCorpus.js"
import * as path from "node:path"

const texts = [
  ...readCorpus(path.resolve(repoRoot, "../shared/corpus/nl-dev.tsv")),
  ...readCorpus(path.resolve(repoRoot, "test/corpus/nl-own.tsv")),
  ...readAllReal()
].map((r) => r.text)

const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** Time spent inside the index's suggest (a scan of every name), to tell it apart from the parser's own. */
let inSuggest = 0
const timed = (names: NameResolver): NameResolver => ({
  exists: names.exists,
  resolve: names.resolve,
  suggest: (w, n, e) => { const s = performance.now(); try { return names.suggest(w, n, e) } finally { inSuggest += performance.now() - s } }
})

const run = (label: string, names: NameResolver | undefined, excludeSuggest = false) => {
  const ctx = names === undefined ? {} : { names: timed(names) }
  // Warm up until the JIT has settled (measured: with 3 rounds the first measured rounds still ran
  // code being optimized, which put the slowest requests ~60% higher than in the rounds after).
  for (let i = 0; i < 10; i++) for (const t of texts) parseRequest(t, ctx)
  const times: Array<number> = []
  const best = new Array<number>(texts.length).fill(Infinity)
  const each = texts.map(() => [] as Array<number>)
  for (let round = 0; round < 20; round++) {
    texts.forEach((t, i) => {
      inSuggest = 0
      const s = performance.now()
      parseRequest(t, ctx)
      const ms = performance.now() - s - (excludeSuggest ? inSuggest : 0)
      times.push(ms)
      each[i]!.push(ms)
      if (ms < best[i]!) best[i] = ms
    })
  }
  times.sort((a, b) => a - b)
  best.sort((a, b) => a - b)
  const p50 = percentile(times, 50), p99 = percentile(times, 99), max = times[times.length - 1]!
  console.log(`${label.padEnd(24)} requests=${texts.length} samples=${times.length}  p50=${p50.toFixed(4)} ms  p99=${p99.toFixed(4)} ms  max=${max.toFixed(3)} ms  ${p99 <= 0.2 ? "OK (p99 <= 0.2 ms)" : "OVER the 0.2 ms target"}`)
  const medians = each.map((xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!).sort((a, b) => a - b)
  console.log(`${"".padEnd(24)} per request, median of 20 rounds: p50=${percentile(medians, 50).toFixed(4)} ms  p99=${percentile(medians, 99).toFixed(4)} ms  max=${medians[medians.length - 1]!.toFixed(4)} ms`)
  console.log(`${"".padEnd(24)} per request, best of 20 rounds (without scheduler noise): p50=${percentile(best, 50).toFixed(4)} ms  p99=${percentile(best, 99).toFixed(4)} ms  max=${best[best.length - 1]!.toFixed(4)} ms`)
  return p99
}

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (this machine has 2 cores; numbers grow with load)`)
const names = await channelNames()
const a = run("no index", undefined)
const b = run("with index", names)
run("with index, w/o suggest", names, true)
console.log("(\"w/o suggest\" leaves out the time inside NameResolver.suggest, which the parser calls only for words the index does not know;")
console.log(" it is shown to tell the index's share apart, and does not count for the target: the did-you-mean is part of a parse)")
// The target is p99 over all requests, with and without the index, suggestions included.
process.exitCode = a <= 0.2 && b <= 0.2 ? 0 : 1
