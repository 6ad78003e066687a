/** The real 2020 options data (../shared/data), imported with ask-nix's importer into in-memory tables. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { importOptions } from "../../src/domain/options/importOptions.js"
import type { OptionRecord, OptionScope } from "../../src/domain/options/OptionRecord.js"
import { type OptionsTable, tableFromRecords } from "../../src/domain/options/OptionsTable.js"
import { sharedData } from "./nixosTrees.js"

export const optionsDataFile = (scope: OptionScope): string =>
  join(sharedData, scope === "nixos" ? "nixos-options-2020.json.gz" : "home-manager-options-2020.json.gz")

const cache = new Map<OptionScope, ReadonlyArray<OptionRecord>>()

export const realOptionRecords = (scope: OptionScope): ReadonlyArray<OptionRecord> => {
  let records = cache.get(scope)
  if (records === undefined) {
    records = importOptions(JSON.parse(gunzipSync(readFileSync(optionsDataFile(scope))).toString("utf8"))).records
    cache.set(scope, records)
  }
  return records
}

export const realOptions = (scope: OptionScope): OptionsTable => tableFromRecords(scope, realOptionRecords(scope))
