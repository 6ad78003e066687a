// Real-world configurations (a folder of people's configuration.nix / home.nix and their modules, kept
// outside the repository): every .nix file round-trips and groups as Nix 2.26 does; every
// configuration.nix / home.nix gets the usual edits, and each edited file must parse (ours and
// `nix-instantiate --parse`) and differ from the original only in a few lines. Refusals are listed with
// their reasons (a refusal is a fine answer; a broken file is not).
//   node bench/bundled.mjs bench/config-realworld.ts DIR [nix-bin-dir]
import { Either } from "effect"
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join, relative } from "node:path"
import { unifiedDiff } from "../src/domain/diff/unifiedDiff.js"
import { type ConfigChange, planConfigEdit } from "../src/domain/nixfile/configEdit.js"
import { nixBool, nixString } from "../src/domain/nixfile/nixValue.js"
import { parseNix } from "../src/domain/nixfile/parseNix.js"
import { printTree } from "../src/domain/nixfile/syntax.js"
import { readConfig } from "../test/support/configFixtures.js"
import { nixFiles } from "../test/support/nixosTrees.js"
import { compareGrouping } from "../test/support/parenthesize.js"

const dir = process.argv[2]
if (dir === undefined) throw new Error("usage: config-realworld.ts DIR [nix-bin-dir]")
const binDir = process.argv[3] ?? "/opt/nix-modern/bin"
const instantiate = join(binDir, "nix-instantiate")
const env = { ...process.env, NIX_CONFIG: "experimental-features = nix-command flakes pipe-operators\nsandbox = false\nbuild-users-group =\nsubstituters =" }

const files = nixFiles(dir)
let parseFailures = 0
for (const f of files) {
  const text = readFileSync(f, "utf8")
  const r = parseNix(text)
  if (!r.ok) {
    parseFailures++
    const nixSays = (() => {
      try {
        execFileSync(instantiate, ["--parse", f], { env, stdio: "ignore" })
        return "Nix accepts it"
      } catch {
        return "Nix rejects it too"
      }
    })()
    console.log(`parse: ${relative(dir, f)}:${r.error.line}:${r.error.column}: ${r.error.message} (${nixSays})`)
  } else if (printTree(r.root) !== text) console.log(`round trip differs: ${relative(dir, f)}`)
}
const grouping = compareGrouping(files.filter((f) => parseNix(readFileSync(f, "utf8")).ok), dir, instantiate, env, mkdtempSync(join(tmpdir(), "ask-nix-rw-")))
console.log(`${files.length} files: ${parseFailures} not parsed by ask-nix; grouping as Nix's on ${grouping.same}, different on ${grouping.different.length} (${grouping.different.slice(0, 5).join(", ")}), Nix rejects ${grouping.rejected.length}`)

const sys: ReadonlyArray<readonly [string, ReadonlyArray<ConfigChange>]> = [
  ["add firefox", [{ kind: "addPackage", option: ["environment", "systemPackages"], pkg: ["firefox"] }]],
  ["enable bluetooth", [{ kind: "setOption", option: ["hardware", "bluetooth", "enable"], value: nixBool(true) }]],
  ["time zone", [{ kind: "setOption", option: ["time", "timeZone"], value: nixString("Europe/Paris") }]],
  ["gc weekly", [
    { kind: "setOption", option: ["nix", "gc", "automatic"], value: nixBool(true) },
    { kind: "setOption", option: ["nix", "gc", "dates"], value: nixString("weekly") }
  ]],
  ["unfree", [{ kind: "setOption", option: ["nixpkgs", "config", "allowUnfree"], value: nixBool(true) }]]
]
const hm: ReadonlyArray<readonly [string, ReadonlyArray<ConfigChange>]> = [
  ["add ripgrep", [{ kind: "addPackage", option: ["home", "packages"], pkg: ["ripgrep"] }]],
  ["enable git", [{ kind: "setOption", option: ["programs", "git", "enable"], value: nixBool(true) }]]
]
const out = mkdtempSync(join(tmpdir(), "ask-nix-rw-edit-"))
let edits = 0
let refused = 0
let unchanged = 0
let broken = 0
const changedLines: Array<number> = []
for (const f of files) {
  const name = basename(f)
  if (name !== "configuration.nix" && name !== "home.nix") continue
  let config
  try {
    config = readConfig(f)
  } catch (e) {
    console.log(`read: ${relative(dir, f)}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`)
    continue
  }
  for (const [label, changes] of name === "home.nix" ? hm : sys) {
    const r = planConfigEdit(config, changes)
    if (Either.isLeft(r)) {
      refused++
      console.log(`refused: ${relative(dir, f)} ${label}: ${r.left._tag} ${"reason" in r.left ? r.left.reason : "message" in r.left ? r.left.message : ""}`)
      continue
    }
    if (r.right.edits.length === 0) unchanged++
    for (const e of r.right.edits) {
      edits++
      const copy = join(out, `${edits}.nix`)
      writeFileSync(copy, e.after)
      const ours = parseNix(e.after).ok
      const nixParses = (path: string) => {
        try {
          execFileSync(instantiate, ["--parse", path], { env, stdio: "ignore" })
          return true
        } catch {
          return false
        }
      }
      // a file Nix rejects already (an undefined variable) is not broken by the edit
      const theirs = nixParses(copy) || !nixParses(e.path)
      const diff = unifiedDiff(e.before, e.after, { from: "a", to: "b" }, 0)
      const lines = diff.split("\n").filter((l) => /^[-+][^-+]/.test(l) || l === "+" || l === "-").length
      changedLines.push(lines)
      if (!ours || !theirs) {
        broken++
        console.log(`BROKEN: ${relative(dir, e.path)} ${label} (ours ${ours}, nix ${theirs})\n${diff}`)
      }
    }
  }
}
changedLines.sort((a, b) => a - b)
console.log(`edits: ${edits} files edited, ${unchanged} already as asked, ${refused} refused, ${broken} broken; ` +
  `changed lines per edit: median ${changedLines[changedLines.length >> 1] ?? 0}, max ${changedLines[changedLines.length - 1] ?? 0}`)
