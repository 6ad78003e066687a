/** One NixOS or home-manager option, as the options data describes it (see ../shared/data/OPTIONS.md). */

export type OptionScope = "nixos" | "home"

export interface OptionRecord {
  /** `services.openssh.enable`; attribute sets of submodules read `users.users.<name?>.packages`. */
  readonly name: string
  /** The module system's description of the type: `boolean`, `null or string`, `list of packages`. */
  readonly type: string
  /** Nix text of the default (`false`, `"03:15"`, `pkgs.nix`), or null when there is none. */
  readonly default: string | null
  readonly example: string | null
  /** Plain text (DocBook markup of 19.09 turned into text). */
  readonly description: string
  readonly readOnly: boolean
  /** Files that declare it (`nixos/modules/services/networking/ssh/sshd.nix`). */
  readonly declarations: ReadonlyArray<string>
  /**
   * Not an option of its own but a key of an attribute-set option named in that option's example
   * (`nixpkgs.config.allowUnfree` from the example of `nixpkgs.config`): the option it belongs to.
   */
  readonly keyOf?: string
  /** An old name kept for compatibility ("Alias of services.openssh.enable."): the option it stands for. */
  readonly aliasOf?: string
}

/** The names of an option, split at the dots (`<name?>` and `*` stay placeholders). */
export const optionPath = (name: string): ReadonlyArray<string> => name.split(".")

const placeholder = /^(<name\??>|\*)$/

export const isPlaceholder = (component: string): boolean => placeholder.test(component)

/** Does `users.users.alice.packages` fall under `users.users.<name?>.packages`? */
export const matchesPattern = (pattern: ReadonlyArray<string>, path: ReadonlyArray<string>): boolean =>
  pattern.length === path.length && pattern.every((p, i) => p === path[i] || (isPlaceholder(p) && p !== "*"))
