/**
 * Shared by the parser (typo fixes of verbs and package names) and the index (typo search).
 *
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: "tmxu" -> "tmux" is 1),
 * bounded: returns max + 1 as soon as the distance must exceed `max`. Pure, allocation-light.
 */
let rowA = new Int32Array(64)
let rowB = new Int32Array(64)
let rowC = new Int32Array(64)

/** Bit masks of where each ASCII letter occurs in the pattern (set and cleared by osaBits). */
const peq = new Int32Array(128)

/**
 * OSA distance by Hyyro's bit-vector algorithm (one machine word per column of the table instead of
 * a cell per letter pair): for patterns of 1..31 ASCII letters. About ten times faster than the table,
 * which matters in typo scans that compare a query with hundreds of names.
 */
const osaBits = (a: string, b: string, max: number): number => {
  const m = a.length
  for (let i = 0; i < m; i++) peq[a.charCodeAt(i)]! |= 1 << i
  const d = osaBitsIn(peq, m, b, 0, b.length, max)
  for (let i = 0; i < m; i++) peq[a.charCodeAt(i)] = 0
  return d
}

/** osaBits against text[from, from + n), with the pattern's letter masks `pe` (m letters) already set. */
const osaBitsIn = (pe: Int32Array, m: number, text: string, from: number, n: number, max: number): number => {
  const top = 1 << (m - 1)
  const full = m === 31 ? 0x7fffffff : (1 << m) - 1
  let vp = full
  let vn = 0
  let d0 = 0
  let pmPrev = 0
  let score = m
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(from + j)
    const pm = c < 128 ? pe[c]! : 0
    const tr = (((~d0) & pm) << 1) & pmPrev
    d0 = ((((pm & vp) + vp) ^ vp) | pm | vn | tr) & full
    const hp = (vn | ~(d0 | vp)) & full
    const hn = d0 & vp
    if (hp & top) score++
    else if (hn & top) score--
    // The score moves by at most one per remaining letter: past max + (letters left), it stays over.
    if (score - (n - 1 - j) > max) return max + 1
    const x = (hp << 1) | 1
    vn = x & d0
    vp = ((hn << 1) | ~(x | d0)) & full
    pmPrev = pm
  }
  return score > max ? max + 1 : score
}

const asciiUpTo31 = (s: string): boolean => {
  if (s.length === 0 || s.length > 31) return false
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false
  return true
}

export const osaDistance = (a: string, b: string, max: number): number => {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (la === 0 || lb === 0) return Math.max(la, lb)
  if (asciiUpTo31(a)) return osaBits(a, b, max)
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1); rowB = new Int32Array(lb + 1); rowC = new Int32Array(lb + 1)
  }
  // Only the band |i - j| <= max can hold a value <= max; cells outside it count as max + 1.
  const over = max + 1
  let prev2 = rowA // row i-2
  let prev = rowB // row i-1
  let cur = rowC
  for (let j = 0; j <= lb; j++) { prev[j] = j <= max ? j : over; prev2[j] = over }
  for (let i = 1; i <= la; i++) {
    const lo = i - max > 1 ? i - max : 1
    const hi = i + max < lb ? i + max : lb
    cur[0] = i <= max ? i : over
    if (lo > 1) cur[lo - 1] = over
    let rowMin = lo === 1 ? cur[0]! : over
    const ca = a.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1)
      let v = prev[j - 1]! + (ca === cb ? 0 : 1)
      const up = prev[j]! + 1
      if (up < v) v = up
      const left = cur[j - 1]! + 1
      if (left < v) v = left
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const t = prev2[j - 2]! + 1
        if (t < v) v = t
      }
      if (v > over) v = over
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (hi < lb) cur[hi + 1] = over
    if (rowMin > max) return over
    const t = prev2; prev2 = prev; prev = cur; cur = t
  }
  const d = prev[lb]!
  return d > max ? over : d
}

/**
 * osaDistance(a, text.slice(from, to), max) without cutting the string out first; with max 1 (the
 * commonest typo search) a linear scan instead of the table.
 */
export const osaDistanceIn = (a: string, text: string, from: number, to: number, max: number): number => {
  if (max > 1) return osaDistance(a, text.slice(from, to), max)
  const la = a.length
  const lb = to - from
  if (la === lb) {
    let i = 0
    while (i < la && a.charCodeAt(i) === text.charCodeAt(from + i)) i++
    if (i === la) return 0
    if (max < 1) return max + 1
    // one substitution at i, or the letters at i and i + 1 swapped
    let k = i + 1
    while (k < la && a.charCodeAt(k) === text.charCodeAt(from + k)) k++
    if (k === la) return 1
    if (i + 1 < la && a.charCodeAt(i) === text.charCodeAt(from + i + 1) && a.charCodeAt(i + 1) === text.charCodeAt(from + i)) {
      k = i + 2
      while (k < la && a.charCodeAt(k) === text.charCodeAt(from + k)) k++
      if (k === la) return 1
    }
    return max + 1
  }
  if (max < 1 || Math.abs(la - lb) !== 1) return max + 1
  // one letter inserted or deleted: skip it in the longer one at the first mismatch
  const longerIsA = la > lb
  const n = Math.min(la, lb)
  let i = 0
  while (i < n && a.charCodeAt(i) === text.charCodeAt(from + i)) i++
  for (let k = i; k < n; k++) {
    const x = longerIsA ? a.charCodeAt(k + 1) : a.charCodeAt(k)
    const y = longerIsA ? text.charCodeAt(from + k) : text.charCodeAt(from + k + 1)
    if (x !== y) return max + 1
  }
  return 1
}

/**
 * osaDistanceIn(a, text, from, to, max) for one pattern compared with many names (a typo scan): the
 * pattern's letter masks are made once instead of once per name, and no name is cut out of the text.
 */
export const osaMatcher = (a: string, max: number): ((text: string, from: number, to: number) => number) => {
  if (max <= 1 || !asciiUpTo31(a)) return (text, from, to) => osaDistanceIn(a, text, from, to, max)
  const m = a.length
  const pe = new Int32Array(128)
  for (let i = 0; i < m; i++) pe[a.charCodeAt(i)]! |= 1 << i
  return (text, from, to) => {
    const n = to - from
    if (Math.abs(m - n) > max) return max + 1
    if (n === 0) return m
    return osaBitsIn(pe, m, text, from, n, max)
  }
}
