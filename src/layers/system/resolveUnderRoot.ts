/**
 * Resolve symlinks in a path as the system under `root` would see them (like realpath, but absolute
 * link targets stay inside the root). With root "/" this is plain realpath.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect } from "effect"
import * as path from "node:path"
import { readLink } from "./files.js"

const maxLinks = 40

export const resolveUnderRoot = (root: string, absolute: string): Effect.Effect<string, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    let pending = path.relative(root, absolute).split(path.sep).filter((p) => p !== "" && p !== ".")
    let resolved = root
    let followed = 0
    while (pending.length > 0) {
      const [part, ...rest] = pending as [string, ...Array<string>]
      pending = rest
      if (part === "..") {
        resolved = path.relative(root, resolved) === "" ? root : path.dirname(resolved)
        continue
      }
      const next = path.join(resolved, part)
      const target = followed < maxLinks ? yield* readLink(next) : undefined
      if (target === undefined) {
        resolved = next
        continue
      }
      followed++
      const targetParts = target.split("/").filter((p) => p !== "" && p !== ".")
      if (path.isAbsolute(target)) resolved = root
      pending = [...targetParts, ...pending]
    }
    return resolved
  })
