/**
 * "install fira code", "git lfs": words written next to each other in one phrase that the index knows as one name
 * joined with "-" (fira-code, git-lfs) are that one package, not several ("code" alone is vscode). Only with an index:
 * without one nothing says the joined name exists, and "firefox chromium" stays two packages.
 */
import type { NameResolver } from "./NameResolver.js"
import type { PackageWord } from "./objects.js"

/** The longest run looked at: "noto fonts cjk extra" is rare, and each try is an exact look-up. */
const LONGEST = 4
const joinable = (p: PackageWord): boolean => (p.how === "split" || p.how === "alias") && /^[a-z0-9][a-z0-9_-]*$/i.test(p.written)

export const joinNames = (words: ReadonlyArray<PackageWord>, names: NameResolver | undefined): ReadonlyArray<PackageWord> => {
  if (names === undefined || !words.some((p) => p.together === true)) return words
  const out: Array<PackageWord> = []
  for (let i = 0; i < words.length; i++) {
    let end = i
    if (joinable(words[i]!)) {
      while (end + 1 < words.length && end + 1 - i < LONGEST && words[end + 1]!.together === true && joinable(words[end + 1]!)) end++
    }
    // the longest run the index knows, from this word on
    let found: PackageWord | undefined
    for (let j = end; j > i; j--) {
      const run = words.slice(i, j + 1)
      const name = run.map((p) => p.written.toLowerCase()).join("-")
      if (!names.exists(name)) continue
      found = { word: name, written: run.map((p) => p.written).join(" "), how: "joined", candidates: [name] }
      i = j
      break
    }
    out.push(found ?? words[i]!)
  }
  return out
}
