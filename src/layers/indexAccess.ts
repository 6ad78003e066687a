/**
 * The package index of one call, shared by the PackageIndex service and the parser's NameResolver:
 * one reader, opened on first use, closed with the layer. The parser gets a resolver only when an
 * index file exists (no index: no corrections, and nothing is read).
 */
import * as fs from "node:fs"
import { Effect, Layer } from "effect"
import type { NameResolver } from "../domain/parse/NameResolver.js"
import type { PhraseRule } from "../domain/parse/PhraseRule.js"
import { IndexReader } from "../domain/index/IndexReader.js"
import { toNameResolver } from "../domain/index/toNameResolver.js"
import { makeIntentParser } from "./IntentParserLive.js"
import { makePackageIndex } from "./PackageIndexLive.js"
import { IntentParser } from "../services/IntentParser.js"
import { PackageIndex } from "../services/PackageIndex.js"
import { openIndexReader } from "./index/openIndex.js"

/** One reader per call, opened on first use; undefined when there is no usable index. */
const lazyReader = (path: string) => {
  let reader: IndexReader | undefined
  let failed = false
  return {
    open: (): IndexReader => (reader ??= openIndexReader(path)),
    tryOpen: (): IndexReader | undefined => {
      if (reader !== undefined || failed) return reader
      try { return (reader = openIndexReader(path)) } catch { failed = true; return undefined }
    },
    close: () => reader?.close()
  }
}

/** The parser's view of the index: only when an index file exists, and opened on the first lookup. */
const lazyResolver = (tryOpen: () => IndexReader | undefined): NameResolver => {
  let resolver: NameResolver | undefined
  const get = () => {
    if (resolver === undefined) { const r = tryOpen(); if (r !== undefined) resolver = toNameResolver(r) }
    return resolver
  }
  return {
    exists: (a) => get()?.exists(a) ?? false,
    resolve: (w) => get()?.resolve(w),
    suggest: (w, n, e) => get()?.suggest(w, n, e) ?? []
  }
}

/**
 * `customPackages`: packages come from --file or a flake that is not nixpkgs, whose names the index
 * (of nixpkgs) does not know.
 */
export const indexAccess = (path: string, customPackages = false) => {
  const reader = lazyReader(path)
  const index = Layer.scoped(PackageIndex, Effect.acquireRelease(
    Effect.sync(() => makePackageIndex(path, reader.open).service),
    () => Effect.sync(reader.close)
  ))
  const parser = (rules: ReadonlyArray<PhraseRule>) => {
    const names = fs.existsSync(path) ? lazyResolver(reader.tryOpen) : undefined
    return Layer.succeed(IntentParser, makeIntentParser({ names, rules, customPackages }))
  }
  return { index, parser }
}
