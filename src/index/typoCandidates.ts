/**
 * The names a typo search needs to look at: length within [min, max], and first two letters
 * compatible with a typo of the query (first letter kept, or second letter kept, or the two swapped;
 * a typo rarely touches both). Each length group lists its terms in sorted order, cut into runs of
 * one first letter (TermTable.firstLetterRuns), so these are whole runs plus binary-searched slices
 * of the others, instead of a scan of every name of about the right length (~20k per query before).
 */
import type { TermTable } from "./TermTable.js"

export const forEachTypoCandidate = (
  keys: TermTable,
  q: string,
  min: number,
  max: number,
  visit: (termIndex: number) => void
): void => {
  const terms = keys.terms
  const off = keys.termOff
  const second = (i: number): number => (off[i]! + 1 < off[i + 1]! ? terms.charCodeAt(off[i]! + 1) : -1)
  const c0 = q.length > 0 ? q.charCodeAt(0) : -1
  const c1 = q.length > 1 ? q.charCodeAt(1) : -1
  for (let l = Math.max(0, min); l <= max; l++) {
    const group = keys.lengthGroup(l)
    if (group.length === 0) continue
    const runs = keys.firstLetterRuns(l)
    /** The slice of [lo, hi) (one first letter, sorted by the second) whose second letter is b. */
    const slice = (lo: number, hi: number, b: number) => {
      let a = lo
      let z = hi
      while (a < z) { const m = (a + z) >>> 1; if (second(group[m]!) < b) a = m + 1; else z = m }
      for (let g = a; g < hi && second(group[g]!) === b; g++) visit(group[g]!)
    }
    for (let r = 0; r < runs.length; r += 3) {
      const x = runs[r]!
      const start = runs[r + 1]!
      const end = runs[r + 2]!
      if (x === c0) {
        for (let g = start; g < end; g++) visit(group[g]!) // first letter kept
        continue
      }
      slice(start, end, c1) // first letter changed, second kept
      if (x === c1 && c0 !== c1) slice(start, end, c0) // the first two swapped
    }
  }
}
