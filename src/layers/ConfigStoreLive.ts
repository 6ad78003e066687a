/**
 * ConfigStore on the real file system (@effect/platform FileSystem).
 *
 * Writing: every file is checked to still hold what was read (else ConfigChanged), its old content is
 * copied to `<stateDir>/config-backups/<time>-<id>/<its absolute path>`, the new content goes to a
 * temporary file in the same folder (same mode, same owner when running as root, fsynced), and only
 * then are the temporary files renamed over the originals, in one uninterruptible step: Ctrl-C before
 * it leaves every file as it was (the temporary files are removed), after it every file is new.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import type { PlatformError } from "@effect/platform/Error"
import { Effect, Layer, Option } from "effect"
import { createHash, randomBytes } from "node:crypto"
import { homedir } from "node:os"
import { basename, dirname, join } from "node:path"
import { ConfigChanged, ConfigFileError } from "../domain/configErrors.js"
import { ConfigStore, type ConfigStoreShape, type WrittenFile } from "../services/ConfigStore.js"
import { Settings } from "../services/Settings.js"

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex")

/** Text as it is in the file (a byte-order mark stays a character, so nothing is silently dropped). */
const decode = (bytes: Uint8Array): string => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)

const reason = (e: PlatformError): string =>
  e._tag === "SystemError" ? `${e.reason === "PermissionDenied" ? "permission denied" : e.reason === "NotFound" ? "no such file" : e.message}` : e.message

export const makeConfigStore = Effect.gen(function*() {
  const fs = yield* FileSystem.FileSystem
  const settings = yield* Settings
  const home = process.env["HOME"] ?? homedir()
  const fileError = (path: string, hint?: string) => (e: PlatformError) =>
    new ConfigFileError({ path, detail: `cannot use it (${reason(e)})`, ...(hint !== undefined ? { hint } : {}) })
  const notWritable = (path: string) =>
    new ConfigFileError({
      path,
      detail: "you cannot write it",
      hint: "It is usually owned by root: run the same request with sudo, or pass --config with a file you own. Nothing was changed."
    })

  const writable: ConfigStoreShape["writable"] = (paths) =>
    Effect.forEach(paths, (path) =>
      Effect.zipRight(
        fs.access(dirname(path), { writable: true }).pipe(Effect.mapError(() => notWritable(path))),
        fs.access(path, { writable: true }).pipe(Effect.mapError(() => notWritable(path)))
      ), { discard: true })

  const read: ConfigStoreShape["read"] = (main) =>
    Effect.gen(function*() {
      const exists = yield* fs.exists(main).pipe(Effect.mapError(fileError(main)))
      if (!exists) return yield* Effect.fail(new ConfigFileError({ path: main, detail: "there is no such file", hint: "Pass the file with --config PATH." }))
      // the Nix parser is loaded here, not when the layer is built
      const { collectConfigFiles } = yield* Effect.promise(() => import("../domain/nixfile/configFiles.js"))
      return yield* collectConfigFiles(main, {
        read: (p) =>
          fs.readFile(p).pipe(
            Effect.map((b): string | undefined => decode(b)),
            Effect.catchIf((e) => e._tag === "SystemError" && e.reason === "NotFound", () => Effect.succeed(undefined)),
            Effect.mapError(fileError(p))
          ),
        isDirectory: (p) =>
          fs.stat(p).pipe(
            Effect.map((s) => s.type === "Directory"),
            Effect.catchIf((e) => e._tag === "SystemError" && e.reason === "NotFound", () => Effect.succeed(false)),
            Effect.mapError(fileError(p))
          ),
        home
      })
    })

  const scratch: ConfigStoreShape["scratch"] = (files, edits) =>
    Effect.gen(function*() {
      const { absolutizePaths } = yield* Effect.promise(() => import("../domain/configEval/evalCopies.js"))
      const dir = yield* fs.makeTempDirectoryScoped({ prefix: "ask-nix-eval-" }).pipe(Effect.mapError(fileError("scratch folder")))
      const copies = new Map(files.order.map((p) => [p, join(dir, p)]))
      const edited = new Map(edits.map((e) => [e.path, e.after]))
      for (const path of files.order) {
        const text = edited.get(path) ?? files.texts.get(path) ?? ""
        const copy = copies.get(path)!
        const absolute = absolutizePaths(path, text, copies, home)
        if (absolute === undefined) return yield* Effect.fail(new ConfigFileError({ path, detail: "the edited text does not parse (a bug in ask-nix)" }))
        yield* fs.makeDirectory(dirname(copy), { recursive: true }).pipe(Effect.mapError(fileError(copy)))
        yield* fs.writeFileString(copy, absolute).pipe(Effect.mapError(fileError(copy)))
      }
      return copies.get(files.main) ?? join(dir, files.main)
    })

  /** A new file next to `path` holding `text`, with `path`'s mode and owner, fsynced; removed if not used. */
  const stage = (path: string, bytes: Uint8Array) =>
    Effect.acquireRelease(
      Effect.gen(function*() {
        const info = yield* fs.stat(path).pipe(Effect.mapError(fileError(path)))
        const tmp = join(dirname(path), `.${basename(path)}.ask-nix-${randomBytes(5).toString("hex")}`)
        yield* Effect.scoped(Effect.gen(function*() {
          const file = yield* fs.open(tmp, { flag: "wx", mode: info.mode & 0o7777 })
          yield* file.writeAll(bytes)
          yield* file.sync
        })).pipe(Effect.mapError((e) => (e._tag === "SystemError" && e.reason === "PermissionDenied" ? notWritable(path) : fileError(path)(e))))
        yield* fs.chmod(tmp, info.mode & 0o7777).pipe(Effect.mapError(fileError(tmp)))
        const uid = Option.getOrUndefined(info.uid)
        const gid = Option.getOrUndefined(info.gid)
        if (process.getuid?.() === 0 && uid !== undefined && gid !== undefined) {
          yield* fs.chown(tmp, uid, gid).pipe(Effect.mapError(fileError(tmp)))
        }
        return { tmp, used: false }
      }),
      (s) => (s.used ? Effect.void : fs.remove(s.tmp).pipe(Effect.ignore))
    )

  /** Replaces files by staged copies, all or (if interrupted before) none. */
  const commit = (staged: ReadonlyArray<{ readonly path: string; readonly tmp: { tmp: string; used: boolean } }>) =>
    Effect.uninterruptible(Effect.forEach(staged, (s) =>
      fs.rename(s.tmp.tmp, s.path).pipe(
        Effect.tap(() => Effect.sync(() => { s.tmp.used = true })),
        Effect.mapError(fileError(s.path))
      ), { discard: true }))

  const write: ConfigStoreShape["write"] = (edits) =>
    Effect.scoped(Effect.gen(function*() {
      const originals: Array<Uint8Array> = []
      for (const e of edits) {
        const now = yield* fs.readFile(e.path).pipe(Effect.mapError(fileError(e.path)))
        if (decode(now) !== e.before) return yield* Effect.fail(new ConfigChanged({ path: e.path }))
        yield* writable([e.path])
        originals.push(now)
      }
      const stamp = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}`
      const backupRoot = join(settings.stateDir, "config-backups", stamp)
      const written: Array<WrittenFile> = []
      for (const [i, e] of edits.entries()) {
        const backup = join(backupRoot, e.path)
        yield* fs.makeDirectory(dirname(backup), { recursive: true }).pipe(Effect.mapError(fileError(backup)))
        // the file's own bytes, so that undo gives back exactly what was there
        yield* fs.writeFile(backup, originals[i]!).pipe(Effect.mapError(fileError(backup)))
        written.push({ path: e.path, backup, sha256: sha256(e.after) })
      }
      const staged = []
      for (const e of edits) staged.push({ path: e.path, tmp: yield* stage(e.path, new TextEncoder().encode(e.after)) })
      yield* commit(staged)
      return written
    }))

  const restore: ConfigStoreShape["restore"] = (written) =>
    Effect.scoped(Effect.gen(function*() {
      const staged = []
      for (const w of written) {
        const now = decode(yield* fs.readFile(w.path).pipe(Effect.mapError(fileError(w.path))))
        if (sha256(now) !== w.sha256) return yield* Effect.fail(new ConfigChanged({ path: w.path }))
        const old = yield* fs.readFile(w.backup).pipe(Effect.mapError(fileError(w.backup, "The backup is gone, so the edit cannot be undone automatically.")))
        yield* fs.access(w.path, { writable: true }).pipe(Effect.mapError(() => notWritable(w.path)))
        staged.push({ path: w.path, tmp: yield* stage(w.path, old) })
      }
      yield* commit(staged)
    }))

  return { read, scratch, writable, write, restore } satisfies ConfigStoreShape
})

export const ConfigStoreLive: Layer.Layer<ConfigStore, never, FileSystem.FileSystem | Settings> = Layer.effect(ConfigStore, makeConfigStore)
