/**
 * The parser on real requests (test/corpus/real, issue 13): the scores per split, with the package
 * index (as ask-nix runs) and without one.
 *   node bench/bundled.mjs bench/real-corpus.ts                 summary numbers only
 *   node bench/bundled.mjs bench/real-corpus.ts --failures      and every failing `dev` line (to tune on)
 *   node bench/bundled.mjs bench/real-corpus.ts --held-failures and every failing `held` line: only to
 *     report what is left at the end; tuning on them makes the held-out figure meaningless
 *   node bench/bundled.mjs bench/real-corpus.ts --classes       and, per split, how many failures fall in each
 *     class ("do: configure -> explain"): counts only, no line, so it is safe to read for held and unseen
 * Also scored: test/corpus/real/unseen.tsv, collected apart and held out whole (its lines are never printed).
 */
import type { NameResolver } from "../src/domain/parse/NameResolver.js"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames } from "../test/parser/channelNames.js"
import { describeScore, readAllReal, readReal, type RealRow, type Score, scoreReal, scoreSecondOpinion, type Split } from "../test/parser/realCorpus.js"
import * as path from "node:path"

const args = new Set(process.argv.slice(2))
const rows = readAllReal()
const names: NameResolver = await channelNames()

const show = (split: Split, withIndex: boolean, failures: boolean) => {
  const these = rows.filter((r) => r.split === split)
  const s = scoreReal(these, (t) => parseRequest(t, withIndex ? { names } : {}), withIndex ? names : undefined)
  console.log(describeScore(`${split.padEnd(4)} ${withIndex ? "with index   " : "without index"} (${these.length} lines)`, s))
  if (withIndex && args.has("--classes")) classes(split, s, these)
  if (!failures) return
  for (const f of s.failures) console.log(`  ${where(f.row)} [${f.row.mode}] ${f.row.text}\n      -> ${f.why}`)
}
const where = (r: RealRow) => `${r.file}:${r.line}`

/** Failures counted by class: the line's mode, the intent expected and the one given (or why a right intent failed). */
const classes = (label: string, s: Score, these: ReadonlyArray<RealRow>) => {
  const counts = new Map<string, number>()
  for (const f of s.failures) {
    const got = parseRequest(f.row.text, { names }).intent._tag
    const kind = f.why.startsWith("intent ")
      ? `${f.row.mode}: ${f.row.intents.join("|")} -> ${got}`
      : `${f.row.mode}: ${got}, ${f.why.replace(/"[^"]*"|\[[^\]]*\]/g, "…").split(";")[0]}`
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  console.log(`  failure classes, ${label} (${s.failures.length} of ${these.length} lines):`)
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${k}`)
}

for (const split of ["dev", "held"] as const) {
  show(split, true, (split === "dev" && args.has("--failures")) || (split === "held" && args.has("--held-failures")))
  show(split, false, false)
}
for (const split of ["dev", "held"] as const) {
  const o = scoreSecondOpinion(rows.filter((r) => r.split === split), (t) => parseRequest(t, { names }))
  console.log(`second opinion, ${split}${split === "dev" ? " (trained on these)" : ""}: of ${o.notUnderstood} do/ask/info lines not understood, ` +
    `${o.proposed} get a "Did you mean", ${o.right} of them right; proposals on none lines: ${o.proposedOnNone}`)
}

// unseen.tsv: collected by someone else after the parser work, never read while tuning; only its totals.
const unseen = readReal(path.resolve(process.cwd(), "test/corpus/real/unseen.tsv"))
for (const withIndex of [true, false]) {
  const s = scoreReal(unseen, (t) => parseRequest(t, withIndex ? { names } : {}), withIndex ? names : undefined)
  console.log(describeScore(`unseen ${withIndex ? "with index   " : "without index"} (${unseen.length} lines)`, s))
  if (withIndex && args.has("--classes")) classes("unseen", s, unseen)
}
