/** Building the index: what to build it from, the progress it reports, and what it built. */
import type { IndexStatus } from "./IndexAnswers.js"

export interface BuildOptions {
  /** Import this file (nix-env -qaP --json --meta format, plain or gzipped) instead of running Nix. */
  readonly from?: string | undefined
  /** Evaluate this Nix file with nix-env (default: the channel `<nixpkgs>`). */
  readonly file?: string | undefined
  /** Use `nix search --json FLAKE ^` instead of nix-env. */
  readonly flake?: string | undefined
  /** Where to write the index. */
  readonly out: string
  /** Known nixpkgs revision to record (else looked up from Nix when possible). */
  readonly revision?: string | undefined
  readonly onProgress?: ((p: BuildProgress) => void) | undefined
}

export interface BuildProgress {
  readonly stage: "reading" | "evaluating" | "parsing" | "indexing" | "writing" | "done" | "warning"
  readonly message: string
}

export interface BuildResult {
  readonly status: IndexStatus
  /** Entries of the input that were not packages. */
  readonly skipped: number
  readonly warnings: ReadonlyArray<string>
}
