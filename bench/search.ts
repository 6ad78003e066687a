/**
 * Package index benchmark (issue 4): `npx tsx bench/search.ts`.
 * Builds the index from ../shared/data into a temp folder and reports build time and size, in-process
 * query latency (p50/p99 over 200 varied queries), open cost, peak memory of a search in a fresh Node
 * process, relevance on the development corpus, and the latency on a copy scaled to 150k packages.
 * Nothing is written to the repository.
 */
import { Effect, Layer, Stream } from "effect"
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { buildIndex } from "../src/layers/index/buildIndex.js"
import { IndexReader } from "../src/domain/index/IndexReader.js"
import { readImportFile } from "../src/layers/index/readImportFile.js"
import { serializeIndex } from "../src/domain/index/serializeIndex.js"
import { writeAtomicSync } from "../src/layers/index/writeAtomic.js"
import { Nix } from "../src/services/Nix.js"
import { benchQueries, type DevQuery, parseDev, scaledRecords } from "./search-queries.js"
import { openIndexReader } from "../src/layers/index/openIndex.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const DATA = join(root, "../shared/data/nixpkgs-channel-2020.json.gz")
const DEV = join(root, "../shared/corpus/search-dev.tsv")
const OWN = join(root, "test/index/search-own.tsv")
const tmp = mkdtempSync(join(tmpdir(), "ask-nix-bench-search-"))
const NoNix = Layer.succeed(Nix, {
  run: () => Effect.die("no Nix in the benchmark"), exec: () => Effect.die("no Nix in the benchmark"),
  stream: () => Stream.die("no Nix in the benchmark"), which: () => Effect.succeed(undefined)
})

const pct = (xs: Array<number>, p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`
const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`

/** Each query once to warm up, then `rounds` timed passes; per-query samples. */
const latency = (r: IndexReader, queries: ReadonlyArray<string>, rounds = 5) => {
  for (const q of queries) r.search(q, 20)
  const samples: Array<number> = []
  for (let k = 0; k < rounds; k++) {
    for (const q of queries) {
      const t = performance.now()
      r.search(q, 20)
      samples.push(performance.now() - t)
    }
  }
  return { p50: pct(samples, 50), p99: pct(samples, 99), max: Math.max(...samples), n: samples.length }
}

const relevance = (r: IndexReader, dev: ReadonlyArray<DevQuery>) => {
  let ok = 0
  let mrr = 0
  const misses: Array<string> = []
  for (const d of dev) {
    const rank = r.search(d.query, 5).hits.findIndex((h) => d.accept.has(h.attrPath))
    if (rank >= 0) { ok++; mrr += 1 / (rank + 1) } else misses.push(d.query)
  }
  return { successAt5: ok / dev.length, mrr: mrr / dev.length, misses }
}

/** Open + first search, in this process (modules already loaded). */
const coldOpen = (path: string, query: string) => {
  const t = performance.now()
  const r = openIndexReader(path)
  r.search(query, 20)
  const dt = performance.now() - t
  r.close()
  return dt
}

/** Peak RSS of a fresh Node process that opens the index and runs one search (bundled, as the CLI ships). */
const peakMemory = async (path: string, query: string) => {
  const esbuild = await import("esbuild")
  const entry = join(tmp, "mem-entry.ts")
  writeFileSync(entry, [
    `import { openIndexReader } from ${JSON.stringify(join(root, "src/layers/index/openIndex.ts"))}`,
    `const t = performance.now()`,
    `const r = openIndexReader(process.argv[2])`,
    `const hits = r.search(process.argv[3], 20).hits`,
    `console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms: performance.now() - t, hits: hits.length }))`
  ].join("\n"))
  const bundle = join(tmp, "mem-entry.mjs")
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "silent" })
  // Started through /usr/bin/time when present: a child forked from this (large) process would report
  // this process's peak as its own (Linux keeps the high-water mark across fork + exec).
  const time = existsSync("/usr/bin/time")
  const run = (args: Array<string>) => {
    const r = spawnSync(time ? "/usr/bin/time" : "node", time ? ["-f", "%M", "node", ...args] : args, { encoding: "utf8" })
    const own = JSON.parse(r.stdout) as { maxRssKb: number; ms: number }
    const kb = time ? Number(r.stderr.trim().split("\n").pop()) : own.maxRssKb
    return { rss: kb * 1024, ms: own.ms }
  }
  const search = run([bundle, path, query])
  const baseline = run(["-e", "console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms: 0 }))"])
  return { searchRss: search.rss, baselineRss: baseline.rss, openAndSearchMs: search.ms }
}

const main = Effect.gen(function*() {
  const dev = parseDev(readFileSync(DEV, "utf8"))
  const out = join(tmp, "index")
  console.log(`data: ${DATA}\ntemp: ${tmp}\n`)

  let t = performance.now()
  const built = yield* buildIndex({ from: DATA, out }).pipe(Effect.provide(NoNix))
  const buildMs = performance.now() - t
  const size = statSync(out).size
  console.log(`build (import + index + atomic write): ${ms(buildMs)}  packages: ${built.status.packages}  size: ${mb(size)} (input ${mb(statSync(DATA).size)} gzipped)`)

  const { records } = yield* readImportFile(DATA)
  const queries = benchQueries(records, dev, 200)
  const cold = coldOpen(out, "firefox")
  const r = openIndexReader(out)
  const lat = latency(r, queries)
  const rel = relevance(r, dev)
  const relOwn = relevance(r, parseDev(readFileSync(OWN, "utf8")))
  console.log(`open + first search (in-process, modules loaded): ${ms(cold)}`)
  console.log(`latency over ${queries.length} queries x5: p50 ${ms(lat.p50)}  p99 ${ms(lat.p99)}  max ${ms(lat.max)}  (targets: p50 <= 2 ms, p99 <= 10 ms)`)
  console.log(`relevance on search-dev.tsv (${dev.length} queries): success@5 ${rel.successAt5.toFixed(3)}  MRR ${rel.mrr.toFixed(3)}  misses: ${rel.misses.join(", ") || "none"}`)
  console.log(`relevance on test/index/search-own.tsv (held out): success@5 ${relOwn.successAt5.toFixed(3)}  MRR ${relOwn.mrr.toFixed(3)}  misses: ${relOwn.misses.join(", ") || "none"}`)
  r.close()

  const mem = yield* Effect.promise(() => peakMemory(out, "pdf viewer"))
  console.log(`peak RSS of a fresh process opening the index and searching: ${mb(mem.searchRss)} (node -e '' alone: ${mb(mem.baselineRss)}; open + search ${ms(mem.openAndSearchMs)})  (target <= 200 MB)`)

  t = performance.now()
  const scaled = scaledRecords(records, 150_000)
  const bytes = serializeIndex(scaled, { source: "bench:scaled", revision: null, builtAt: new Date().toISOString(), buildMs: 0, skipped: 0 })
  const scaledOut = join(tmp, "index-150k")
  writeAtomicSync(scaledOut, bytes)
  const scaledBuild = performance.now() - t
  const rs = openIndexReader(scaledOut)
  const coldScaled = coldOpen(scaledOut, "firefox")
  const latScaled = latency(rs, queries)
  const relScaled = relevance(rs, dev)
  rs.close()
  const memScaled = yield* Effect.promise(() => peakMemory(scaledOut, "pdf viewer"))
  console.log(`\nscaled to ${scaled.length} packages: index ${ms(scaledBuild)}  size ${mb(bytes.length)}  open + first search ${ms(coldScaled)}`)
  console.log(`  latency p50 ${ms(latScaled.p50)}  p99 ${ms(latScaled.p99)}  max ${ms(latScaled.max)}  peak RSS ${mb(memScaled.searchRss)}  success@5 ${relScaled.successAt5.toFixed(3)}`)

  console.log(`\n${JSON.stringify({
    packages: built.status.packages, buildMs: Math.round(buildMs), sizeBytes: size, openAndFirstSearchMs: +cold.toFixed(2),
    p50Ms: +lat.p50.toFixed(3), p99Ms: +lat.p99.toFixed(3), queries: queries.length, successAt5: +rel.successAt5.toFixed(3), mrr: +rel.mrr.toFixed(3), ownSuccessAt5: +relOwn.successAt5.toFixed(3), ownMrr: +relOwn.mrr.toFixed(3),
    peakRssBytes: mem.searchRss, baselineRssBytes: mem.baselineRss,
    scaled: { packages: scaled.length, sizeBytes: bytes.length, p50Ms: +latScaled.p50.toFixed(3), p99Ms: +latScaled.p99.toFixed(3), peakRssBytes: memScaled.searchRss }
  })}`)
  rmSync(tmp, { recursive: true, force: true })
})

Effect.runPromise(main).catch((e) => {
  console.error(e)
  rmSync(tmp, { recursive: true, force: true })
  process.exit(1)
})
