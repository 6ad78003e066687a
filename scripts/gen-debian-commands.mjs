// Development-time generator of src/domain/index/debianCommands.generated.ts: which nixpkgs packages probably
// have which commands, from Debian's file lists (nothing of it is read at run time, and nothing of Debian ships).
// Debian's Contents index names the package of every /usr/bin/X (real file lists, unlike nixpkgs 2020, which has no
// programs.sqlite for its channel); its Packages index gives each Debian package's source package and homepage,
// through which it is joined to a nixpkgs attribute:
//   1. a top-level attribute or pname equal to the Debian package's name, its source package's name, or that name
//      without a trailing version (bind9 -> bind);
//   2. else the same homepage (scheme, "www." and a trailing slash ignored) when at most two attributes have it.
// Commands that nixpkgs' own evidence already places (scripts/mine-commands.mjs, knownCommands.ts) are not
// repeated, nor a command that is the package's own name (search finds that anyway).
// Data: http://deb.debian.org/debian/dists/bookworm/main/Contents-amd64.gz and the bookworm main Packages index
// (apt's /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4, `lz4 -dc`).
// Usage: node scripts/gen-debian-commands.mjs CONTENTS_GZ PACKAGES PACKAGES_JSON_GZ [LABEL] > src/domain/index/debianCommands.generated.ts
// (PACKAGES_JSON_GZ: ../shared/data/nixpkgs-channel-2020.json.gz). Deterministic: the same inputs give the same file.
import { readFileSync } from "node:fs"
import { gunzipSync } from "node:zlib"

const [contentsFile, packagesFile, nixFile, label = "Debian bookworm main"] = process.argv.slice(2)
if (contentsFile === undefined || packagesFile === undefined || nixFile === undefined) {
  console.error("usage: node scripts/gen-debian-commands.mjs CONTENTS_GZ PACKAGES PACKAGES_JSON_GZ [LABEL]")
  process.exit(2)
}

/** Debian binary package -> { source, homepage } */
const debian = new Map()
for (const stanza of readFileSync(packagesFile, "utf8").split("\n\n")) {
  const field = (f) => new RegExp(`^${f}: *(.*)$`, "m").exec(stanza)?.[1]?.trim()
  const name = field("Package")
  if (name === undefined) continue
  debian.set(name, { source: (field("Source") ?? name).replace(/\s*\(.*\)$/, ""), homepage: field("Homepage") })
}

const home = (url) => url?.toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/^www\./, "").replace(/\/+$/, "").replace(/\/index\.html?$/, "")
const nix = JSON.parse(gunzipSync(readFileSync(nixFile)).toString("utf8"))
/** lower-case name (attribute or pname) -> top-level attributes; homepage -> top-level attributes */
const byName = new Map()
const byHome = new Map()
const push = (m, k, v) => {
  if (k === undefined || k === "") return
  const l = m.get(k) ?? []
  if (!l.includes(v)) l.push(v)
  m.set(k, l)
}
const entries = Object.entries(nix).filter(([attr]) => !attr.includes("."))
// An attribute of the name first (util-linux's pname is shared by libuuid), then pnames.
for (const [attr] of entries) push(byName, attr.toLowerCase(), attr)
for (const [attr, p] of entries) {
  if (typeof p?.pname === "string") push(byName, p.pname.toLowerCase(), attr)
  if (typeof p?.meta?.homepage === "string") push(byHome, home(p.meta.homepage), attr)
}

/** Debian package -> nixpkgs attributes (best first), or none */
const joined = new Map()
const join = (pkg) => {
  if (joined.has(pkg)) return joined.get(pkg)
  const d = debian.get(pkg)
  const names = [pkg, d?.source, d?.source.replace(/[-.]?\d+(?:\.\d+)*$/, "")].filter((x) => x !== undefined)
  let out = []
  for (const n of names) {
    const hit = byName.get(n.toLowerCase())
    if (hit !== undefined) { out = hit; break }
  }
  if (out.length === 0) {
    const h = byHome.get(home(d?.homepage))
    if (h !== undefined && h.length <= 2) out = h
  }
  // One attribute per Debian package: the one named like it (binutils, not binutils-unwrapped; utillinux, not libuuid
  // of the same pname), else the first.
  const bare = (x) => x.toLowerCase().replace(/[^a-z0-9]/g, "")
  const like = (a) => (a.toLowerCase() === pkg ? 2 : names.some((n) => bare(n) === bare(a)) ? 1 : 0)
  out = [...out].sort((a, b) => like(b) - like(a)).slice(0, 1)
  joined.set(pkg, out)
  return out
}

// What nixpkgs' own evidence already says (the other tables) is not repeated.
const already = new Set()
const guessesText = readFileSync(new URL("../src/domain/index/commandGuesses.generated.ts", import.meta.url), "utf8")
for (const m of guessesText.matchAll(/(?:^|\\n|")([^\t"\\]+)\\t/g)) already.add(m[1])
const knownText = readFileSync(new URL("../src/domain/index/knownCommands.ts", import.meta.url), "utf8")
for (const m of knownText.matchAll(/(?:^|[\s{,])"?([A-Za-z0-9_.+-]+)"?: \[/g)) already.add(m[1])

const COMMAND = /^[A-Za-z0-9][A-Za-z0-9_.+-]*[A-Za-z0-9+]$/
/** command -> Debian packages installing it */
const files = new Map()
for (const line of gunzipSync(readFileSync(contentsFile)).toString("utf8").split("\n")) {
  const m = /^(?:usr\/)?s?bin\/([^/\s]+)\s+(\S+)$/.exec(line)
  if (m !== null) files.set(m[1], m[2].split(",").map((q) => q.slice(q.lastIndexOf("/") + 1)))
}
// Debian installs some commands under a versioned name that update-alternatives links the plain name to
// (identify-im6.q16 -> identify, cpp-12 -> cpp): the plain name, when no other package installs it as a file, is theirs instead.
const VERSIONED = /^(.+?)-(?=[^-]*\d)[A-Za-z]*\d[A-Za-z0-9.]*$/
const asFiles = new Set(files.keys())
for (const [cmd, pkgs] of [...files]) {
  const plain = VERSIONED.exec(cmd)?.[1]
  if (plain === undefined || asFiles.has(plain)) continue
  files.set(plain, [...new Set([...(files.get(plain) ?? []), ...pkgs])])
  files.delete(cmd) // (the versioned name itself is no one's everyday command)
}
/** command -> attributes */
const table = new Map()
for (const [cmd, pkgs] of files) {
  // (cross tools, aarch64-linux-gnu-objdump, are no one's everyday command)
  if (!COMMAND.test(cmd) || /-linux-gnu/.test(cmd) || cmd.length > 40 || already.has(cmd) || byName.has(cmd.toLowerCase())) continue
  const attrs = []
  for (const q of pkgs) for (const a of join(q)) if (!attrs.includes(a)) attrs.push(a)
  if (attrs.length > 0) table.set(cmd, attrs.slice(0, 3))
}

// Grouped by the attributes that have them (a package's commands share one line).
const byAttrs = new Map()
for (const cmd of [...table.keys()].sort()) {
  const key = table.get(cmd).join(" ")
  byAttrs.set(key, [...(byAttrs.get(key) ?? []), cmd])
}
const lines = [...byAttrs.keys()].sort().map((attrs) => `${attrs}\t${byAttrs.get(attrs).join(" ")}`)
process.stdout.write(`// Generated by scripts/gen-debian-commands.mjs from ${label} (Contents-amd64 and Packages); do not edit.
// nixpkgs attribute paths (space-separated)<TAB>the commands they probably have (space-separated), one group a line:
// Debian's package of /usr/bin/COMMAND, joined to nixpkgs by name, source package or homepage. Guesses, weaker than
// nixpkgs' own.
export const DEBIAN_COMMANDS = ${JSON.stringify(lines.join("\n"))}
`)
