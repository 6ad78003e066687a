/**
 * Scores one corpus-format file on its own, per split, counts only (issue 13: the fresh-sample number of
 * newly collected lines, taken before any tuning). Per-line failures are printed for `dev` lines only.
 *   node bench/bundled.mjs bench/fresh-sample.ts FILE.tsv [--dev-failures]
 */
import type { NameResolver } from "../src/domain/parse/NameResolver.js"
import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames } from "../test/parser/channelNames.js"
import { describeScore, readReal, scoreReal } from "../test/parser/realCorpus.js"
import * as path from "node:path"

const [file, ...flags] = process.argv.slice(2)
if (file === undefined) { console.error("usage: node bench/bundled.mjs bench/fresh-sample.ts FILE.tsv [--dev-failures]"); process.exit(2) }
const rows = readReal(path.resolve(file))
const names: NameResolver = await channelNames()
for (const split of ["dev", "held"] as const) {
  const these = rows.filter((r) => r.split === split)
  const s = scoreReal(these, (t) => parseRequest(t, { names }), names)
  console.log(describeScore(`${split} (${these.length} lines)`, s))
  if (split === "dev" && flags.includes("--dev-failures")) {
    for (const f of s.failures) console.log(`  ${f.row.line} [${f.row.mode}] ${f.row.text}\n      -> ${f.why}`)
  }
}
