/** Optimal string alignment distance (Levenshtein plus adjacent transposition), giving up above `max`. */
export const editDistance = (a: string, b: string, max = 3): number => {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let cur = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[n]!
}

/** True when b is a's neighbour letters swapped once ("tmxu" / "tmux"). */
export const isTransposition = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
}

/**
 * Is `candidate` a plausible misspelling-fix of `word`? Conservative on purpose: short words differ
 * by one letter from many real packages ("btop" is not "htop"), so they are only fixed for a swap.
 */
export const plausibleTypo = (word: string, candidate: string): boolean => {
  if (word.length < 3) return false
  if (isTransposition(word, candidate)) return true
  const d = editDistance(word, candidate, 2)
  if (d === 1) return word.length >= 5 && (word[0] === candidate[0] || isTransposition(word.slice(0, 2), candidate.slice(0, 2)))
  if (d === 2) return word.length >= 8 && word[0] === candidate[0]
  return false
}
