/**
 * Shared by the parser (typo fixes of verbs and package names) and the index (typo search).
 *
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: "tmxu" -> "tmux" is 1),
 * bounded: returns max + 1 as soon as the distance must exceed `max`. Pure, allocation-light.
 */
let rowA = new Int32Array(64)
let rowB = new Int32Array(64)
let rowC = new Int32Array(64)

export const osaDistance = (a: string, b: string, max: number): number => {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (la === 0 || lb === 0) return Math.max(la, lb)
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1); rowB = new Int32Array(lb + 1); rowC = new Int32Array(lb + 1)
  }
  let prev2 = rowA // row i-2
  let prev = rowB // row i-1
  let cur = rowC
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1)
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2; prev2 = prev; prev = cur; cur = t
  }
  const d = prev[lb]!
  return d > max ? max + 1 : d
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
