// ConfigStoreLive on real files: reading a configuration with its imports, evaluation copies that mean
// what the originals mean, atomic writes with byte-exact backups and restores, and the bad cases: a
// file changed meanwhile, a read-only file, Ctrl-C during the write.
import { NodeContext } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Either, Exit, Fiber, Layer } from "effect"
import { execFileSync } from "node:child_process"
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { describe, expect } from "vitest"
import { planConfigEdit } from "../../src/domain/nixfile/configEdit.js"
import { nixBool } from "../../src/domain/nixfile/nixValue.js"
import { ConfigStoreLive } from "../../src/layers/ConfigStoreLive.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { ConfigStore } from "../../src/services/ConfigStore.js"
import { copyFixture } from "../support/configFixtures.js"
import { add, set } from "../nixfile/editCases.js"

const stateDir = mkdtempSync(join(tmpdir(), "ask-nix-config-state-"))
const layer = ConfigStoreLive.pipe(Layer.provide(Layer.merge(NodeContext.layer, SettingsTest({ stateDir }))))

const planFor = (files: Parameters<typeof planConfigEdit>[0], ...changes: Parameters<typeof planConfigEdit>[1]) => {
  const r = planConfigEdit(files, changes)
  if (Either.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe("ConfigStoreLive", () => {
  it.effect("reads the main file and the modules it imports, folders as default.nix", () =>
    Effect.gen(function*() {
      const main = copyFixture("nixos/split-modules")
      const files = yield* (yield* ConfigStore).read(main)
      const dir = dirname(main)
      expect(files.order).toEqual([main, join(dir, "hardware-configuration.nix"), join(dir, "packages.nix"), join(dir, "services/default.nix")])
    }).pipe(Effect.provide(layer)))

  it.effect("a missing file says to pass --config", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip((yield* ConfigStore).read("/nonexistent/configuration.nix"))
      expect(e._tag).toBe("ConfigFileError")
      expect(e._tag === "ConfigFileError" && e.hint).toContain("--config")
    }).pipe(Effect.provide(layer)))

  it.scoped("evaluation copies point at the originals, except at other copies", () =>
    Effect.gen(function*() {
      const store = yield* ConfigStore
      const main = copyFixture("nixos/split-modules")
      const files = yield* store.read(main)
      const plan = planFor(files, add("firefox"))
      const copy = yield* store.scratch(files, plan.edits)
      const dir = dirname(main)
      const copied = readFileSync(copy, "utf8")
      expect(copied).toContain(`${dirname(copy)}/packages.nix`)
      expect(copied).toContain(`${dir}/hardware-configuration.nix`.replace(dir, dirname(copy)))
      expect(readFileSync(join(dirname(copy), "packages.nix"), "utf8")).toContain("firefox")
      expect(readFileSync(join(dir, "packages.nix"), "utf8")).not.toContain("firefox")
    }).pipe(Effect.provide(layer)))

  it.effect("writes atomically, keeps mode, backs up the exact bytes and restores them", () =>
    Effect.gen(function*() {
      const store = yield* ConfigStore
      const main = copyFixture("nixos/crlf")
      chmodSync(main, 0o640)
      const original = readFileSync(main)
      const files = yield* store.read(main)
      const plan = planFor(files, set("services.openssh.enable", nixBool(true)))
      const written = yield* store.write(plan.edits)
      expect(readFileSync(main, "utf8")).toBe(plan.edits[0]!.after)
      expect(statSync(main).mode & 0o777).toBe(0o640)
      expect(readFileSync(written[0]!.backup).equals(original)).toBe(true)
      expect(readdirSync(dirname(main)).filter((f) => f.includes(".ask-nix-"))).toEqual([])
      yield* store.restore(written)
      expect(readFileSync(main).equals(original)).toBe(true)
    }).pipe(Effect.provide(layer)))

  it.effect("refuses to write over a file that changed since it was read, and to undo over a later edit", () =>
    Effect.gen(function*() {
      const store = yield* ConfigStore
      const main = copyFixture("nixos/dotted")
      const files = yield* store.read(main)
      const plan = planFor(files, add("firefox"))
      writeFileSync(main, `${readFileSync(main, "utf8")}# edited meanwhile\n`)
      const changed = readFileSync(main, "utf8")
      expect(yield* Effect.flip(store.write(plan.edits))).toMatchObject({ _tag: "ConfigChanged", path: main })
      expect(readFileSync(main, "utf8")).toBe(changed)
      const again = planFor(yield* store.read(main), add("firefox"))
      const written = yield* store.write(again.edits)
      writeFileSync(main, `${readFileSync(main, "utf8")}# and again\n`)
      expect(yield* Effect.flip(store.restore(written))).toMatchObject({ _tag: "ConfigChanged" })
    }).pipe(Effect.provide(layer)))

  it.effect("a read-only file is left alone and the message says why", () =>
    Effect.gen(function*() {
      const store = yield* ConfigStore
      const main = copyFixture("nixos/dotted")
      const files = yield* store.read(main)
      const plan = planFor(files, add("firefox"))
      const readOnly = readOnlyCopy(dirname(main))
      try {
        const edits = plan.edits.map((e) => ({ ...e, path: join(readOnly.dir, "configuration.nix") }))
        const e = yield* Effect.flip(store.write(edits))
        expect(e._tag).toBe("ConfigFileError")
        expect(e._tag === "ConfigFileError" && `${e.detail} ${e.hint}`).toMatch(/cannot write.*sudo/)
        expect(readFileSync(join(readOnly.dir, "configuration.nix"), "utf8")).toBe(plan.edits[0]!.before)
      } finally {
        readOnly.release()
      }
    }).pipe(Effect.provide(layer)))

  it.live("Ctrl-C at any moment of a write leaves each file old or new, never half, and no temporary files", () =>
    Effect.gen(function*() {
      const store = yield* ConfigStore
      let interrupted = 0
      for (let delay = 0; delay < 12; delay++) {
        const main = copyFixture("nixos/split-modules")
        const files = yield* store.read(main)
        const plan = planFor(files, add("firefox"), set("services.openssh.permitRootLogin", { type: "string", value: "no" }))
        expect(plan.edits.length).toBe(2)
        const fiber = yield* Effect.fork(store.write(plan.edits))
        yield* Effect.sleep(`${delay} millis`)
        const exit = yield* Fiber.interrupt(fiber)
        if (Exit.isInterrupted(exit)) interrupted++
        const now = plan.edits.map((e) => readFileSync(e.path, "utf8"))
        const allOld = now.every((t, i) => t === plan.edits[i]!.before)
        const allNew = now.every((t, i) => t === plan.edits[i]!.after)
        expect(allOld || allNew).toBe(true)
        // A success means the new files; an interruption that lands just after the renames (the write is
        // done, the fiber is told afterwards) may leave them new, so only success is tied to one side.
        if (Exit.isSuccess(exit)) expect(allNew).toBe(true)
        for (const d of new Set(plan.edits.map((e) => dirname(e.path)))) expect(readdirSync(d).filter((f) => f.includes(".ask-nix-"))).toEqual([])
      }
      expect(interrupted).toBeGreaterThan(0)
    }).pipe(Effect.provide(layer)))
})

/**
 * A folder holding a copy of configuration.nix that this process cannot write: mode 0444 in a 0555
 * folder for a normal user; root ignores modes, so for root a read-only tmpfs is mounted.
 */
const readOnlyCopy = (from: string): { readonly dir: string; readonly release: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-readonly-"))
  const text = readFileSync(join(from, "configuration.nix"))
  if (process.getuid?.() !== 0) {
    writeFileSync(join(dir, "configuration.nix"), text)
    chmodSync(join(dir, "configuration.nix"), 0o444)
    chmodSync(dir, 0o555)
    return { dir, release: () => chmodSync(dir, 0o755) }
  }
  const staging = join(dir, "staging")
  mkdirSync(staging)
  writeFileSync(join(staging, "configuration.nix"), text)
  const mounted = join(dir, "ro")
  mkdirSync(mounted)
  execFileSync("mount", ["--bind", staging, mounted])
  execFileSync("mount", ["-o", "remount,ro,bind", mounted])
  return { dir: mounted, release: () => execFileSync("umount", [mounted]) }
}
