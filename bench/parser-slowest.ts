/**
 * The slowest 1% of the requests of bench/parser.ts (best of 20 rounds each, with the real index), their
 * mean best time over 200 rounds (the figure to compare two versions by, run one after the other), then,
 * when asked, those requests parsed in a loop for a while, to profile: node --cpu-prof on the bundled file.
 * Run: node bench/bundled.mjs bench/parser-slowest.ts [seconds of the loop to profile, default none]
 *      node --cpu-prof --cpu-prof-dir=/tmp/prof .bench-out/parser-slowest.mjs 5
 * Held-out real lines are shown by length only (never their text).
 */
import { performance } from "node:perf_hooks"
import * as path from "node:path"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames, repoRoot } from "../test/parser/channelNames.js"
import { readCorpus } from "../test/parser/corpus.js"
import { readAllReal } from "../test/parser/realCorpus.js"

const rows = [
  ...readCorpus(path.resolve(repoRoot, "../shared/corpus/nl-dev.tsv")).map((r) => ({ text: r.text, shown: true })),
  ...readCorpus(path.resolve(repoRoot, "test/corpus/nl-own.tsv")).map((r) => ({ text: r.text, shown: true })),
  ...readAllReal().map((r) => ({ text: r.text, shown: r.split === "dev" }))
]
const seconds = Number(process.argv[2] ?? "0")
const ctx = { names: await channelNames() }
for (let i = 0; i < 10; i++) for (const r of rows) parseRequest(r.text, ctx)
const best = rows.map((r) => {
  let b = Infinity
  for (let i = 0; i < 20; i++) { const s = performance.now(); parseRequest(r.text, ctx); b = Math.min(b, performance.now() - s) }
  return { ...r, ms: b }
}).sort((a, b) => b.ms - a.ms)
const slowest = best.slice(0, Math.ceil(rows.length / 100))
for (const r of slowest) console.log(`${r.ms.toFixed(4)} ms  ${String(r.text.length).padStart(5)} chars  ${r.shown ? r.text.slice(0, 110) : "(held-out line)"}`)
// The figure to compare versions by: each request's best time over many rounds (scheduler noise and
// collections only ever add), averaged over the slowest; then the loop to profile, when asked for.
const bestOf = slowest.map(() => Infinity)
for (let round = 0; round < 200; round++) {
  slowest.forEach((r, i) => { const s = performance.now(); parseRequest(r.text, ctx); bestOf[i] = Math.min(bestOf[i]!, performance.now() - s) })
}
console.log(`slowest ${slowest.length}: mean of best-of-200 ${(bestOf.reduce((a, b) => a + b, 0) / slowest.length).toFixed(4)} ms, their p50 ${[...bestOf].sort((a, b) => a - b)[slowest.length >> 1]!.toFixed(4)} ms`)
const start = performance.now(), cpu = process.cpuUsage()
let n = 0
while (performance.now() < start + seconds * 1000) { for (const r of slowest) parseRequest(r.text, ctx); n++ }
const used = process.cpuUsage(cpu), wall = performance.now() - start
if (n > 0) console.log(`${n} rounds of ${slowest.length} requests: ${(wall / (n * slowest.length)).toFixed(4)} ms per request (wall), ${((used.user + used.system) / 1000 / (n * slowest.length)).toFixed(4)} ms (cpu)`)
