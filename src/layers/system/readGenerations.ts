/**
 * The system profile's generations, read from its links under the root (`system-N-link`), with the
 * link's date, the NixOS version label from the generation's `nixos-version` file, and the current one.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect } from "effect"
import * as path from "node:path"
import { FileError } from "../../domain/errors.js"
import { linkPattern } from "../../domain/profile/GenerationLink.js"
import type { Generation } from "../../domain/Plan.js"
import { type GenerationLink, listGenerationLinks } from "../profile/ProfileFiles.js"
import { type GenerationContents, packagesOf, parseStorePath } from "../../domain/system/generationDiff.js"
import { readLink, readLinksIn, readTextIfExists } from "./files.js"
import { type SystemPaths, underRoot } from "../../domain/system/SystemPaths.js"

export interface SystemGeneration extends Generation {
  /** The store path (as the system sees it, /nix/store/...). */
  readonly storePath: string
  readonly nixosVersion: string | undefined
  readonly kernel: string | undefined
}

/** The generation the system profile points at now, if any (its link's name, as nixos-rebuild reads it). */
export const currentGeneration = (p: SystemPaths): Effect.Effect<number | undefined, never, FileSystem.FileSystem> =>
  Effect.map(readLink(p.systemProfile), (t) => {
    const m = t === undefined ? null : linkPattern(path.basename(p.systemProfile)).exec(path.basename(t))
    return m ? Number(m[1]) : undefined
  })

/** The folder of a generation's store path, inside the root. */
const storeDir = (p: SystemPaths, storePath: string) => underRoot(p.root, p.profilesDir, storePath)

const readOne = (p: SystemPaths, g: GenerationLink): Effect.Effect<SystemGeneration, FileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const dir = storeDir(p, g.target)
    const nixosVersion = (yield* readTextIfExists(path.join(dir, "nixos-version")))?.trim() || undefined
    const kernelLink = yield* readLink(path.join(dir, "kernel"))
    const kernelNv = kernelLink === undefined ? undefined : parseStorePath(kernelLink)
    const kernel = kernelNv?.version || undefined
    const label = nixosVersion === undefined
      ? undefined
      : `NixOS ${nixosVersion}${kernel ? `, Linux ${kernel}` : ""}`
    return { number: g.number, date: new Date(g.mtime * 1000).toISOString(), current: g.current, label, storePath: g.target, nixosVersion, kernel }
  })

/** The system profile's generations, through the one reader of generation links (src/layers/profile/ProfileFiles.ts). */
export const readGenerations = (p: SystemPaths): Effect.Effect<ReadonlyArray<SystemGeneration>, FileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const current = yield* currentGeneration(p)
    const links = yield* listGenerationLinks(p.systemProfile, current).pipe(
      Effect.mapError((e) => new FileError({ path: p.profilesDir, detail: e.detail }))
    )
    return yield* Effect.forEach(links, (g) => readOne(p, g), { concurrency: 16 })
  })

/** Packages behind the generation's `sw/bin` programs (for "what changed"). */
export const generationContents = (p: SystemPaths, g: SystemGeneration): Effect.Effect<GenerationContents, FileError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const binDir = path.join(storeDir(p, g.storePath), "sw", "bin")
    // sw is itself a link into the store: resolve it inside the root.
    const swTarget = yield* readLink(path.join(storeDir(p, g.storePath), "sw"))
    const bin = swTarget === undefined ? binDir : path.join(underRoot(p.root, storeDir(p, g.storePath), swTarget), "bin")
    const targets = yield* readLinksIn(bin)
    return { number: g.number, nixosVersion: g.nixosVersion, kernel: g.kernel, packages: packagesOf(targets) }
  })
