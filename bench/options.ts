// Options data: build the files from the 2020 data, then measure opening and answering in a fresh
// process state (first query pays for loading sections), and repeated queries.
//   node bench/bundled.mjs bench/options.ts
import { Effect } from "effect"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { lookupOption, suggestOptions } from "../src/domain/options/lookupOption.js"
import { resolveSetting } from "../src/domain/options/resolveSetting.js"
import { searchOptions } from "../src/domain/options/searchOptions.js"
import { buildOptionsFile } from "../src/layers/options/buildOptions.js"
import { openOptionsFile } from "../src/layers/options/optionsFile.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-options-bench-"))
for (const [scope, file] of [["nixos", "nixos-options-2020.json.gz"], ["home", "home-manager-options-2020.json.gz"]] as const) {
  const built = await Effect.runPromise(buildOptionsFile(join(dir, `options-${scope}`), scope, `../shared/data/${file}`))
  console.log(`${scope}: ${built.count} options, file ${(statSync(built.path).size / 1e6).toFixed(2)} MB, built in ${built.ms.toFixed(0)} ms`)
}
const path = join(dir, "options-nixos")
let t = performance.now()
const table = openOptionsFile(path, "nixos")
const opened = performance.now() - t
t = performance.now()
const first = searchOptions(table, "which option enables bluetooth", 10)
const firstSearch = performance.now() - t
t = performance.now()
const rec = table.record(first[0]!.id)
const firstRecord = performance.now() - t
console.log(`open ${opened.toFixed(1)} ms, first search ${firstSearch.toFixed(1)} ms (${first[0]!.name}), first record ${firstRecord.toFixed(1)} ms (${rec.type})`)
const queries = ["enable ssh", "ssh options", "time zone", "collect garbage automatically every week", "allow unfree packages",
  "firewall", "hostname", "keyboard layout", "enable docker", "printing", "sound", "keep only 5 generations in the boot menu"]
const times: Array<number> = []
for (let round = 0; round < 20; round++) {
  for (const q of queries) {
    t = performance.now()
    resolveSetting(table, q)
    times.push(performance.now() - t)
  }
}
times.sort((a, b) => a - b)
console.log(`resolve x${times.length}: p50 ${times[times.length >> 1]!.toFixed(2)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(2)} ms`)
t = performance.now()
const s = suggestOptions(table, "hardware.bluetoth.enable")
console.log(`did-you-mean ${(performance.now() - t).toFixed(1)} ms: ${s.join(", ")}; lookup users.users.alice.packages -> ${table.name(lookupOption(table, "users.users.alice.packages")!)}`)
