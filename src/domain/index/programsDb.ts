/**
 * The channel's programs database (programs.sqlite, table Programs(name, system, package): the data behind
 * command-not-found) as the index uses it: command -> attribute paths, for one system. Pure.
 */
import type { ProgramsDb } from "./commands.js"
import type { SqliteValue } from "./sqliteTable.js"

/** Nix's name for the system Node runs on ("x86_64-linux", "aarch64-darwin"). */
const NIX_ARCH: Readonly<Record<string, string>> = { x64: "x86_64", arm64: "aarch64", ia32: "i686" }
export const nixSystem = (arch: string, platform: string): string => `${NIX_ARCH[arch] ?? arch}-${platform}`

/**
 * Rows of the Programs table -> command -> packages, for `system` (all systems when the database has none
 * of it). Undefined when the rows are not a programs table (missing columns).
 */
export const programsFromRows = (rows: ReadonlyArray<Record<string, SqliteValue>>, system: string): ProgramsDb | string => {
  if (rows.length === 0) return "its Programs table is empty"
  if (!["name", "system", "package"].every((c) => c in rows[0]!)) return "its Programs table has no name, system and package columns"
  const ours = rows.some((r) => r["system"] === system)
  const out = new Map<string, Array<string>>()
  for (const r of rows) {
    const [name, sys, pkg] = [r["name"], r["system"], r["package"]]
    if (typeof name !== "string" || typeof pkg !== "string" || (ours && sys !== system)) continue
    const list = out.get(name)
    if (list === undefined) out.set(name, [pkg])
    else if (!list.includes(pkg)) list.push(pkg)
  }
  return out
}
