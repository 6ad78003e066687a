/**
 * The package index of one call, shared by the PackageIndex service and the parser's NameResolver:
 * one reader, opened on first use, closed with the layer. The parser gets a resolver only when an
 * index file exists (no index: no corrections, and nothing is read).
 */
import * as fs from "node:fs"
import { join } from "node:path"
import { Context, Effect } from "effect"
import type { NameResolver } from "../domain/parse/NameResolver.js"
import type { PhraseRule } from "../domain/parse/PhraseRule.js"
import { IndexReader } from "../domain/index/IndexReader.js"
import { toNameResolver } from "../domain/index/toNameResolver.js"
import { makeIntentParser } from "./IntentParserLive.js"
import { makePackageIndex } from "./PackageIndexLive.js"
import { IndexMissing } from "../domain/errors.js"
import { IndexBuilder } from "../services/IndexBuilder.js"
import { PackageIndex, type PackageIndexShape } from "../services/PackageIndex.js"
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
    close: () => reader?.close(),
    /** Forget a failed or closed reader (the file is about to be replaced). */
    reset: () => { reader = undefined; failed = false }
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
 * The index of a --file's packages is built from the file when it is missing or older than the file (the file
 * itself, or its default.nix for a folder; files it imports are not looked at: `ask-nix --file F index build`
 * rebuilds it). Once per call, before the first use. A file that does not evaluate leaves no index
 * (IndexMissing: search then falls through to Nix, which says what is wrong with the file).
 */
export const fileIndexStale = (path: string, file: string): boolean => {
  try {
    const f = fs.statSync(file)
    const source = f.isDirectory() ? fs.statSync(join(file, "default.nix")) : f
    return !fs.existsSync(path) || source.mtimeMs > fs.statSync(path).mtimeMs
  } catch {
    return !fs.existsSync(path)
  }
}

const freshFileIndex = (path: string, file: string, reader: ReturnType<typeof lazyReader>) => {
  let done = false
  return Effect.gen(function*() {
    if (done) return
    done = true
    if (!fileIndexStale(path, file)) return
    const builder = yield* IndexBuilder
    reader.close()
    reader.reset()
    yield* builder.build({ file, out: path }).pipe(Effect.catchAll(() => Effect.fail(new IndexMissing({ path }))))
  })
}

/**
 * `customPackages`: packages come from --file or a flake that is not nixpkgs, whose names the index (of
 * nixpkgs, or the file's own one before it is built) may not know.
 */
export const indexAccess = (path: string, customPackages = false) => {
  const reader = lazyReader(path)
  // The package index as a context made in the call's scope (a part of the call's services, MainLayer.ts).
  const index = Effect.map(Effect.acquireRelease(
    Effect.sync(() => makePackageIndex(path, reader.open).service),
    () => Effect.sync(reader.close)
  ), (service) => Context.make(PackageIndex, service))
  /** With --file: the same, after bringing the file's index up to date (needs IndexBuilder). */
  const fileIndex = (file: string) => Effect.map(Effect.gen(function*() {
    const builder = yield* IndexBuilder
    const ensure = freshFileIndex(path, file, reader).pipe(Effect.provideService(IndexBuilder, builder))
    const { service } = yield* Effect.acquireRelease(Effect.sync(() => makePackageIndex(path, reader.open)), () => Effect.sync(reader.close))
    return {
      search: (q, limit) => Effect.zipRight(ensure, service.search(q, limit)),
      lookup: (name) => Effect.zipRight(ensure, service.lookup(name)),
      suggest: (name, limit) => Effect.zipRight(ensure, service.suggest(name, limit)),
      provides: (command) => Effect.zipRight(ensure, service.provides(command)),
      status: Effect.zipRight(ensure, service.status),
      options: (query, limit) => Effect.zipRight(ensure, service.options(query, limit))
    } satisfies PackageIndexShape
  }), (service) => Context.make(PackageIndex, service))
  /** The parser (a service made here, not a layer: the call adds it to its context). */
  const parser = (rules: ReadonlyArray<PhraseRule>) =>
    makeIntentParser({ names: fs.existsSync(path) ? lazyResolver(reader.tryOpen) : undefined, rules, customPackages })
  return { index, fileIndex, parser }
}
