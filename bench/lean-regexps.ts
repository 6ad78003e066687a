/**
 * The parser's lean() expressions (src/domain/parse/leanRegExp.ts) against their originals, on every input the
 * parser gives them over the corpora: the results must be the same, and the time about the same.
 * Run: node bench/bundled.mjs bench/lean-regexps.ts && chrt -f 1 node --no-regexp-tier-up .bench-out/lean-regexps.mjs
 * (--no-regexp-tier-up as the startup snapshot runs them: machine code from the first run.)
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { isComment } from "../test/parser/realCorpus.js"
import { repoRoot } from "../test/parser/channelNames.js"
const seen = new Map<RegExp, Array<[string, number]>>()
const exec0 = RegExp.prototype.exec
RegExp.prototype.exec = function (this: RegExp, s: string) {
  if (this.source.includes("(?=)")) { let l = seen.get(this); if (!l) seen.set(this, l = []); l.push([String(s), this.lastIndex]) }
  return exec0.call(this, s)
}
const { parseRequest } = await import("../src/domain/parse/parseRequest.js")
const realDir = path.resolve(repoRoot, "test/corpus/real")
const files = [path.resolve(repoRoot, "../shared/corpus/nl-dev.tsv"), path.resolve(repoRoot, "test/corpus/nl-own.tsv"),
  ...fs.readdirSync(realDir).filter((f) => f.endsWith(".tsv")).sort().map((f) => path.join(realDir, f))]
const texts = files.flatMap((f) => fs.readFileSync(f, "utf8").split("\n").filter((l) => !isComment(l)).map((l) => l.split("\t")[0]!))
for (const t of texts) parseRequest(t, {})
RegExp.prototype.exec = exec0
let totalOld = 0, totalNew = 0, diffs = 0
const rows: Array<string> = []
for (const [lean, inputs] of seen) {
  const orig = new RegExp(lean.source.replaceAll("(?=)", ""), lean.flags)
  const fresh = new RegExp(lean.source, lean.flags)
  for (const [s, li] of inputs) {
    orig.lastIndex = li; fresh.lastIndex = li
    if (JSON.stringify(orig.exec(s)) !== JSON.stringify(fresh.exec(s)) || orig.lastIndex !== fresh.lastIndex) diffs++
  }
  const time = (r: RegExp) => { const st = performance.now(); for (const [s, li] of inputs) { r.lastIndex = li; r.exec(s) } return performance.now() - st }
  let bo = Infinity, bn = Infinity
  for (let k = 0; k < 30; k++) { bo = Math.min(bo, time(orig)); bn = Math.min(bn, time(fresh)) }
  totalOld += bo; totalNew += bn
  rows.push(`${bo.toFixed(3).padStart(8)} ${bn.toFixed(3).padStart(8)} ${String(inputs.length).padStart(6)} ${lean.source.replaceAll("(?=)", "").slice(0, 70)}`)
}
console.log(`lean regexes ${seen.size}, inputs compared, differing results: ${diffs}`)
console.log("old ms   lean ms  calls  (best of 30, all parse-time inputs of the corpora)")
for (const r of rows) console.log(r)
console.log(`total ${totalOld.toFixed(2)} -> ${totalNew.toFixed(2)} ms over ${texts.length} texts`)
