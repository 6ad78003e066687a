/**
 * How important a package is to nixpkgs itself (importance.generated.ts, mined from a nixpkgs tree by
 * scripts/mine-importance.mjs): how many other files name it, and how many inputs its expression takes.
 * Software that much of nixpkgs names or that is big is what people mean by a category: gimp (10 files, 45
 * inputs) for "image editor" before cinepaint (0, 34), openssh (119, 15) for "ssh server". Pure; used at index
 * build time.
 */

/** attribute path -> [refs, inputs] */
export type ImportanceTable = ReadonlyMap<string, readonly [number, number]>

/** Parses the generated table (attribute path, refs, inputs: tab-separated, one a line). */
export const parseImportance = (text: string): ImportanceTable => {
  const out = new Map<string, readonly [number, number]>()
  for (const line of text.split("\n")) {
    const [attr, refs, inputs] = line.split("\t")
    if (attr === undefined || refs === undefined || inputs === undefined) continue
    out.set(attr, [Number(refs), Number(inputs)])
  }
  return out
}

/** Points per unit of importance (a popularity that search counts in full only when all words match). */
export const IMPORTANCE_POINTS = 20

/** Below this, importance says nothing (a small tool named nowhere else). */
const FLOOR = 3

/**
 * At most this much for the files that name a package (15 files and more): beyond that, they say how much of
 * nixpkgs builds on it (imagemagick 109, asciidoc 60, networkmanager 49) or how common its name is as an
 * identifier (aws 39), not how much people use it; its inputs still tell big programs apart (gimp 45). 6 until
 * session 9: dev MRR 0.893 -> 0.895 at 4 (3: 0.889, 5: 0.893).
 */
const MAX_REFS_LOG2 = 4

/** log2 of the files that name it (at most MAX_REFS_LOG2) + log2 of its inputs. */
export const importanceOf = (refs: number, inputs: number): number => {
  const v = Math.min(MAX_REFS_LOG2, Math.log2(1 + refs)) + Math.log2(1 + inputs)
  return v < FLOOR ? 0 : v
}
