/**
 * Which commands each package has, as the index stores them: certain ones (meta.mainProgram, a programs
 * database such as the channel's programs.sqlite) and likely ones (well-known commands, and what nixpkgs
 * itself says: ${PACKAGE}/bin/COMMAND; then Debian's file lists joined to nixpkgs names). Pure; used at index build time.
 */
import { COMMAND_GUESSES } from "./commandGuesses.generated.js"
import { DEBIAN_COMMANDS } from "./debianCommands.generated.js"
import type { IndexRecord } from "./IndexRecord.js"
import { KNOWN_COMMANDS, MULTI_COMMAND_PACKAGES } from "./knownCommands.js"

/** A programs database: command name -> attribute paths that have it (for the user's system). */
export type ProgramsDb = ReadonlyMap<string, ReadonlyArray<string>>

export interface PackageCommands {
  readonly certain: ReadonlyArray<string>
  readonly likely: ReadonlyArray<string>
}

/** The generated guesses as command -> attribute paths (parsed on each index build; a few milliseconds). */
const guesses = (): Map<string, ReadonlyArray<string>> => {
  const out = new Map<string, ReadonlyArray<string>>()
  for (const line of COMMAND_GUESSES.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1).split(" "))
  }
  return out
}

/** Debian's file lists joined to nixpkgs (debianCommands.generated.ts): attribute paths -> commands, one group a line. */
const debianGuesses = (): Map<string, ReadonlyArray<string>> => {
  const out = new Map<string, ReadonlyArray<string>>()
  for (const line of DEBIAN_COMMANDS.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab > 0) for (const cmd of line.slice(tab + 1).split(" ")) out.set(cmd, line.slice(0, tab).split(" "))
  }
  return out
}

/**
 * Commands per attribute path of `records`. With a programs database, only it (and meta.mainProgram) is
 * believed: it lists every command of the channel, so a guess it does not confirm is left out.
 */
export const packageCommands = (records: ReadonlyArray<IndexRecord>, programs?: ProgramsDb): Map<string, PackageCommands> => {
  const known = new Set(records.map((r) => r.attrPath))
  const certain = new Map<string, Set<string>>()
  const likely = new Map<string, Set<string>>()
  const add = (m: Map<string, Set<string>>, attrPath: string, cmd: string) => {
    if (!known.has(attrPath)) return
    let s = m.get(attrPath)
    if (s === undefined) { s = new Set(); m.set(attrPath, s) }
    s.add(cmd)
  }
  for (const r of records) if (r.mainProgram !== null) add(certain, r.attrPath, r.mainProgram)
  if (programs !== undefined) {
    for (const [cmd, attrPaths] of programs) for (const a of attrPaths) add(certain, a, cmd)
  } else {
    for (const [cmd, attrPaths] of Object.entries(KNOWN_COMMANDS)) for (const a of attrPaths) add(likely, a, cmd)
    for (const [attrPaths, cmds] of MULTI_COMMAND_PACKAGES) for (const a of attrPaths) for (const cmd of cmds.split(" ")) add(likely, a, cmd)
    const mined = guesses()
    for (const [cmd, attrPaths] of mined) for (const a of attrPaths) add(likely, a, cmd)
    // Debian's file lists, for commands nixpkgs' own evidence does not place (its guesses come first).
    for (const [cmd, attrPaths] of debianGuesses()) {
      if (!mined.has(cmd) && KNOWN_COMMANDS[cmd] === undefined) for (const a of attrPaths) add(likely, a, cmd)
    }
  }
  const out = new Map<string, PackageCommands>()
  for (const a of new Set([...certain.keys(), ...likely.keys()])) {
    const c = certain.get(a) ?? new Set<string>()
    out.set(a, { certain: [...c], likely: [...(likely.get(a) ?? [])].filter((x) => !c.has(x)) })
  }
  return out
}
