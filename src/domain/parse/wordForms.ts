/**
 * Word forms for topic words: "overriding" -> override, "entries" -> entry, "pinning" -> pin, so that a
 * topic names things the way an index, a manual or an option path does. Cheap string rules; a form is
 * only taken when `known` accepts it (a dictionary word, a vocabulary word).
 */

/** The forms a word may be an inflection of, the word itself first ("entries" -> entries, entry, entrie, entri). */
export const wordForms = (w: string): ReadonlyArray<string> => {
  const out = [w]
  const n = w.length
  if (n > 4 && w.endsWith("ies")) out.push(`${w.slice(0, -3)}y`)
  if (n > 4 && /(?:ss|sh|ch|x|z|o)es$/.test(w)) out.push(w.slice(0, -2))
  if (n > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) out.push(w.slice(0, -1))
  for (const suffix of ["ing", "ed"]) {
    if (n <= suffix.length + 2 || !w.endsWith(suffix)) continue
    const stem = w.slice(0, -suffix.length)
    // "pinning" -> pin, "overriding" -> override, "building" -> build, "copied" -> copy
    // (the doubled stem first: "adding" -> add before ad)
    out.push(`${stem}e`, stem)
    if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ss|ll|ff|zz)$/.test(stem)) out.push(stem.slice(0, -1))
    if (suffix === "ed" && stem.endsWith("i")) out.push(`${stem.slice(0, -1)}y`)
  }
  return out
}

/**
 * A plural's singular by the same rules ("readers" -> reader, "entries" -> entry, "access", "bus", "this" as they
 * are): the one form the option-description pairs are kept in (grammar/settingDescriptionWords.generated.ts),
 * by their generator and by their look-up alike.
 */
export const singularOf = (w: string): string =>
  w.endsWith("ies") && w.length > 4 ? `${w.slice(0, -3)}y` : w.endsWith("s") && w.length > 3 && !/(?:ss|us|is)$/.test(w) ? w.slice(0, -1) : w

/** The base form of a word that `known` accepts, or the word itself ("overriding" -> override). */
export const baseForm = (w: string, known: (form: string) => boolean): string => {
  for (const f of wordForms(w).slice(1)) if (known(f)) return f
  return w
}
