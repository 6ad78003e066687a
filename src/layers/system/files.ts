/** The few filesystem reads detection and generations need, as small Effects (node:fs; lstat matters). */
import { Effect } from "effect"
import * as fs from "node:fs/promises"
import { constants } from "node:fs"
import { FileError } from "../../domain/errors.js"

const fileError = (path: string) => (e: unknown) =>
  new FileError({ path, detail: e instanceof Error ? e.message : String(e) })

const isMissing = (e: unknown) =>
  typeof e === "object" && e !== null && ["ENOENT", "ENOTDIR"].includes(String((e as { code?: unknown }).code))

/** Exists (following symlinks, like Python's Path.exists). */
export const exists = (path: string): Effect.Effect<boolean> =>
  Effect.promise(() => fs.stat(path).then(() => true, () => false))

/** The file's text, or undefined when it does not exist. */
export const readTextIfExists = (path: string): Effect.Effect<string | undefined, FileError> =>
  Effect.tryPromise({
    try: () => fs.readFile(path, "utf8").catch((e: unknown) => (isMissing(e) ? undefined : Promise.reject(e))),
    catch: fileError(path)
  })

/** The link's target, or undefined when it is not a symlink or does not exist. */
export const readLink = (path: string): Effect.Effect<string | undefined> =>
  Effect.promise(() => fs.readlink(path).then((t) => t, () => undefined))

export const writable = (path: string): Effect.Effect<boolean> =>
  Effect.promise(() => fs.access(path, constants.W_OK).then(() => true, () => false))

/** Every symlink target in a folder, read in one go (a system's sw/bin holds thousands). */
export const readLinksIn = (dir: string): Effect.Effect<ReadonlyArray<string>, FileError> =>
  Effect.tryPromise({
    try: async () => {
      const names = await fs.readdir(dir).catch((e: unknown) => (isMissing(e) ? [] : Promise.reject(e)))
      const targets = await Promise.all(names.map((n) => fs.readlink(`${dir}/${n}`).catch(() => undefined)))
      return targets.filter((t): t is string => t !== undefined)
    },
    catch: fileError(dir)
  })
