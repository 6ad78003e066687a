/**
 * NixOptions over options tables: the live layer opens `options-nixos` / `options-home` next to the
 * package index (Settings.index) on first use; the mock layer builds tables from records in memory.
 * Both answer through the same code (domain/options), so the mock differs only in where data lives.
 */
import { Effect, Layer } from "effect"
import { dirname, join } from "node:path"
import { OptionsCorrupt, OptionsMissing, type OptionsError } from "../domain/configErrors.js"
import { lookupOption, suggestOptions } from "../domain/options/lookupOption.js"
import type { OptionRecord, OptionScope } from "../domain/options/OptionRecord.js"
import { type OptionsTable, tableFromRecords } from "../domain/options/OptionsTable.js"
import { resolveSetting } from "../domain/options/resolveSetting.js"
import { searchOptions } from "../domain/options/searchOptions.js"
import { NixOptions, type NixOptionsShape, type OptionsStatus } from "../services/NixOptions.js"
import { Settings } from "../services/Settings.js"
import { openOptionsFile } from "./options/optionsFile.js"

export interface OpenedTable {
  readonly table: OptionsTable
  readonly status: OptionsStatus
}

/** Where the options of a scope live, given the package index's path. */
export const optionsPathFor = (indexPath: string, scope: OptionScope): string => join(dirname(indexPath), `options-${scope}`)

const asOptionsError = (path: string, scope: OptionScope, e: unknown): OptionsError =>
  e instanceof OptionsMissing || e instanceof OptionsCorrupt
    ? e
    : new OptionsCorrupt({ path, detail: e instanceof Error ? e.message : String(e) })

/** The service over a way to open each scope's table (opened once, on first use). */
export const makeNixOptions = (open: (scope: OptionScope) => OpenedTable, pathOf: (scope: OptionScope) => string): NixOptionsShape => {
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
    status: (scope) => use(scope, () => opened.get(scope)!.status)
  }
}

export const NixOptionsLive: Layer.Layer<NixOptions, never, Settings> = Layer.effect(
  NixOptions,
  Effect.map(Settings, (settings) => {
    const pathOf = (scope: OptionScope) => optionsPathFor(settings.index, scope)
    return makeNixOptions((scope) => {
      const file = openOptionsFile(pathOf(scope), scope)
      return {
        table: file,
        status: { scope, path: file.path, source: file.header.source, count: file.count, builtAt: file.header.builtAt }
      }
    }, pathOf)
  })
)

/** Options in memory (tests): a scope without records is "missing", as an unbuilt file would be. */
export const NixOptionsMock = (records: Partial<Record<OptionScope, ReadonlyArray<OptionRecord>>>): Layer.Layer<NixOptions> =>
  Layer.sync(NixOptions, () =>
    makeNixOptions((scope) => {
      const rs = records[scope]
      if (rs === undefined) throw new OptionsMissing({ path: `<memory ${scope}>`, scope })
      return {
        table: tableFromRecords(scope, rs),
        status: { scope, path: `<memory ${scope}>`, source: "memory", count: rs.length, builtAt: "" }
      }
    }, (scope) => `<memory ${scope}>`))
