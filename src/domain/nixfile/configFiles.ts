/**
 * The files of a configuration: the main file and the modules it imports with plain paths
 * (`./hardware-configuration.nix`, `../common`), read through whatever reader the caller gives, in the
 * order NixOS reads them (depth first). A folder means its default.nix. Imports that are not plain
 * paths (`<home-manager/nixos>`, `(import ./x.nix)`) are not followed.
 */
import { Effect } from "effect"
import { ConfigSyntaxError } from "../configErrors.js"
import type { ConfigFiles } from "./configEdit.js"
import { importPaths, moduleShape } from "./moduleShape.js"
import { parseNix } from "./parseNix.js"

/** A NixOS configuration (configuration.nix) or a home-manager one (home.nix). */
export type ConfigKind = "nixos" | "home"

/** POSIX path of `raw` (a Nix path literal) seen from the file `from`. */
export const resolveImportPath = (from: string, raw: string, home: string): string => {
  const base = raw.startsWith("/") ? "" : raw.startsWith("~/") ? home : from.slice(0, from.lastIndexOf("/"))
  const rel = raw.startsWith("~/") ? raw.slice(2) : raw
  const parts: Array<string> = []
  for (const seg of `${base}/${rel}`.split("/")) {
    if (seg === "" || seg === ".") continue
    if (seg === "..") parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join("/")}`
}

export interface ConfigReader<E> {
  /** The file's text, or undefined when it does not exist. */
  readonly read: (path: string) => Effect.Effect<string | undefined, E>
  readonly isDirectory: (path: string) => Effect.Effect<boolean, E>
  readonly home: string
}

/**
 * Reads the main file and, following plain-path imports, every module it pulls in (at most `limit`).
 * A missing import is skipped (Nix will say so when it evaluates); the caller checks the main file exists.
 */
export const collectConfigFiles = <E>(
  main: string,
  reader: ConfigReader<E>,
  limit = 200
): Effect.Effect<ConfigFiles, E | ConfigSyntaxError> =>
  Effect.gen(function*() {
    const texts = new Map<string, string>()
    const order: Array<string> = []
    const visit = (path: string): Effect.Effect<void, E | ConfigSyntaxError> =>
      Effect.gen(function*() {
        if (texts.has(path) || order.length >= limit) return
        const file = (yield* reader.isDirectory(path)) ? `${path}/default.nix` : path
        if (texts.has(file)) return
        const text = yield* reader.read(file)
        if (text === undefined) return
        texts.set(file, text)
        order.push(file)
        const parsed = parseNix(text)
        if (!parsed.ok) {
          return yield* Effect.fail(
            new ConfigSyntaxError({ path: file, line: parsed.error.line, column: parsed.error.column, message: parsed.error.message })
          )
        }
        const shape = moduleShape(parsed.root)
        if (!shape.ok) return
        for (const raw of importPaths(shape.shape)) yield* visit(resolveImportPath(file, raw, reader.home))
      })
    yield* visit(main)
    return { main: order[0] ?? main, order, texts }
  })
