/**
 * The names a typo search needs to look at, for a query and at most `maxEdits` edits:
 * - length within maxEdits of the query's;
 * - first two letters compatible with a typo (first letter kept, or second letter kept, or the two
 *   swapped; a typo rarely touches both);
 * - letter sets compatible: an edit removes at most one letter from the query's set and adds at most one.
 * Each length group lists its terms in sorted order, cut into runs of one first letter
 * (TermTable.firstLetterRuns), so these are whole runs plus binary-searched slices of the others,
 * instead of a scan of every name of about the right length (~20k per query before).
 */
import type { TermTable } from "./TermTable.js"
import { charMask, popcount } from "./text.js"

export const forEachTypoCandidate = (
  keys: TermTable,
  q: string,
  maxEdits: number,
  visit: (termIndex: number) => void
): void => {
  const terms = keys.terms
  const off = keys.termOff
  const masks = keys.masks
  const qmask = charMask(q)
  const second = (i: number): number => (off[i]! + 1 < off[i + 1]! ? terms.charCodeAt(off[i]! + 1) : -1)
  const c0 = q.length > 0 ? q.charCodeAt(0) : -1
  const c1 = q.length > 1 ? q.charCodeAt(1) : -1
  for (let l = Math.max(0, q.length - maxEdits); l <= q.length + maxEdits; l++) {
    const group = keys.lengthGroup(l)
    if (group.length === 0) continue
    const runs = keys.firstLetterRuns(l)
    const take = (from: number, to: number) => {
      for (let g = from; g < to; g++) {
        const i = group[g]!
        const m = masks[i]!
        if (popcount(qmask & ~m) <= maxEdits && popcount(m & ~qmask) <= maxEdits) visit(i)
      }
    }
    /** The slice of [lo, hi) (one first letter, sorted by the second) whose second letter is b. */
    const slice = (lo: number, hi: number, b: number) => {
      let a = lo
      let z = hi
      while (a < z) { const mid = (a + z) >>> 1; if (second(group[mid]!) < b) a = mid + 1; else z = mid }
      let e = a
      while (e < hi && second(group[e]!) === b) e++
      take(a, e)
    }
    for (let r = 0; r < runs.length; r += 3) {
      const x = runs[r]!
      const start = runs[r + 1]!
      const end = runs[r + 2]!
      if (x === c0) take(start, end) // first letter kept
      else {
        slice(start, end, c1) // first letter changed, second kept
        if (x === c1 && c0 !== c1) slice(start, end, c0) // the first two swapped
      }
    }
  }
}
