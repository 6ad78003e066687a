/**
 * The words of a lower-case text as the topic checks read them: split where `between` matches, the
 * characters of `ends` taken off each word's start and those of `endsAfter` off its end, then `suffix`
 * off its end, and words shorter than `least` left out. ("Overriding the `kitty` package." -> overriding,
 * the, kitty, package.) One pass, with no regular expression run on each word and no array between
 * steps: these split every sentence of a long forum text, several times each.
 */
export const splitWords = (
  text: string, between: RegExp, ends: string, least: number, endsAfter = ends, suffix?: string
): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const piece of text.split(between)) {
    let from = 0
    let to = piece.length
    while (from < to && ends.includes(piece[from]!)) from++
    while (to > from && endsAfter.includes(piece[to - 1]!)) to--
    if (suffix !== undefined && to - from >= suffix.length && piece.startsWith(suffix, to - suffix.length)) to -= suffix.length
    if (to - from >= least) out.push(from === 0 && to === piece.length ? piece : piece.slice(from, to))
  }
  return out
}
