/**
 * Words of option names and descriptions, and of what people type about them, reduced to comparable
 * stems: `timeZone` is "time" + "zone", `systemd-boot` is "systemd" + "boot", and "enables",
 * "enabled", "enabling", "enable" are all "enabl".
 */

/** A light suffix stemmer (English, no dictionary): enough to match the forms people type. */
export const stem = (word: string): string => {
  let w = word.toLowerCase()
  if (w.length <= 3) return w
  const rules: ReadonlyArray<readonly [string, string, number]> = [
    ["ically", "ic", 7], ["ally", "al", 6], ["ies", "y", 5], ["ing", "", 6], ["ed", "", 5], ["es", "", 5],
    ["ly", "", 5], ["s", "", 4]
  ]
  for (const [suffix, replacement, minLength] of rules) {
    if (w.length >= minLength && w.endsWith(suffix) && !(suffix === "s" && w.endsWith("ss"))) {
      w = w.slice(0, w.length - suffix.length) + replacement
      break
    }
  }
  if (w.length > 7 && /[^aeiou]or$/.test(w)) w = w.slice(0, -2) // collector -> collect
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1)
  return w
}

/** The words of an option name's component: camelCase, dashes and underscores split. */
export const componentWords = (component: string): ReadonlyArray<string> =>
  component
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\-]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase())

/** Plain words of a text (lowercase, letters and digits). */
export const textWords = (text: string): ReadonlyArray<string> => text.toLowerCase().match(/[a-z0-9]+/g) ?? []
