/**
 * The configuration files on disk: reading configuration.nix / home.nix with the modules it imports,
 * copies of an edit for evaluation (never next to the person's files), and writing an edit: atomically,
 * after keeping a backup, refusing when the file changed since it was read; and putting a backup back
 * ("undo that"), byte for byte.
 */
import { Context, type Effect, type Scope } from "effect"
import type { ConfigChanged, ConfigFileError, ConfigSyntaxError } from "../domain/configErrors.js"
import type { ConfigFiles, FileEdit } from "../domain/nixfile/configEdit.js"

export interface WrittenFile {
  readonly path: string
  /** Where the file as it was before is kept. */
  readonly backup: string
  /** SHA-256 of what ask-nix wrote (undo checks the file is still that). */
  readonly sha256: string
}

export interface ConfigStoreShape {
  readonly read: (main: string) => Effect.Effect<ConfigFiles, ConfigSyntaxError | ConfigFileError>
  /**
   * The main file of a copy of the configuration with the edits applied, in a scratch folder removed
   * when the scope closes; relative paths in the copies point where the originals' do.
   */
  readonly scratch: (files: ConfigFiles, edits: ReadonlyArray<FileEdit>) => Effect.Effect<string, ConfigFileError, Scope.Scope>
  /** Fails when one of these files (or its folder) cannot be written: said before --execute spends seconds evaluating. */
  readonly writable: (paths: ReadonlyArray<string>) => Effect.Effect<void, ConfigFileError>
  readonly write: (edits: ReadonlyArray<FileEdit>) => Effect.Effect<ReadonlyArray<WrittenFile>, ConfigFileError | ConfigChanged>
  readonly restore: (written: ReadonlyArray<WrittenFile>) => Effect.Effect<void, ConfigFileError | ConfigChanged>
}

export class ConfigStore extends Context.Tag("ask-nix/ConfigStore")<ConfigStore, ConfigStoreShape>() {}
