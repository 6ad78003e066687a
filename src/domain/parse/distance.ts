import { osaDistance } from "../osa.js"

/** Optimal string alignment distance (Levenshtein plus adjacent transposition); max + 1 when above `max`. */
export const editDistance = (a: string, b: string, max = 3): number => (a === b ? 0 : osaDistance(a, b, max))

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
