/**
 * Builds the package index (`ask-nix index build`): from a prepared file, or from the user's Nix
 * (nix-env on the channel or a file, `nix search` on a flake). A failed build leaves the old index.
 */
import { Context, type Effect } from "effect"
import type { FileError, ImportFailed, IndexCorrupt, IndexMissing } from "../domain/errors.js"
import type { BuildOptions, BuildResult } from "../domain/index/IndexBuild.js"
import type { RunError } from "./Nix.js"

export type IndexBuildError = ImportFailed | FileError | RunError | IndexMissing | IndexCorrupt

export interface IndexBuilderShape {
  readonly build: (options: BuildOptions) => Effect.Effect<BuildResult, IndexBuildError>
}

export class IndexBuilder extends Context.Tag("ask-nix/IndexBuilder")<IndexBuilder, IndexBuilderShape>() {}
