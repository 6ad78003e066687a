/**
 * Reads a package listing (`nix-env -qaP --json --meta`, or a NixOS release's packages.json), plain, gzipped or
 * brotli-compressed (packages.json.br), into records; ImportFailed on any problem.
 */
import { Effect, Either, Schema } from "effect"
import { readFile } from "node:fs/promises"
import { promisify } from "node:util"
import { brotliDecompress, gunzip } from "node:zlib"
import { ImportFailed } from "../../domain/errors.js"
import { type ImportResult, importPackageListing } from "../../domain/index/importNixEnv.js"
import { NixosOptions } from "../../domain/index/nixosOptionsJson.js"

const gunzipAsync = promisify(gunzip)
const brotliAsync = promisify(brotliDecompress)

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b

/** Parses JSON text from Nix or a file; the reason says where it broke. */
export const parseJsonText = (text: string): unknown | string => {
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    return `it is not valid JSON (${(e as Error).message}); the file may be truncated`
  }
}

/** Plain JSON starts with a brace or a bracket (after white space); brotli has no signature, so it is the rest. */
const looksLikeJson = (b: Uint8Array) => {
  for (let i = 0; i < Math.min(b.length, 64); i++) {
    const c = b[i]!
    if (c === 0x7b || c === 0x5b) return true
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xef && c !== 0xbb && c !== 0xbf) return false
  }
  return false
}

/**
 * JSON from bytes that are plain, gzipped or brotli-compressed; `fail` says what the source is. Brotli has no
 * signature: bytes that are not gzip and do not parse as JSON are tried as brotli.
 */
export const parseJsonBytes = (raw: Buffer, fail: (detail: string) => ImportFailed): Effect.Effect<unknown, ImportFailed> =>
  Effect.gen(function*() {
    if (isGzip(raw)) {
      const bytes = yield* Effect.tryPromise({
        try: () => gunzipAsync(raw),
        catch: (e) => fail(`it is not a complete gzip file (${(e as Error).message})`)
      })
      const json = parseJsonText(bytes.toString("utf8"))
      return typeof json === "string" ? yield* Effect.fail(fail(json)) : json
    }
    const plain = looksLikeJson(raw) ? parseJsonText(raw.toString("utf8")) : "not JSON"
    if (typeof plain !== "string") return plain
    const unpacked = yield* Effect.either(Effect.tryPromise(() => brotliAsync(raw)))
    if (unpacked._tag === "Left") {
      return yield* Effect.fail(fail(looksLikeJson(raw) ? plain : "it is neither JSON nor gzip- or brotli-compressed JSON (a download cut short?)"))
    }
    const json = parseJsonText(unpacked.right.toString("utf8"))
    return typeof json === "string" ? yield* Effect.fail(fail(json)) : json
  })

/** A JSON file, plain, gzipped or brotli-compressed; ImportFailed when it cannot be read or parsed. */
export const readJsonFile = (path: string): Effect.Effect<unknown, ImportFailed> =>
  Effect.gen(function*() {
    const fail = (detail: string) => new ImportFailed({ path, detail })
    const raw = yield* Effect.tryPromise({
      try: () => readFile(path),
      catch: (e) => fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
    })
    return yield* parseJsonBytes(raw, fail)
  })

export const readImportFile = (path: string): Effect.Effect<ImportResult, ImportFailed> =>
  Effect.gen(function*() {
    const fail = (detail: string) => new ImportFailed({ path, detail })
    const json = yield* readJsonFile(path)
    const result = importPackageListing(json)
    if (typeof result === "string") return yield* Effect.fail(fail(result))
    return result
  })

const decodeNixosOptions = Schema.decodeUnknownEither(NixosOptions)

/** A NixOS options JSON (the manual's options.json), plain, gzipped or brotli-compressed; ImportFailed when it is not one. */
export const readNixosOptions = (path: string): Effect.Effect<NixosOptions, ImportFailed> =>
  Effect.flatMap(readJsonFile(path), (json) => Either.match(decodeNixosOptions(json), {
    onLeft: (e) => Effect.fail(new ImportFailed({ path, detail: `it is not a NixOS options JSON (option name -> description, type, ...): ${e.message.split("\n").slice(0, 6).join(" ")}` })),
    onRight: Effect.succeed
  }))
