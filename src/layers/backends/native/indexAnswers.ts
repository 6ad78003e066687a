/** `search`, `provides` and `info`, answered from the package index; no index = CannotServe. */
import { Effect, Option } from "effect"
import { CannotServe } from "../../../domain/errors.js"
import type { Answer, InstalledPackage, Outcome, PackageDetails } from "../../../domain/Plan.js"
import { providesAnswer as indexProvides, searchAnswer as indexSearch } from "../../index/answers.js"
import { connectDaemon, type DaemonOptions } from "../../daemon/DaemonClient.js"
import { pathSizes } from "../../daemon/StoreQueries.js"
import { installedOf } from "../../../domain/profile/Profile.js"
import { readContents, resolveProfile } from "../../profile/ProfileFiles.js"
import { PackageIndex, type IndexError, type PackageIndexShape } from "../../../services/PackageIndex.js"

const noIndex = (e: IndexError) =>
  new CannotServe({
    backend: "native",
    reason: e._tag === "IndexMissing" ? `no package index at ${e.path}` : `the package index at ${e.path} is unreadable (${e.detail})`
  })

/** The index's own answers (src/index/answers.ts: limit, notes), with "no index" turned into CannotServe. */
const fromIndex = (index: PackageIndexShape, outcome: Effect.Effect<Outcome, IndexError, PackageIndex>) =>
  outcome.pipe(Effect.provideService(PackageIndex, index), Effect.mapError(noIndex))

export const searchAnswer = (index: PackageIndexShape, query: string): Effect.Effect<Outcome, CannotServe> =>
  fromIndex(index, indexSearch(query))

export const providesAnswer = (index: PackageIndexShape, query: string): Effect.Effect<Outcome, CannotServe> =>
  fromIndex(index, indexProvides(query))

/** The installed element for an index entry: same attribute path, or same name. */
export const findInstalled = (
  installed: ReadonlyArray<InstalledPackage>,
  details: PackageDetails
): InstalledPackage | undefined =>
  installed.find((p) => p.attrPath !== undefined && (p.attrPath === details.attrPath || p.attrPath.endsWith(`.${details.attrPath}`))) ??
    installed.find((p) => p.name === details.pname || p.name === details.attrPath)

/** Installed size of the package in the profile, when the daemon can tell; otherwise the details as they are. */
const enrich = (
  details: PackageDetails,
  installed: ReadonlyArray<InstalledPackage> | undefined,
  daemon: DaemonOptions
): Effect.Effect<PackageDetails> => {
  const mine = installed === undefined ? undefined : findInstalled(installed, details)
  if (installed === undefined) return Effect.succeed(details)
  if (mine === undefined) return Effect.succeed({ ...details, installed: false })
  const base: PackageDetails = { ...details, installed: true, storePath: mine.storePaths[0] }
  return connectDaemon(daemon).pipe(
    Effect.flatMap((s) => pathSizes(s, mine.storePaths)),
    Effect.scoped,
    Effect.map((sizes) => (sizes ? { ...base, narSize: sizes.narSize, closureSize: sizes.closureSize } : base)),
    Effect.orElseSucceed(() => base)
  )
}

export const infoAnswer = (
  index: PackageIndexShape,
  names: ReadonlyArray<string>,
  profile: string,
  daemon: DaemonOptions
): Effect.Effect<Answer, CannotServe> =>
  Effect.gen(function*() {
    const found = yield* Effect.forEach(names, (name) =>
      index.lookup(name).pipe(
        Effect.mapError(noIndex),
        Effect.flatMap((d) =>
          d === undefined
            ? Effect.fail(new CannotServe({ backend: "native", reason: `"${name}" is not in the package index` }))
            : Effect.succeed(d))
      ))
    const installed = yield* resolveProfile(profile).pipe(
      Effect.flatMap((r) => readContents(r.profile)),
      Effect.map((c) => installedOf(c.manifest)),
      Effect.option,
      Effect.map(Option.getOrUndefined)
    )
    const packages = yield* Effect.forEach(found, (d) => enrich(d, installed, daemon), { concurrency: "unbounded" })
    return { _tag: "info", packages }
  })
