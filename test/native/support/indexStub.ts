/** A tiny in-memory PackageIndex for native backend tests. */
import { Effect } from "effect"
import type { PackageDetails } from "../../../src/domain/Plan.js"
import type { PackageIndexShape } from "../../../src/services/PackageIndex.js"

export const indexStub = (packages: ReadonlyArray<PackageDetails>): PackageIndexShape => ({
  search: (query) =>
    Effect.succeed(packages.filter((p) => p.attrPath.includes(query) || (p.description ?? "").includes(query)).map((p) => ({ ...p, score: 1 }))),
  lookup: (name) => Effect.succeed(packages.find((p) => p.attrPath === name || p.pname === name)),
  suggest: () => Effect.succeed([]),
  provides: (command) =>
    Effect.succeed(packages.filter((p) => p.pname === command).map((p) => ({ ...p, score: 1, reason: "mainProgram", certain: true }))),
  options: () => Effect.succeed([]),
  status: Effect.succeed({ path: "/stub", source: "stub", revision: null, packages: packages.length, builtAt: "", sizeBytes: 0, formatVersion: 1, programs: null })
})

export const details = (attrPath: string, version: string): PackageDetails => ({
  attrPath,
  pname: attrPath,
  version,
  description: `test package ${attrPath}`,
  homepage: null,
  license: []
})
