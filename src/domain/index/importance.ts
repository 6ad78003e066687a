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

/** log2 of the files that name it (at most 6: libraries named everywhere are not what a category means) + log2 of its inputs. */
export const importanceOf = (refs: number, inputs: number): number => {
  const v = Math.min(6, Math.log2(1 + refs)) + Math.log2(1 + inputs)
  return v < FLOOR ? 0 : v
}
