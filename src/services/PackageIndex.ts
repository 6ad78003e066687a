/**
 * The local package index (issue 4): all of nixpkgs' metadata, offline, ranked search in milliseconds.
 * Opened lazily on first use; absent index = IndexMissing (search then falls through the chain to Nix).
 */
import { Context, type Effect } from "effect"
import type { PackageDetails, PackageSummary } from "../domain/Plan.js"
import type { IndexCorrupt, IndexMissing } from "../domain/errors.js"

export interface SearchHit extends PackageSummary {
  readonly score: number
}

export interface IndexStatus {
  readonly path: string
  readonly source: string
  readonly revision: string | null
  readonly packages: number
  readonly builtAt: string
  readonly sizeBytes: number
  readonly formatVersion: number
  /** The programs database that makes `provides` certain, or null when commands are guessed. */
  readonly programs: string | null
}

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
