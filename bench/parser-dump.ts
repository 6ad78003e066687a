/**
 * Every parse result, one JSON line per request, to compare two versions of the parser mechanically
 * (a speed change must not change one line): the requests of bench/parser.ts and every line of the
 * corpora, read without and with the real index.
 * Run: node bench/bundled.mjs bench/parser-dump.ts OUT.jsonl   then cmp two dumps.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { isComment } from "../test/parser/realCorpus.js"
import { channelNames, repoRoot } from "../test/parser/channelNames.js"

const out = process.argv[2]
if (out === undefined) throw new Error("usage: node bench/bundled.mjs bench/parser-dump.ts OUT.jsonl")
const realDir = path.resolve(repoRoot, "test/corpus/real")
const files = [
  path.resolve(repoRoot, "../shared/corpus/nl-dev.tsv"),
  path.resolve(repoRoot, "test/corpus/nl-own.tsv"),
  ...fs.readdirSync(realDir).filter((f) => f.endsWith(".tsv")).sort().map((f) => path.join(realDir, f))
]
const texts = files.flatMap((f) => fs.readFileSync(f, "utf8").split("\n")
  .filter((l) => !isComment(l)).map((l) => l.split("\t")[0]!))
const names = await channelNames()
const lines: Array<string> = []
for (const ctx of [{}, { names }]) {
  for (const t of texts) lines.push(JSON.stringify(parseRequest(t, ctx)))
}
fs.writeFileSync(out, lines.join("\n") + "\n")
console.log(`${lines.length} results written to ${out}`)
