/**
 * A "without" that narrows an order instead of refusing it: "GC the packages, _without_ removing anything
 * else", "update firefox without touching anything else", "delete old generations without the current one".
 * What follows it spares everything the order is not about, which the order already does; the order is read
 * without it. A "without" that refuses the order's own work ("install firefox without installing it") is kept.
 */
const NARROWING = / ?,? _?without_? (?:[a-z]+ing )?(?:anything|everything|any other|all other|the rest|others?|the current|my current)\b.*$/

/** The text without a narrowing clause at its end ("gc the packages , without removing anything else" -> "gc the packages"). */
export const withoutNarrowing = (text: string): string => {
  if (!text.includes("without")) return text
  const cut = text.replace(NARROWING, "")
  return cut === "" ? text : cut
}
