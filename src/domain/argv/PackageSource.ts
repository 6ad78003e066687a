/** Where packages come from: a Nix file (`--file`, as `nix-env -f`) or a flake (`--flake`, default nixpkgs). */
export type PackageSource =
  | { readonly _tag: "file"; readonly path: string }
  | { readonly _tag: "flake"; readonly ref: string }

export const sourceOf = (file: string | undefined, flake: string): PackageSource =>
  file !== undefined ? { _tag: "file", path: file } : { _tag: "flake", ref: flake }

export const describeSource = (s: PackageSource): string => (s._tag === "file" ? s.path : s.ref)

/** Packages from the user's own file or flake: their names are not nixpkgs' (the index does not know them). */
export const isCustomSource = (s: PackageSource): boolean => s._tag === "file" || !/(^|[:/])nixpkgs([/?#]|$)/.test(s.ref)
