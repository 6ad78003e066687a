/** The few file reads NixOS detection and system generations need, through @effect/platform's FileSystem. */
import * as FileSystem from "@effect/platform/FileSystem"
import type { PlatformError } from "@effect/platform/Error"
import { Effect } from "effect"
import { FileError } from "../../domain/errors.js"

const fileError = (path: string) => (e: PlatformError) => new FileError({ path, detail: e.message })

const isMissing = (e: PlatformError) => e._tag === "SystemError" && e.reason === "NotFound"

/** Exists (following symlinks, like Python's Path.exists); a path that cannot be looked at is not there. */
export const exists = (path: string): Effect.Effect<boolean, never, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.exists(path).pipe(Effect.orElseSucceed(() => false)))

/** The file's text, or undefined when it does not exist. */
export const readTextIfExists = (path: string): Effect.Effect<string | undefined, FileError, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    fs.readFileString(path).pipe(Effect.catchIf(isMissing, () => Effect.succeed(undefined)), Effect.mapError(fileError(path))))

/** The link's target, or undefined when it is not a symlink or does not exist. */
export const readLink = (path: string): Effect.Effect<string | undefined, never, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readLink(path).pipe(Effect.orElseSucceed(() => undefined)))

/** Can this user write there (else the step is elevated)? */
export const writable = (path: string): Effect.Effect<boolean, never, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.access(path, { writable: true }).pipe(Effect.as(true), Effect.orElseSucceed(() => false)))

/** Every symlink target in a folder (a system's sw/bin holds thousands; read concurrently). */
export const readLinksIn = (dir: string): Effect.Effect<ReadonlyArray<string>, FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const names = yield* fs.readDirectory(dir).pipe(Effect.catchIf(isMissing, () => Effect.succeed([])), Effect.mapError(fileError(dir)))
    const targets = yield* Effect.forEach(names, (n) => readLink(`${dir}/${n}`), { concurrency: 64 })
    return targets.filter((t): t is string => t !== undefined)
  })
