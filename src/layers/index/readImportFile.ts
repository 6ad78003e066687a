/** Reads a `nix-env -qaP --json --meta` file, plain or gzipped, into records; ImportFailed on any problem. */
import { Effect } from "effect"
import { readFile } from "node:fs/promises"
import { promisify } from "node:util"
import { gunzip } from "node:zlib"
import { ImportFailed } from "../../domain/errors.js"
import { type ImportResult, importNixEnv } from "../../domain/index/importNixEnv.js"

const gunzipAsync = promisify(gunzip)

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b

/** Parses JSON text from Nix or a file; the reason says where it broke. */
export const parseJsonText = (text: string): unknown | string => {
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    return `it is not valid JSON (${(e as Error).message}); the file may be truncated`
  }
}

export const readImportFile = (path: string): Effect.Effect<ImportResult, ImportFailed> =>
  Effect.gen(function*() {
    const fail = (detail: string) => new ImportFailed({ path, detail })
    const raw = yield* Effect.tryPromise({
      try: () => readFile(path),
      catch: (e) => fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
    })
    const bytes = isGzip(raw)
      ? yield* Effect.tryPromise({
        try: () => gunzipAsync(raw),
        catch: (e) => fail(`it is not a complete gzip file (${(e as Error).message})`)
      })
      : raw
    const json = parseJsonText(bytes.toString("utf8"))
    if (typeof json === "string") return yield* Effect.fail(fail(json))
    const result = importNixEnv(json)
    if (typeof result === "string") return yield* Effect.fail(fail(result))
    return result
  })
