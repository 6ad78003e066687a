/**
 * Builds an options file from options data: ../shared/data/*-options-2020.json(.gz), or NixOS's own
 * options.json (`/run/current-system/sw/share/doc/nixos/options.json`, present when the NixOS manual
 * is installed, which is the default). The file is written atomically; a failed import leaves the old
 * one in place.
 */
import { Effect } from "effect"
import { readFile } from "node:fs/promises"
import { promisify } from "node:util"
import { gunzip } from "node:zlib"
import { ImportFailed, type FileError } from "../../domain/errors.js"
import { importOptions } from "../../domain/options/importOptions.js"
import type { OptionScope } from "../../domain/options/OptionRecord.js"
import { parseJsonText } from "../index/readImportFile.js"
import { writeAtomic } from "../index/writeAtomic.js"
import { serializeOptions } from "./optionsFile.js"

const gunzipAsync = promisify(gunzip)

/** Where a NixOS system keeps its options (the manual's options.json). */
export const systemOptionsJson = (root: string): string => `${root.replace(/\/$/, "")}/run/current-system/sw/share/doc/nixos/options.json`

export interface OptionsBuilt {
  readonly scope: OptionScope
  readonly path: string
  readonly count: number
  readonly skipped: number
  readonly ms: number
}

export const buildOptionsFile = (
  path: string,
  scope: OptionScope,
  from: string
): Effect.Effect<OptionsBuilt, ImportFailed | FileError> =>
  Effect.gen(function*() {
    const started = performance.now()
    const fail = (detail: string) => new ImportFailed({ path: from, detail })
    const raw = yield* Effect.tryPromise({
      try: () => readFile(from),
      catch: (e) => fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
    })
    const bytes = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b
      ? yield* Effect.tryPromise({ try: () => gunzipAsync(raw), catch: (e) => fail(`it is not a complete gzip file (${(e as Error).message})`) })
      : raw
    const json = parseJsonText(bytes.toString("utf8"))
    if (typeof json === "string") return yield* Effect.fail(fail(json))
    const { records, skipped } = importOptions(json)
    if (records.length === 0) return yield* Effect.fail(fail("it holds no options (expected an object of option name -> { type, description, … })"))
    yield* writeAtomic(path, serializeOptions(scope, records, { source: from, builtAt: new Date().toISOString() }))
    return { scope, path, count: records.length, skipped, ms: performance.now() - started }
  })
