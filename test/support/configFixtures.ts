/**
 * The configuration fixtures (test/fixtures/config/{nixos,home,bad}/NAME/): loading one as ConfigFiles,
 * and copying one into a scratch folder for tests that write and evaluate.
 */
import { Effect } from "effect"
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import type { ConfigFiles } from "../../src/domain/nixfile/configEdit.js"
import { collectConfigFiles } from "../../src/domain/nixfile/configFiles.js"

export const fixturesRoot = resolve(fileURLToPath(new URL("../fixtures/config", import.meta.url)))

export const fixtureDir = (name: string): string => join(fixturesRoot, name)

/** The main file of a fixture folder: configuration.nix or home.nix. */
export const mainFileOf = (dir: string): string =>
  existsSync(join(dir, "configuration.nix")) ? join(dir, "configuration.nix") : join(dir, "home.nix")

export const readConfig = (main: string): ConfigFiles =>
  Effect.runSync(collectConfigFiles(main, {
    read: (p) => Effect.sync(() => (existsSync(p) ? readFileSync(p, "utf8") : undefined)),
    isDirectory: (p) => Effect.sync(() => existsSync(p) && statSync(p).isDirectory()),
    home: "/home/test"
  }))

/** A private copy of a fixture folder (its main file's path). */
export const copyFixture = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `ask-nix-config-${name.replace(/\//g, "-")}-`))
  cpSync(fixtureDir(name), dir, { recursive: true })
  return mainFileOf(dir)
}
