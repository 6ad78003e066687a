/**
 * The names a typo search needs to look at, for a query and at most `maxEdits` edits:
 * - length within maxEdits of the query's;
 * - first two letters compatible with a typo (first letter kept, or second letter kept, or the two
 *   swapped; a typo rarely touches both);
 * - letter sets compatible: an edit removes at most one letter from the query's set and adds at most one.
 * Each length group lists its terms in sorted order, cut into runs of one first letter
 * (TermTable.firstLetterRuns) and of one first-two-letter pair (TermTable.pairRuns), so these are
 * whole runs looked up directly, instead of a scan of every name of about the right length.
 */
import type { TermTable } from "./TermTable.js"
import { charMask, popcount } from "./text.js"

export const forEachTypoCandidate = (
  keys: TermTable,
  q: string,
  maxEdits: number,
  visit: (termIndex: number) => void
): void => {
  const qmask = charMask(q)
  const terms = keys.terms
  const off = keys.termOff
  const c0 = q.length > 0 ? q.charCodeAt(0) : 0xffff
  const c1 = q.length > 1 ? q.charCodeAt(1) : 0xffff
  for (let l = Math.max(0, q.length - maxEdits); l <= q.length + maxEdits; l++) {
    const group = keys.lengthGroup(l)
    if (group.length === 0) continue
    const runs = keys.firstLetterRuns(l)
    const gm = keys.groupMasks(l)
    const pairs = keys.pairRuns(l)
    const take = (from: number, to: number) => {
      for (let g = from; g < to; g++) {
        const m = gm[g]!
        if (popcount(qmask & ~m) <= maxEdits && popcount(m & ~qmask) <= maxEdits) visit(group[g]!)
      }
    }
    for (let r = 0; r < runs.length; r += 3) {
      const x = runs[r]!
      if (x === c0) take(runs[r + 1]!, runs[r + 2]!) // first letter kept
      else if (q.length < 2 || l < 2) {
        // A one-letter query or term has no second letter to keep: only a substituted single letter.
        if (q.length < 2 && l < 2) take(runs[r + 1]!, runs[r + 2]!)
      } else if (x < 128 && c0 < 128 && c1 < 128) {
        const k = 2 * (x * 128 + c1) // first letter changed, second kept
        take(pairs[k]!, pairs[k + 1]!)
        if (x === c1 && c0 !== c1) { const s = 2 * (x * 128 + c0); take(pairs[s]!, pairs[s + 1]!) } // the first two swapped
      } else {
        // A non-ASCII letter (not in the pair table): check the second letter of each term of the run.
        for (let g = runs[r + 1]!; g < runs[r + 2]!; g++) {
          const b = terms.charCodeAt(off[group[g]!]! + 1)
          if (b === c1 || (x === c1 && b === c0)) take(g, g + 1)
        }
      }
    }
  }
}
