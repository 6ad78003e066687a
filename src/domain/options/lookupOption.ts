/**
 * Finding an option by its name: exactly, under an attribute-set placeholder
 * (`users.users.alice.packages` is `users.users.<name?>.packages`), or, for a misspelt name, the
 * closest names (did-you-mean), by edit distance over whole names and then per component.
 */
import { osaDistance } from "../osa.js"
import { matchesPattern } from "./OptionRecord.js"
import { findName, type OptionsTable } from "./OptionsTable.js"

/** The option's id, or undefined. */
export const lookupOption = (table: OptionsTable, name: string): number | undefined => {
  const exact = findName(table, name)
  if (exact >= 0) return exact
  const path = name.split(".")
  for (let id = 0; id < table.count; id++) {
    const candidate = table.name(id)
    if (candidate.includes("<") && matchesPattern(candidate.split("."), path)) return id
  }
  return undefined
}

/** Close names for one that does not exist: at most `limit`, closest first. */
export const suggestOptions = (table: OptionsTable, name: string, limit = 3): ReadonlyArray<string> => {
  const max = Math.max(2, Math.min(4, Math.floor(name.length / 8)))
  const scored: Array<{ readonly name: string; readonly d: number }> = []
  const parts = name.split(".")
  for (let id = 0; id < table.count; id++) {
    const candidate = table.name(id)
    if (Math.abs(candidate.length - name.length) > max) continue
    const d = osaDistance(name.toLowerCase(), candidate.toLowerCase(), max)
    if (d <= max) scored.push({ name: candidate, d })
  }
  if (scored.length === 0) {
    // a wrong word inside a long name: same number of components, each close
    for (let id = 0; id < table.count; id++) {
      const cparts = table.name(id).split(".")
      if (cparts.length !== parts.length) continue
      let total = 0
      for (let i = 0; i < parts.length && total <= max; i++) {
        total += cparts[i] === parts[i] ? 0 : osaDistance(parts[i]!.toLowerCase(), cparts[i]!.toLowerCase(), 3)
      }
      if (total <= max) scored.push({ name: table.name(id), d: total })
    }
  }
  return scored.sort((a, b) => a.d - b.d || a.name.length - b.name.length).slice(0, limit).map((s) => s.name)
}
