/**
 * The system profile's generations, read from its links under the root (`system-N-link`), with the
 * link's date, the NixOS version label from the generation's `nixos-version` file, and the current one.
 */
import { Effect } from "effect"
import * as path from "node:path"
import type { FileError } from "../../domain/errors.js"
import type { Generation } from "../../domain/Plan.js"
import { type GenerationContents, packagesOf, parseStorePath } from "../../domain/system/generationDiff.js"
import { linkTime, readDir, readLink, readLinksIn, readTextIfExists } from "./files.js"
import { type SystemPaths, underRoot } from "../../domain/system/SystemPaths.js"

export interface SystemGeneration extends Generation {
  /** The store path (as the system sees it, /nix/store/...). */
  readonly storePath: string
  readonly nixosVersion: string | undefined
  readonly kernel: string | undefined
}

const linkName = /^system-(\d+)-link$/

/** Generation numbers from a profiles folder listing, ascending. */
export const generationNumbers = (entries: ReadonlyArray<string>): ReadonlyArray<number> =>
  entries.flatMap((e) => {
    const m = linkName.exec(e)
    return m ? [Number(m[1])] : []
  }).sort((a, b) => a - b)

export const linkPath = (p: SystemPaths, n: number): string => path.join(p.profilesDir, `system-${n}-link`)

/** The generation the system profile points at now, if any. */
export const currentGeneration = (p: SystemPaths): Effect.Effect<number | undefined> =>
  Effect.map(readLink(p.systemProfile), (t) => {
    const m = t === undefined ? null : linkName.exec(path.basename(t))
    return m ? Number(m[1]) : undefined
  })

/** The folder of a generation's store path, inside the root. */
const storeDir = (p: SystemPaths, storePath: string) => underRoot(p.root, p.profilesDir, storePath)

const readOne = (p: SystemPaths, n: number, current: number | undefined): Effect.Effect<SystemGeneration, FileError> =>
  Effect.gen(function* () {
    const link = linkPath(p, n)
    const date = yield* linkTime(link)
    const storePath = (yield* readLink(link)) ?? ""
    const dir = storeDir(p, storePath)
    const nixosVersion = (yield* readTextIfExists(path.join(dir, "nixos-version")))?.trim() || undefined
    const kernelLink = yield* readLink(path.join(dir, "kernel"))
    const kernelNv = kernelLink === undefined ? undefined : parseStorePath(kernelLink)
    const kernel = kernelNv?.version || undefined
    const label = nixosVersion === undefined
      ? undefined
      : `NixOS ${nixosVersion}${kernel ? `, Linux ${kernel}` : ""}`
    return { number: n, date: date.toISOString(), current: n === current, label, storePath, nixosVersion, kernel }
  })

export const readGenerations = (p: SystemPaths): Effect.Effect<ReadonlyArray<SystemGeneration>, FileError> =>
  Effect.gen(function* () {
    const numbers = generationNumbers(yield* readDir(p.profilesDir))
    const current = yield* currentGeneration(p)
    return yield* Effect.forEach(numbers, (n) => readOne(p, n, current), { concurrency: 16 })
  })

/** Packages behind the generation's `sw/bin` programs (for "what changed"). */
export const generationContents = (p: SystemPaths, g: SystemGeneration): Effect.Effect<GenerationContents, FileError> =>
  Effect.gen(function* () {
    const binDir = path.join(storeDir(p, g.storePath), "sw", "bin")
    // sw is itself a link into the store: resolve it inside the root.
    const swTarget = yield* readLink(path.join(storeDir(p, g.storePath), "sw"))
    const bin = swTarget === undefined ? binDir : path.join(underRoot(p.root, storeDir(p, g.storePath), swTarget), "bin")
    const targets = yield* readLinksIn(bin)
    return { number: g.number, nixosVersion: g.nixosVersion, kernel: g.kernel, packages: packagesOf(targets) }
  })
