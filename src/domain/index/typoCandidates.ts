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
import { ALPHABET, HASH_SEED, hashChar, hashChars, inAlphabet, mayHold, pairSlot, type TermTable } from "./TermTable.js"
import { charMask, popcount } from "./text.js"

/**
 * popcount(x) <= k. A typo scan allows one or two edits, and for those clearing the lowest set bit
 * once or twice answers without counting (this test runs for every name of a scanned run).
 */
const fewBits = (x: number, k: number): boolean => {
  if (k === 0) return x === 0
  if (k === 1) return (x & (x - 1)) === 0
  if (k === 2) {
    const y = x & (x - 1)
    return (y & (y - 1)) === 0
  }
  return popcount(x) <= k
}

export const forEachTypoCandidate = (
  keys: TermTable,
  q: string,
  maxEdits: number,
  visit: (termIndex: number) => void
): void => {
  const qmask = charMask(q)
  const chars = keys.chars
  const off = keys.termOff
  const c0 = q.length > 0 ? q.charCodeAt(0) : 0xffff
  const c1 = q.length > 1 ? q.charCodeAt(1) : 0xffff
  const c2 = q.length > 2 ? q.charCodeAt(2) : 0xffff
  const restAfter1 = q.slice(1)
  const restAfter2 = q.slice(2)
  const filter0 = keys.filter(0)
  const filter1 = keys.filter(1)
  /**
   * May the table hold the term a b + rest? (most looked-up terms do not exist: no binary search for
   * them.) A search tries many a for one b + rest, or many b for one a + rest: each is asked of the filter
   * whose word is chosen by the letters that stay, so that all the tries of one place read one word.
   */
  const mayHaveFirst = (a: number, b: number, rest: string) =>
    filter0 === undefined || mayHold(filter0, hashChars(hashChar(HASH_SEED, b), rest, 0, rest.length), a)
  /** mayHaveFirst for the many b of one a + rest, whose rest hash (restHash at 1) is h. */
  const mayHaveSecond = (h: number, b: number) => filter1 === undefined || mayHold(filter1, h, b)
  for (let l = Math.max(0, q.length - maxEdits); l <= q.length + maxEdits; l++) {
    const group = keys.lengthGroup(l)
    if (group.length === 0) continue
    const runs = keys.firstLetterRuns(l)
    const gm = keys.groupMasks(l)
    const pairs = keys.pairRuns(l)
    // A term longer by d needs d insertions, which leave fewer edits to lose the query's letters (and a
    // shorter one d deletions, fewer to bring new letters): missing <= maxEdits - d, new <= maxEdits.
    const missMax = maxEdits - Math.max(0, l - q.length)
    const newMax = maxEdits - Math.max(0, q.length - l)
    const take = (from: number, to: number) => {
      for (let g = from; g < to; g++) {
        const m = gm[g]!
        if (fewBits(qmask & ~m, missMax) && fewBits(m & ~qmask, newMax)) visit(group[g]!)
      }
    }
    /**
     * In group positions [from, to), whose terms all share their first two letters (so they are sorted
     * by what follows), the one whose letters after the second are `rest`, or -1.
     */
    const exactAfter2 = (from: number, to: number, rest: string) => {
      let lo = from
      let hi = to
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (keys.compareTerm(group[mid]!, rest, 2) < 0) lo = mid + 1
        else hi = mid
      }
      return lo < to && keys.compareTerm(group[lo]!, rest, 2) === 0 ? lo : -1
    }
    // One edit, first letter kept, ASCII: the edit is either after the second letter (the run of the
    // pair c0 c1), or at the second letter: deleted or swapped with the third (pair c0 q[2]), or
    // replaced / preceded by another letter X (the one term c0 X + the rest, looked up in pair c0 X).
    // A few lookups instead of a scan of every term of about this length starting with c0.
    // More edits (or a letter outside the name alphabet): every term of this length whose first letter is
    // not c0 is a candidate when its second letter is c1 (kept), or when it starts c1 c0 (the two swapped).
    // The first are one range of the group in second-letter order, read in sequence; the rest of the loop
    // below takes the run of c0 only.
    const byRange = l >= 2 && q.length >= 2 && !(maxEdits === 1 && inAlphabet(c0) && inAlphabet(c1))
    if (byRange) {
      const order = keys.bySecond(l)
      /** The terms of second letter b whose first letter is (keep true) or is not (keep false) a. */
      const takeSecond = (b: number, a: number, keep: boolean) => {
        const range = order.ranges.get(b)
        if (range === undefined) return
        for (let k = range[0]; k < range[1]; k++) {
          const m = order.masks[k]!
          if ((order.firsts[k] === a) === keep && fewBits(qmask & ~m, missMax) && fewBits(m & ~qmask, newMax)) visit(order.terms[k]!)
        }
      }
      takeSecond(c1, c0, false)
      if (c0 !== c1) {
        const slot = pairSlot(c1, c0)
        if (slot >= 0) take(pairs[2 * slot]!, pairs[2 * slot + 1]!)
        else takeSecond(c0, c1, true)
      }
    }
    /** Do the pair table's runs of first letter x (this group's run r) cover the whole run? */
    const pairsCover = (x: number, r: number) => {
      const row = pairSlot(x, ALPHABET.charCodeAt(0))
      if (row < 0) return false
      let covered = 0
      for (let y = 0; y < ALPHABET.length; y++) covered += pairs[2 * (row + y) + 1]! - pairs[2 * (row + y)]!
      return covered === runs[r + 2]! - runs[r + 1]!
    }
    const oneEditKeepFirst = maxEdits === 1 && q.length >= 3 && inAlphabet(c0) && inAlphabet(c1) && inAlphabet(c2) && l >= 2
    for (let r = 0; r < runs.length; r += 3) {
      const x = runs[r]!
      if (x === c0 && oneEditKeepFirst) {
        const k1 = 2 * pairSlot(c0, c1)
        take(pairs[k1]!, pairs[k1 + 1]!)
        if (c2 !== c1) { const k2 = 2 * pairSlot(c0, c2); take(pairs[k2]!, pairs[k2 + 1]!) }
        const rest = l === q.length ? restAfter2 : l === q.length + 1 ? restAfter1 : undefined
        if (rest !== undefined) {
          const h = hashChars(hashChar(HASH_SEED, c0), rest, 0, rest.length)
          // Each pair c0 X of this run in turn: from the pair table when its runs cover the whole run (every
          // second letter in the name alphabet, the usual case: no term is read to find them), else walked
          // in the group (they follow one another in the sorted group).
          const row = pairSlot(c0, ALPHABET.charCodeAt(0)) // (the slots of c0 X, X in alphabet order, follow it)
          if (pairsCover(c0, r)) {
            for (let y = 0; y < ALPHABET.length; y++) {
              const from = pairs[2 * (row + y)]!
              const to = pairs[2 * (row + y) + 1]!
              const b = ALPHABET.charCodeAt(y)
              if (from < to && b !== c1 && b !== c2 && mayHaveSecond(h, b)) {
                const at = exactAfter2(from, to, rest)
                if (at >= 0) take(at, at + 1)
              }
            }
          } else {
            for (let g = runs[r + 1]!; g < runs[r + 2]!;) {
              const b = chars[off[group[g]!]! + 1]
              const slot = pairSlot(c0, b)
              const end = slot >= 0 ? pairs[2 * slot + 1]! : g + 1
              if (b !== c1 && b !== c2 && mayHaveSecond(h, b)) {
                const at = exactAfter2(g, end, rest)
                if (at >= 0) take(at, at + 1)
              }
              g = end > g ? end : g + 1
            }
          }
        }
      } else if (x === c0 && l === q.length - maxEdits && maxEdits >= 2 && q.length > maxEdits + 1 && pairsCover(x, r)) {
        // First letter kept, shorter by all the edits: only deletions, so the second letter is one of
        // q[1..maxEdits + 1]: those pair runs instead of the whole run.
        const seen: Array<number> = []
        for (let k = 1; k <= maxEdits + 1; k++) {
          const b = q.charCodeAt(k)
          if (seen.includes(b)) continue
          seen.push(b)
          const slot = pairSlot(c0, b)
          if (slot >= 0) take(pairs[2 * slot]!, pairs[2 * slot + 1]!)
        }
      } else if (x === c0) take(runs[r + 1]!, runs[r + 2]!) // first letter kept
      else if (byRange) continue // (taken above)
      else if (q.length < 2 || l < 2) {
        // A one-letter query or term has no second letter to keep: only a substituted single letter.
        if (q.length < 2 && l < 2) take(runs[r + 1]!, runs[r + 2]!)
      } else if (inAlphabet(x) && inAlphabet(c0) && inAlphabet(c1) && maxEdits === 1) {
        // One edit that changes the first letter is at the first letter, so each case is one term,
        // looked up (and kept only when the rule's second-letter condition holds):
        // (a is x, this run's letter.)
        const lookup = (a: number, b: number, rest: string) => {
          const slot = pairSlot(a, b)
          // (the filter first: its tries of one b + rest read one word, where the pair table's of each a are scattered)
          if (!mayHaveFirst(a, b, rest) || (slot >= 0 && pairs[2 * slot] === pairs[2 * slot + 1])) return
          if (slot >= 0) {
            const at = exactAfter2(pairs[2 * slot]!, pairs[2 * slot + 1]!, rest)
            if (at >= 0) take(at, at + 1)
            return
          }
          for (let g = runs[r + 1]!; g < runs[r + 2]!; g++) {
            if (chars[off[group[g]!]! + 1] === b && keys.compareTerm(group[g]!, rest, 2) === 0) take(g, g + 1)
          }
        }
        if (l === q.length) {
          lookup(x, c1, restAfter2) // replaced: x + q[1..]
          if (x === c1 && c0 !== c1) lookup(c1, c0, restAfter2) // the first two swapped
        } else if (l === q.length + 1) {
          if (c0 === c1 || x === c1) lookup(x, c0, restAfter1) // x inserted before q
        } else if (x === c1 && (c2 === c1 || c2 === c0) && q.length >= 3) {
          lookup(c1, c2, q.slice(3)) // the first letter deleted: q[1..]
        }
      } else if (inAlphabet(x) && inAlphabet(c0) && inAlphabet(c1)) {
        const k = 2 * pairSlot(x, c1) // first letter changed, second kept
        take(pairs[k]!, pairs[k + 1]!)
        if (x === c1 && c0 !== c1) { const s = 2 * pairSlot(x, c0); take(pairs[s]!, pairs[s + 1]!) } // the first two swapped
      } else {
        // A non-ASCII letter (not in the pair table): check the second letter of each term of the run.
        for (let g = runs[r + 1]!; g < runs[r + 2]!; g++) {
          const b = chars[off[group[g]!]! + 1]
          if (b === c1 || (x === c1 && b === c0)) take(g, g + 1)
        }
      }
    }
  }
}
