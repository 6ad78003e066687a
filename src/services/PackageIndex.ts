/**
 * The local package index (issue 4): all of nixpkgs' metadata, offline, ranked search in milliseconds.
 * Opened lazily on first use; absent index = IndexMissing (search then falls through the chain to Nix).
 */
import { Context, type Effect } from "effect"
import type { PackageDetails } from "../domain/Plan.js"
import type { IndexStatus, SearchHit } from "../domain/index/IndexAnswers.js"
import type { IndexCorrupt, IndexMissing } from "../domain/errors.js"

export type { IndexStatus, SearchHit }

export type IndexError = IndexMissing | IndexCorrupt

export interface PackageIndexShape {
  readonly search: (query: string, limit?: number) => Effect.Effect<ReadonlyArray<SearchHit>, IndexError>
  /** Exact attribute path (or, failing that, the package with this pname/top-level name). */
  readonly lookup: (name: string) => Effect.Effect<PackageDetails | undefined, IndexError>
  /** Did-you-mean: close names (attribute paths) for a name that does not exist. */
  readonly suggest: (name: string, limit?: number) => Effect.Effect<ReadonlyArray<string>, IndexError>
  /** Packages that provide a command (meta.mainProgram, names), each with how sure we are. */
  readonly provides: (command: string) => Effect.Effect<ReadonlyArray<SearchHit & { readonly reason: string; readonly certain: boolean }>, IndexError>
  readonly status: Effect.Effect<IndexStatus, IndexError>
}

export class PackageIndex extends Context.Tag("ask-nix/PackageIndex")<PackageIndex, PackageIndexShape>() {}
