/**
 * The real nixpkgs 19.09 and home-manager 19.09 source trees (../shared/data/*-src.tar.xz), extracted
 * once into a cache folder outside the repository: `$TMPDIR/ask-nix-nixos-trees/<size>-<mtime>/`, keyed
 * by the tarball's size and mtime so a new tarball gets a fresh copy. Extraction goes to a temporary
 * folder renamed into place, so two test workers starting together both end up with a whole tree.
 * Nothing from the trees is ever committed.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const sharedData = resolve(fileURLToPath(new URL("../../../shared/data", import.meta.url)))

export interface NixosTrees {
  /** .../nixpkgs-19.09 */
  readonly nixpkgs: string
  /** .../home-manager-19.09 */
  readonly homeManager: string
  /** NIX_PATH giving <nixpkgs>, <nixpkgs/nixos> and <home-manager>. */
  readonly nixPath: string
  /** How long extracting took in this process (0 when the cache was already there). */
  readonly extractMs: number
}

const extractOnce = (tarball: string, folder: string): number => {
  const st = statSync(tarball)
  const base = join(tmpdir(), "ask-nix-nixos-trees", `${st.size}-${Math.floor(st.mtimeMs)}`)
  const target = join(base, folder)
  if (existsSync(target)) return 0
  mkdirSync(base, { recursive: true })
  const started = performance.now()
  const scratch = mkdtempSync(join(base, ".extract-"))
  try {
    execFileSync("tar", ["-xJf", tarball, "-C", scratch], { stdio: "inherit" })
    try {
      renameSync(join(scratch, folder), target)
    } catch (e) {
      // another worker renamed its copy first: use that one
      if (!existsSync(target)) throw e
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return performance.now() - started
}

const cacheRoot = (tarball: string): string => {
  const st = statSync(tarball)
  return join(tmpdir(), "ask-nix-nixos-trees", `${st.size}-${Math.floor(st.mtimeMs)}`)
}

/** Extracts the trees if needed and returns where they are. */
export const nixosTrees = (): NixosTrees => {
  const nixpkgsTar = join(sharedData, "nixpkgs-19.09-src.tar.xz")
  const hmTar = join(sharedData, "home-manager-19.09-src.tar.xz")
  const extractMs = extractOnce(nixpkgsTar, "nixpkgs-19.09") + extractOnce(hmTar, "home-manager-19.09")
  const nixpkgs = join(cacheRoot(nixpkgsTar), "nixpkgs-19.09")
  const homeManager = join(cacheRoot(hmTar), "home-manager-19.09")
  return { nixpkgs, homeManager, nixPath: `nixpkgs=${nixpkgs}:home-manager=${homeManager}`, extractMs }
}

/** Whether the tarballs are here (they are in this project's shared data folder). */
export const haveTrees = (): boolean =>
  existsSync(join(sharedData, "nixpkgs-19.09-src.tar.xz")) && existsSync(join(sharedData, "home-manager-19.09-src.tar.xz"))

/** Every .nix file below a folder, sorted. */
export const nixFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? nixFiles(join(dir, e.name)) : e.name.endsWith(".nix") ? [join(dir, e.name)] : []
  ).sort()
