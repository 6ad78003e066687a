// Development-time generator of src/domain/index/commandGuesses.generated.ts: which packages probably have which
// commands, mined from a nixpkgs source tree (nothing of it is read at run time):
//   - `${pkgs.X}/bin/CMD`, `${X}/bin/CMD`, `${lib.getBin X}/bin/CMD` anywhere in the tree: X has CMD;
//   - `$out/bin/CMD` in the file that defines a package (its meta.position): that package has CMD;
//   - in NixOS modules, `${cfg.package}/bin/CMD` (`cfg = config.services.X;`) and `${config.X.package}/bin/CMD`:
//     the package the option `X.package` defaults to (`pkgs.pulseaudio`) has CMD (needs the options JSON);
//   - `${NAME}/bin/CMD` where the same file binds `NAME = pkgs.X` (or `pkgs.X.override ...`): X has CMD.
// Usage: node scripts/mine-commands.mjs NIXPKGS_DIR PACKAGES_JSON_GZ [LABEL] [OPTIONS_JSON_GZ] > src/domain/index/commandGuesses.generated.ts
// (the tree, the package list and the NixOS options of one nixpkgs revision: ../shared/data/nixpkgs-19.09-src.tar.xz
// unpacked, ../shared/data/nixpkgs-channel-2020.json.gz, ../shared/data/nixos-options-2020.json.gz).
// Deterministic: the same inputs give the same file.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"

const [root, packagesFile] = process.argv.slice(2)
if (root === undefined || packagesFile === undefined) {
  console.error("usage: node scripts/mine-commands.mjs NIXPKGS_DIR PACKAGES_JSON_GZ")
  process.exit(2)
}
const packages = JSON.parse(gunzipSync(readFileSync(packagesFile)).toString("utf8"))
const attrs = new Set(Object.keys(packages))
/** defining file -> attribute paths defined there */
const byFile = new Map()
for (const [attr, p] of Object.entries(packages)) {
  const pos = p?.meta?.position
  if (typeof pos !== "string") continue
  const file = pos.replace(/:\d+$/, "")
  if (!byFile.has(file)) byFile.set(file, [])
  byFile.get(file).push(attr)
}

const files = []
const walk = (dir) => {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e)
    if (statSync(p).isDirectory()) walk(p)
    else if (e.endsWith(".nix")) files.push(p)
  }
}
walk(root)

const COMMAND = /^[A-Za-z0-9][A-Za-z0-9_.+-]*[A-Za-z0-9+]$|^[A-Za-z0-9]$/
/** command -> attribute path -> times seen */
const seen = new Map()
const add = (cmd, attr) => {
  if (!COMMAND.test(cmd) || cmd.length > 40) return
  if (!seen.has(cmd)) seen.set(cmd, new Map())
  const m = seen.get(cmd)
  m.set(attr, (m.get(attr) ?? 0) + 1)
}
const optionsFile = process.argv[5]
const options = optionsFile === undefined ? {} : JSON.parse(gunzipSync(readFileSync(optionsFile)).toString("utf8"))
/** The package an option path's `.package` defaults to ("services.pulseaudio" -> "pulseaudio"), if it is one. */
const optionPackage = (path) => {
  const d = options[`${path}.package`]?.default
  const text = typeof d === "string" ? d : typeof d?.text === "string" ? d.text : undefined
  const m = text === undefined ? null : /^pkgs\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)$/.exec(text.trim())
  return m !== null && attrs.has(m[1]) ? m[1] : undefined
}
const CFG = /\bcfg\s*=\s*config\.([A-Za-z0-9_.-]+?)\s*;/
const CONFIG_REF = /\$\{\s*(?:(?:lib\.)?getBin\s+)?config\.([A-Za-z0-9_.-]+?)\.package(?:\.(?:bin|out))?\s*\}\/s?bin\/([A-Za-z0-9_.+-]+)/g
const CFG_REF = /\$\{\s*(?:(?:lib\.)?getBin\s+)?cfg\.package(?:\.(?:bin|out))?\s*\}\/s?bin\/([A-Za-z0-9_.+-]+)/g
const BINDING = /(?:^|[\s;{])([A-Za-z_][A-Za-z0-9_]*)\s*=\s*pkgs\.([A-Za-z_][A-Za-z0-9_-]*)(?:\s*;|\.override\b)/g
const REF = /\$\{\s*(?:(?:lib\.)?getBin\s+)?(?:pkgs\.)?([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)\s*\}\/s?bin\/([A-Za-z0-9_.+-]+)/g
const OWN = /\$out\/s?bin\/([A-Za-z0-9_.+-]+)/g
for (const f of files) {
  const text = readFileSync(f, "utf8")
  for (const m of text.matchAll(REF)) {
    const attr = m[1].replace(/\.(bin|out)$/, "")
    if (attrs.has(attr)) add(m[2], attr)
  }
  for (const attr of byFile.get(f.slice(root.length + 1)) ?? []) for (const m of text.matchAll(OWN)) add(m[1], attr)
  for (const m of text.matchAll(CONFIG_REF)) {
    const attr = optionPackage(m[1])
    if (attr !== undefined) add(m[2], attr)
  }
  const cfg = CFG.exec(text)?.[1]
  const cfgAttr = cfg === undefined ? undefined : optionPackage(cfg)
  if (cfgAttr !== undefined) for (const m of text.matchAll(CFG_REF)) add(m[1], cfgAttr)
  const bound = new Map([...text.matchAll(BINDING)].filter((m) => attrs.has(m[2])).map((m) => [m[1], m[2]]))
  for (const m of text.matchAll(REF)) {
    const attr = bound.get(m[1])
    if (attr !== undefined && !attrs.has(m[1])) add(m[2], attr)
  }
}

// Per command, the packages seen most (at most 3); top-level before nested on ties, then by name.
const lines = []
for (const cmd of [...seen.keys()].sort()) {
  const best = [...seen.get(cmd)].sort((a, b) => b[1] - a[1] || a[0].split(".").length - b[0].split(".").length || (a[0] < b[0] ? -1 : 1))
  lines.push(`${cmd}\t${best.slice(0, 3).map(([a]) => a).join(" ")}`)
}
const label = process.argv[4] ?? "a nixpkgs tree"
process.stdout.write(`// Generated by scripts/mine-commands.mjs from ${label}; do not edit.
// command<TAB>attribute paths that probably have it (space-separated, most likely first), one command a line.
// Guesses: nixpkgs refers to \${PACKAGE}/bin/COMMAND, or the package's own file installs $out/bin/COMMAND.
export const COMMAND_GUESSES = ${JSON.stringify(lines.join("\n"))}
`)
