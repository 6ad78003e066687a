/** Read-only answers about the system: its generations (with what changed) and its packages. */
import type * as FileSystem from "@effect/platform/FileSystem"
import { Effect } from "effect"
import type { FileError } from "../../../domain/errors.js"
import { answer, type GenerationDiff, type Outcome, type Plan } from "../../../domain/Plan.js"
import { describeDiff } from "../../../domain/system/describeDiff.js"
import { diffGenerations } from "../../../domain/system/generationDiff.js"
import { generationContents, readGenerations } from "../../system/readGenerations.js"
import type { SystemInfo } from "../../../domain/system/SystemInfo.js"

/** Diffs shown with the list: the last few steps between consecutive generations. */
const diffCount = 3

export const generationsAnswer = (info: SystemInfo): Effect.Effect<Outcome, FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const gens = yield* readGenerations(info.paths)
    const recent = gens.slice(-(diffCount + 1))
    const contents = yield* Effect.forEach(recent, (g) => generationContents(info.paths, g))
    const diffs: Array<GenerationDiff> = []
    for (let i = 1; i < contents.length; i++) diffs.push(diffGenerations(contents[i - 1]!, contents[i]!))
    return answer({
      _tag: "generations",
      profile: info.paths.systemProfile,
      generations: gens.map(({ number, date, current, label }) => ({ number, date, current, label })),
      diffs
    })
  })

/** The packages of the current system generation (its `sw/bin` programs' packages). */
export const listAnswer = (info: SystemInfo): Effect.Effect<Outcome, FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const gens = yield* readGenerations(info.paths)
    const current = gens.find((g) => g.current) ?? gens[gens.length - 1]
    const contents = current === undefined ? undefined : yield* generationContents(info.paths, current)
    const packages = [...(contents?.packages ?? new Map<string, string>())]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, version]) => ({ name, version, storePaths: [] }))
    return answer({ _tag: "list", profile: info.paths.systemProfile, packages })
  })

/** A rollback plan with what going back changes (current -> target), from the generations' contents. */
export const withRollbackChanges = (info: SystemInfo, plan: Plan): Effect.Effect<Plan, FileError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const from = plan.preview?.["from"]
    const to = plan.preview?.["to"]
    const gens = yield* readGenerations(info.paths)
    const a = gens.find((g) => g.number === from)
    const b = gens.find((g) => g.number === to)
    if (a === undefined || b === undefined || a === b) return plan
    const diff = diffGenerations(yield* generationContents(info.paths, a), yield* generationContents(info.paths, b))
    return {
      ...plan,
      notes: [...plan.notes, `Going to generation ${b.number} changes: ${describeDiff(diff).join("; ")}.`],
      preview: { ...plan.preview, diff }
    }
  })
