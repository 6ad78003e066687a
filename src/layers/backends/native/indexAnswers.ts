/** `search`, `provides` and `info`, answered from the package index; no index = CannotServe. */
import { Effect, Either, Option } from "effect"
import { CannotServe } from "../../../domain/errors.js"
import type { Answer, InstalledPackage, Outcome, PackageDetails } from "../../../domain/Plan.js"
import { providesAnswer as indexProvides, searchAnswer as indexSearch } from "../../index/answers.js"
import { connectDaemon, type DaemonOptions } from "../../daemon/DaemonClient.js"
import { pathSizes } from "../../daemon/StoreQueries.js"
import { installedOf } from "../../../domain/profile/Profile.js"
import { inspectProfile, readContents } from "../../profile/ProfileFiles.js"
import { PackageIndex, type IndexError, type PackageIndexShape } from "../../../services/PackageIndex.js"

const noIndex = (e: IndexError) =>
  new CannotServe({
    backend: "native",
    reason: e._tag === "IndexMissing" ? `no package index at ${e.path}` : `the package index at ${e.path} is unreadable (${e.detail})`
  })

/**
 * The index's own answers (src/index/answers.ts: limit, notes). A missing or damaged index is the
 * answer when `required` (searching nixpkgs: the user is told why and to run `ask-nix index build`,
 * instead of a search that evaluates all of nixpkgs); otherwise CannotServe (with --file, Nix searches
 * that file instead).
 */
const fromIndex = (index: PackageIndexShape, outcome: Effect.Effect<Outcome, IndexError, PackageIndex>, required: boolean) =>
  outcome.pipe(Effect.provideService(PackageIndex, index), Effect.catchAll((e) => Effect.fail(required ? e : noIndex(e))))

export const searchAnswer = (index: PackageIndexShape, query: string, required = false): Effect.Effect<Outcome, CannotServe | IndexError> =>
  fromIndex(index, indexSearch(query), required)

export const providesAnswer = (index: PackageIndexShape, query: string, required = false): Effect.Effect<Outcome, CannotServe | IndexError> =>
  fromIndex(index, indexProvides(query), required)

/** The installed element for an index entry: same attribute path, or same name. */
export const findInstalled = (
  installed: ReadonlyArray<InstalledPackage>,
  details: Pick<PackageDetails, "attrPath" | "pname">
): InstalledPackage | undefined =>
  installed.find((p) => p.attrPath !== undefined && (p.attrPath === details.attrPath || p.attrPath.endsWith(`.${details.attrPath}`))) ??
    installed.find((p) => p.name === details.pname || p.name === details.attrPath)

/** What the profile has of a package: installed or not, which version, and its store path. */
const withInstalled = (details: PackageDetails, mine: InstalledPackage | undefined): PackageDetails =>
  mine === undefined
    ? { ...details, installed: false }
    : { ...details, installed: true, installedVersion: mine.version, storePath: mine.storePaths[0] }

/** A package the index does not know (installed from a file, or no index): what the profile says of it. */
const fromProfile = (name: string, mine: InstalledPackage): PackageDetails => ({
  attrPath: mine.attrPath?.replace(/^(legacyPackages|packages)\.[^.]+\./, "") ?? name, pname: mine.name, version: mine.version,
  description: null, homepage: null, license: [], installed: true, installedVersion: mine.version, storePath: mine.storePaths[0]
})

/** Installed size of the package in the profile, when the daemon can tell; otherwise the details as they are. */
const withSizes = (details: PackageDetails, mine: InstalledPackage | undefined, daemon: DaemonOptions): Effect.Effect<PackageDetails> =>
  mine === undefined
    ? Effect.succeed(details)
    : connectDaemon(daemon).pipe(
      Effect.flatMap((s) => pathSizes(s, mine.storePaths)),
      Effect.scoped,
      Effect.map((sizes) => (sizes ? { ...details, narSize: sizes.narSize, closureSize: sizes.closureSize } : details)),
      Effect.orElseSucceed(() => details)
    )

/**
 * `info` ("what version of hello do I have", "is greet installed?"): what is installed comes from the
 * profile (its version, even when the index has another), the rest from the index. A package the index
 * does not know is answered from the profile when it is installed; otherwise it is left to Nix
 * (CannotServe). Nothing here touches the network.
 */
export const infoAnswer = (
  index: PackageIndexShape | undefined,
  names: ReadonlyArray<string>,
  profile: string,
  daemon: DaemonOptions
): Effect.Effect<Answer, CannotServe> =>
  Effect.gen(function*() {
    // A profile that does not exist yet has nothing installed; one that cannot be read, unknown.
    const installed = yield* inspectProfile(profile).pipe(
      Effect.flatMap((p) => (p.kind === "new" ? Effect.succeed([]) : Effect.map(readContents(p.path), (c) => installedOf(c.manifest)))),
      Effect.option,
      Effect.map(Option.getOrUndefined)
    )
    const packages = yield* Effect.forEach(names, (name) =>
      Effect.gen(function*() {
        // No index (or an unreadable one) still answers for what is installed.
        const lookup = index === undefined
          ? Either.left(new CannotServe({ backend: "native", reason: "no package index service" }))
          : yield* index.lookup(name).pipe(Effect.mapError(noIndex), Effect.either)
        const known = Either.getOrUndefined(lookup)
        const mine = installed === undefined ? undefined : findInstalled(installed, known ?? { attrPath: name, pname: name })
        if (known === undefined && mine === undefined) {
          return yield* Effect.fail(Either.isLeft(lookup)
            ? new CannotServe({ backend: "native", reason: `${lookup.left.reason}, and "${name}" is not installed in ${profile}` })
            : new CannotServe({ backend: "native", reason: `"${name}" is not in the package index` }))
        }
        const details = known === undefined ? fromProfile(name, mine!) : installed === undefined ? known : withInstalled(known, mine)
        return yield* withSizes(details, mine, daemon)
      }), { concurrency: "unbounded" })
    return { _tag: "info", packages }
  })
