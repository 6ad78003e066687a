/**
 * NixOptions over options tables: the live service opens `options-nixos` / `options-home` next to the
 * package index on first use; the mock builds tables from records in memory. Both answer through the
 * same code (domain/options), so the mock differs only in where data lives. The layers
 * (../NixOptionsLive.ts) load this module on the first question about options.
 */
import { Effect } from "effect"
import { dirname, join } from "node:path"
import { OptionsCorrupt, OptionsMissing, type OptionsError } from "../../domain/configErrors.js"
import { ImportFailed } from "../../domain/errors.js"
import { lookupOption, suggestOptions } from "../../domain/options/lookupOption.js"
import type { OptionRecord, OptionScope } from "../../domain/options/OptionRecord.js"
import { type OptionsTable, tableFromRecords } from "../../domain/options/OptionsTable.js"
import { resolveSetting } from "../../domain/options/resolveSetting.js"
import { searchOptions } from "../../domain/options/searchOptions.js"
import type { NixOptionsShape, OptionsStatus } from "../../services/NixOptions.js"
import { openOptionsFile } from "./optionsFile.js"

/** Where the options of a scope live, given the package index's path. */
export const optionsPathFor = (indexPath: string, scope: OptionScope): string => join(dirname(indexPath), `options-${scope}`)

export interface OpenedTable {
  readonly table: OptionsTable
  readonly status: OptionsStatus
}


const asOptionsError = (path: string, scope: OptionScope, e: unknown): OptionsError =>
  e instanceof OptionsMissing || e instanceof OptionsCorrupt
    ? e
    : new OptionsCorrupt({ path, detail: e instanceof Error ? e.message : String(e) })

/** The service over a way to open each scope's table (opened once, on first use). */
export const makeNixOptions = (
  open: (scope: OptionScope) => OpenedTable,
  pathOf: (scope: OptionScope) => string,
  build: NixOptionsShape["build"]
): NixOptionsShape => {
  const opened = new Map<OptionScope, OpenedTable>()
  const use = <A>(scope: OptionScope, f: (t: OptionsTable) => A): Effect.Effect<A, OptionsError> =>
    Effect.try({
      try: () => {
        let t = opened.get(scope)
        if (t === undefined) {
          t = open(scope)
          opened.set(scope, t)
        }
        return f(t.table)
      },
      catch: (e) => asOptionsError(pathOf(scope), scope, e)
    })
  return {
    search: (scope, query, limit = 20) =>
      use(scope, (t) => searchOptions(t, query, limit).map((h) => ({ record: t.record(h.id), score: h.score }))),
    get: (scope, name) =>
      use(scope, (t) => {
        const id = lookupOption(t, name)
        return id === undefined ? undefined : t.record(id)
      }),
    suggest: (scope, name) => use(scope, (t) => suggestOptions(t, name)),
    resolve: (scope, words, context = []) => use(scope, (t) => resolveSetting(t, words, context)),
    status: (scope) => use(scope, () => opened.get(scope)!.status),
    build: (scope, from) =>
      Effect.tap(build(scope, from), () => Effect.sync(() => opened.delete(scope)))
  }
}

/** Options from the files next to the package index at `indexPath`. */
export const liveNixOptions = (indexPath: string): NixOptionsShape => {
  const pathOf = (scope: OptionScope) => optionsPathFor(indexPath, scope)
  return makeNixOptions((scope) => {
    const file = openOptionsFile(pathOf(scope), scope)
    return {
      table: file,
      status: { scope, path: file.path, source: file.header.source, count: file.count, builtAt: file.header.builtAt }
    }
  }, pathOf, (scope, from) =>
    Effect.promise(() => import("./buildOptions.js")).pipe(
      Effect.flatMap((m) => m.buildOptionsFile(pathOf(scope), scope, from)),
      Effect.map((b) => ({ scope, path: b.path, source: from, count: b.count, builtAt: new Date().toISOString() }))
    ))
}

/** Options in memory (tests): a scope without records is "missing", as an unbuilt file would be. */
export const memoryNixOptions = (records: Partial<Record<OptionScope, ReadonlyArray<OptionRecord>>>): NixOptionsShape =>
  makeNixOptions((scope) => {
    const rs = records[scope]
    if (rs === undefined) throw new OptionsMissing({ path: `<memory ${scope}>`, scope })
    return {
      table: tableFromRecords(scope, rs),
      status: { scope, path: `<memory ${scope}>`, source: "memory", count: rs.length, builtAt: "" }
    }
  }, (scope) => `<memory ${scope}>`, (scope, from) =>
    Effect.fail(new ImportFailed({ path: from, detail: `the in-memory options (${scope}) are not built from files` })))
