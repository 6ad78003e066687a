/** A generation diff in a few words per change, for plan notes ("firefox 127.0 -> 126.0"). */
import type { GenerationDiff } from "../Plan.js"

export const describeDiff = (d: GenerationDiff, limit = 8): ReadonlyArray<string> => {
  const all = [
    ...d.changed.map((c) => `${c.name} ${c.from} -> ${c.to}`),
    ...d.added.map((a) => `+ ${a.name} ${a.version}`.trim()),
    ...d.removed.map((r) => `- ${r.name} ${r.version}`.trim())
  ]
  if (all.length === 0) return ["no package changes"]
  return all.length > limit ? [...all.slice(0, limit), `... and ${all.length - limit} more`] : all
}
