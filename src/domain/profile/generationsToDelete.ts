/**
 * Which generations `nix-env --delete-generations` would delete (Nix's profiles.cc):
 * `keep` undefined = every generation but the current one ("old");
 * `keep` N = "+N": the current one and the N-1 before it stay, as do any newer than the current one.
 */
export const generationsToDelete = (
  numbers: ReadonlyArray<number>,
  current: number,
  keep: number | undefined
): ReadonlyArray<number> => {
  const sorted = [...numbers].sort((a, b) => a - b)
  if (keep === undefined) return sorted.filter((n) => n !== current)
  let left = Math.max(keep, 1) - 1
  return sorted.filter((n) => n < current).reverse().filter(() => left-- <= 0).reverse()
}
