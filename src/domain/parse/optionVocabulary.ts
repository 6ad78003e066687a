/**
 * The words NixOS and home-manager option data is made of (development time: read by
 * scripts/gen-topic-vocabulary.ts to write grammar/topicVocabulary.generated.ts, never at run time).
 * Path words: each segment of an option's name, whole and split at camelCase and hyphens
 * ("boot.loader.grub.extraEntries" -> boot, loader, grub, extraentries, extra, entries).
 * Description words: the words of its description with the markup off.
 */

const WORD = /^[a-z][a-z0-9+-]*[a-z0-9+]$/

/** The words of an option's name ("services.openssh.permitRootLogin" -> services, openssh, permitrootlogin, permit, root, login). */
export const optionPathWords = (name: string): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const seg of name.split(".")) {
    if (seg.startsWith("<") || seg.includes("*") || seg.includes("\"")) continue
    const parts = seg.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9+-]+/).filter((p) => p !== "")
    for (const w of [seg.toLowerCase(), ...parts, ...parts.flatMap((p) => p.split("-"))]) if (WORD.test(w)) out.add(w)
  }
  return [...out]
}

/** The words of an option's description (DocBook markup and addresses off). */
export const descriptionWords = (description: string): ReadonlyArray<string> => {
  const text = description.replace(/<[^>]+>/g, " ").replace(/\b(?:https?|ftp):\/\/\S+/g, " ").toLowerCase()
  const out = new Set<string>()
  for (const raw of text.split(/[^a-z0-9+_.-]+/)) {
    const w = raw.replace(/^[._-]+|[._-]+$/g, "")
    if (w.length >= 2 && WORD.test(w)) out.add(w)
  }
  return [...out]
}
