/**
 * Tuning aid (issue 16): each dev query whose first accepted answer is not first, with that answer's rank and
 * the packages above it, each with the parts of its score (search.ts ScoreParts). Only the dev set: the held-out
 * and unseen sets are never shown query by query.
 *   node bench/bundled.mjs bench/search-misses.ts INDEX [--all]
 * INDEX is built (with the 2020 channel and its NixOS options) when the file does not exist.
 */
import { Effect, Layer, Stream } from "effect"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Flag } from "../src/domain/index/format.js"
import { type ScoreParts, searchIndex } from "../src/domain/index/search.js"
import { buildIndex } from "../src/layers/index/buildIndex.js"
import { openIndexReader } from "../src/layers/index/openIndex.js"
import { Nix } from "../src/services/Nix.js"
import { parseGraded } from "./search-queries.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const NoNix = Layer.succeed(Nix, {
  run: () => Effect.die("no Nix in the benchmark"), exec: () => Effect.die("no Nix in the benchmark"),
  stream: () => Stream.die("no Nix in the benchmark"), which: () => Effect.succeed(undefined)
})
const [index] = process.argv.slice(2)
if (index === undefined) throw new Error("usage: node bench/bundled.mjs bench/search-misses.ts INDEX [--all]")
const all = process.argv.includes("--all")

const main = Effect.gen(function*() {
  if (!existsSync(index)) {
    yield* buildIndex({
      from: join(root, "../shared/data/nixpkgs-channel-2020.json.gz"), out: index,
      nixosOptions: join(root, "../shared/data/nixos-options-2020.json.gz")
    }).pipe(Effect.provide(NoNix))
  }
  const r = openIndexReader(index)
  const flagNames = (f: number) => Object.entries(Flag).filter(([, b]) => f & b).map(([k]) => k).join(",")
  const fmt = (p: ScoreParts) =>
    `n${Math.round(p.name)} w${Math.round(p.words)} pr${p.prior} po${Math.round(p.popularity)}${p.set ? ` set${p.set}` : ""}${p.library ? ` lib${p.library}` : ""} t${Math.round(p.text)}`
  for (const q of parseGraded(readFileSync(join(root, "test/index/search-intent-dev.tsv"), "utf8"))) {
    const parts = new Map<number, ScoreParts>()
    const { ranked } = searchIndex(r, q.query, 30, (id, p) => parts.set(id, p))
    const rank = ranked.findIndex((h) => q.accept.has(r.str("attrPath", h.id)))
    const bestRank = ranked.findIndex((h) => q.best.has(r.str("attrPath", h.id)))
    if (!all && rank === 0 && bestRank === 0) continue
    console.log(`\n[${q.kind}] "${q.query}"  accepted at ${rank < 0 ? "-" : rank + 1}, best at ${bestRank < 0 ? "-" : bestRank + 1}  (best: ${[...q.best].join("|")})`)
    const upto = Math.max(rank, bestRank, 0)
    ranked.slice(0, Math.min(upto < 0 ? 10 : upto + 1, 12)).forEach((h, i) => {
      const path = r.str("attrPath", h.id)
      const mark = q.best.has(path) ? "B" : q.accept.has(path) ? "a" : " "
      const p = parts.get(h.id)
      console.log(`  ${String(i + 1).padStart(2)} ${mark} ${String(Math.round(h.score)).padStart(5)} ${path.padEnd(34)} ${p ? fmt(p) : ""} [${flagNames(r.flags[h.id]!)}] ${r.str("position", h.id).replace(/^pkgs\//, "").split("/").slice(0, 3).join("/")} | ${r.str("description", h.id).slice(0, 70)}`)
    })
  }
  r.close()
})
Effect.runPromise(main).catch((e) => { console.error(e); process.exit(1) })
