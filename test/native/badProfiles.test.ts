/** Broken profiles: the native backend says CannotServe (so the chain moves on) or answers correctly; never crashes. */
import { it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { lutimesSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect } from "vitest"
import { makeNativeBackend } from "../../src/layers/backends/native/NativeBackend.js"
import { Generations, Install, List, Search, Info, Clean } from "../../src/domain/Intent.js"
import type { Intent } from "../../src/domain/Intent.js"
import { IndexMissing } from "../../src/domain/errors.js"
import type { PackageIndexShape } from "../../src/services/PackageIndex.js"

const dirs: Array<string> = []
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

/** A fake profile: generation N is a folder `gen-N` (standing in for a store path) with these files. */
const profileWith = (gens: Record<number, Record<string, string> | "dangling" | "manifest-is-a-folder">, current: number) => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-badprofile-"))
  dirs.push(dir)
  for (const [n, files] of Object.entries(gens)) {
    const target = join(dir, `store-${n}`)
    if (files === "manifest-is-a-folder") mkdirSync(join(target, "manifest.json"), { recursive: true })
    else if (files !== "dangling") {
      mkdirSync(target)
      for (const [name, text] of Object.entries(files)) writeFileSync(join(target, name), text)
    }
    symlinkSync(target, join(dir, `profile-${n}-link`))
    const t = new Date(Date.UTC(2024, 0, Number(n), 12, 0, 0))
    lutimesSync(join(dir, `profile-${n}-link`), t, t) // the link's own time, which Nix reports
  }
  symlinkSync(`profile-${current}-link`, join(dir, "profile"))
  return join(dir, "profile")
}

const serve = (profile: string, intent: Intent) =>
  makeNativeBackend({ profile, index: undefined, daemon: { socketPath: "/nonexistent/socket", timeoutMs: 200 } })
    .serve(intent).pipe(Effect.either)

const cannot = (r: Either.Either<unknown, { _tag: string; reason?: string }>) => {
  if (Either.isRight(r)) throw new Error(`expected CannotServe, got ${JSON.stringify(r.right)}`)
  expect(r.left._tag).toBe("CannotServe")
  return r.left.reason ?? ""
}

const v2 = (paths: Array<string>) => JSON.stringify({ version: 2, elements: paths.map((p) => ({ active: true, storePaths: [p] })) })
const h = "/nix/store/7dzihgjz8bgyrmmbd2s2gfhg636yg9dd"

describe("native backend on broken profiles", () => {
  it.effect("a profile that does not exist", () =>
    Effect.gen(function*() {
      expect(cannot(yield* serve("/nonexistent/ask-nix/profile", new List()))).toMatch(/cannot read the profile link/)
      expect(cannot(yield* serve("/nonexistent/ask-nix/profile", new Generations()))).toMatch(/cannot read the profile link/)
    }))

  it.effect("a generation without a manifest", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: {} }, 1)
      expect(cannot(yield* serve(p, new List()))).toMatch(/no manifest.json or manifest.nix/)
    }))

  it.effect("an unreadable manifest", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: "manifest-is-a-folder" }, 1)
      expect(cannot(yield* serve(p, new List()))).toMatch(/cannot read .*manifest.json/)
    }))

  it.effect("a manifest from a future Nix", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: { "manifest.json": JSON.stringify({ version: 4, elements: {} }) } }, 1)
      expect(cannot(yield* serve(p, new List()))).toMatch(/manifest version 4 not supported/)
    }))

  it.effect("a manifest.nix that is not plain data", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: { "manifest.nix": `[ { name = "a-1"; outPath = "${h}-a-1"; f = x: x; } ]` } }, 1)
      expect(cannot(yield* serve(p, new List()))).toMatch(/manifest.nix: .*not data|manifest.nix: unexpected/)
    }))

  it.effect("a dangling current generation: CannotServe for list", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: { "manifest.json": v2([`${h}-a-1`]) }, 2: "dangling" }, 2)
      expect(cannot(yield* serve(p, new List()))).toMatch(/no manifest/)
    }))

  it.effect("a dangling old generation is listed, as Nix lists it, without a diff", () =>
    Effect.gen(function*() {
      const p = profileWith({
        1: "dangling",
        2: { "manifest.json": v2([`${h}-a-1.0`]) },
        3: { "manifest.json": v2([`${h}-a-1.1`, `${h}-b-2`]) }
      }, 3)
      const r = yield* serve(p, new Generations())
      const a = Either.getOrThrow(r)
      if (a._tag !== "Answer" || a.answer._tag !== "generations") throw new Error("expected generations")
      expect(a.answer.generations).toEqual([
        { number: 1, date: "2024-01-01T12:00:00.000Z", current: false },
        { number: 2, date: "2024-01-02T12:00:00.000Z", current: false },
        { number: 3, date: "2024-01-03T12:00:00.000Z", current: true }
      ])
      expect(a.answer.diffs).toEqual([
        { from: 2, to: 3, added: [{ name: "b", version: "2" }], removed: [], changed: [{ name: "a", from: "1.0", to: "1.1" }] }
      ])
    }))

  it.effect("a current link that points nowhere useful", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: { "manifest.json": v2([]) } }, 1)
      rmSync(join(p, "..", "profile-1-link"))
      expect(cannot(yield* serve(p, new Generations()))).toMatch(/has no link/)
    }))

  it.effect("not a profile at all (a symlink to a store path)", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "ask-nix-badprofile-"))
      dirs.push(dir)
      mkdirSync(join(dir, "store"))
      symlinkSync(join(dir, "store"), join(dir, "result"))
      expect(cannot(yield* serve(join(dir, "result"), new List()))).toMatch(/cannot read the profile link|not a profile/)
    }))

  it.effect("mutations and index questions without an index are CannotServe", () =>
    Effect.gen(function*() {
      const p = profileWith({ 1: { "manifest.json": v2([]) } }, 1)
      expect(cannot(yield* serve(p, new Install({ packages: ["hello"] })))).toMatch(/left to Nix's own commands/)
      expect(cannot(yield* serve(p, new Clean({})))).toMatch(/left to Nix's own commands/)
      expect(cannot(yield* serve(p, new Search({ query: "x" })))).toMatch(/no package index/)
      expect(cannot(yield* serve(p, new Info({ packages: ["x"] })))).toMatch(/no package index/)
    }))

  it.effect("an index that is missing on disk is CannotServe too", () =>
    Effect.gen(function*() {
      const missing = Effect.fail(new IndexMissing({ path: "/idx" }))
      const index: PackageIndexShape = { search: () => missing, lookup: () => missing, suggest: () => missing, provides: () => missing, status: missing }
      const backend = makeNativeBackend({ profile: "/nonexistent/profile", index })
      for (const intent of [new Search({ query: "x" }), new Info({ packages: ["x"] })]) {
        expect(cannot(yield* Effect.either(backend.serve(intent)))).toBe("no package index at /idx")
      }
    }))
})
