/** Building the index: what to build it from, the progress it reports, and what it built. */
import type { IndexStatus } from "./IndexAnswers.js"

export interface BuildOptions {
  /**
   * Import this file instead of running Nix: `nix-env -qaP --json --meta` output or a NixOS release's
   * packages.json (plain, gzipped or brotli-compressed, as packages.json.br).
   */
  readonly from?: string | undefined
  /** Download a packages.json(.br) from this URL instead of running Nix. */
  readonly url?: string | undefined
  /** Download the packages.json.br of the release the user's channel is (releaseUrl.ts) instead of running Nix. */
  readonly download?: boolean | undefined
  /** Evaluate this Nix file with nix-env (default: the channel `<nixpkgs>`). */
  readonly file?: string | undefined
  /** Use `nix search --json FLAKE ^` instead of nix-env. */
  readonly flake?: string | undefined
  /** Where to write the index. */
  readonly out: string
  /** NixOS options JSON (option -> { description, default, declarations }, plain or gzipped): what modules say packages are. */
  readonly nixosOptions?: string | undefined
  /**
   * A programs database (programs.sqlite: table Programs(name, system, package)) to take commands from. Without
   * it, a build from the channel uses the channel's own programs.sqlite when there is one.
   */
  readonly programs?: string | undefined
  /** Known nixpkgs revision to record (else looked up from Nix when possible). */
  readonly revision?: string | undefined
  readonly onProgress?: ((p: BuildProgress) => void) | undefined
}

export interface BuildProgress {
  readonly stage: "reading" | "downloading" | "evaluating" | "parsing" | "commands" | "indexing" | "writing" | "done" | "warning"
  readonly message: string
  /** While downloading: bytes received so far, and in all when the server said (else null). */
  readonly bytes?: { readonly received: number; readonly total: number | null } | undefined
}

export interface BuildResult {
  readonly status: IndexStatus
  /** Entries of the input that were not packages. */
  readonly skipped: number
  readonly warnings: ReadonlyArray<string>
}
