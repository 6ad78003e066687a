/**
 * The real Nix installations the live tests run against: Debian's Nix 2.8 (/usr/bin) and the modern
 * one (2.26, $ASK_NIX_MODERN_NIX_BIN or /opt/nix-modern/bin, see ../shared/tools/modern-nix). ASK_NIX_TEST_NIX_BINS (colon-separated
 * folders) overrides the list. ASK_NIX_REQUIRE_NIX=1 (CI) turns a missing Nix into a failing test.
 */
import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"

export interface NixInstall {
  /** Folder holding nix, nix-env, nix-shell... (put first on PATH). */
  readonly binDir: string
  /** "2.8.0", "2.26.3" */
  readonly version: string
  /** NIX_CONFIG for single-user, offline, sandbox-less test builds with this Nix. */
  readonly nixConfig: string
  /** Environment to give every command of this Nix (NIX_CONFIG, PATH handled by the layer). */
  readonly env: Readonly<Record<string, string>>
}

/** Debian's Nix, and the modern one (.ci/run exports ASK_NIX_MODERN_NIX_BIN from `modern-nix path`). */
export const defaultBinDirs = ["/usr/bin", process.env["ASK_NIX_MODERN_NIX_BIN"] || "/opt/nix-modern/bin"]

export const requireNix = process.env["ASK_NIX_REQUIRE_NIX"] === "1"

const baseConfig = [
  "experimental-features = nix-command flakes",
  "sandbox = false",
  "build-users-group =",
  "substituters =",
  "warn-dirty = false"
]

/**
 * The modern Nix here is Debian's binary run through its own loader (a wrapper script): its build hook
 * (`nix __build-remote`, started via /proc/self/exe) cannot start, so it is switched off. Nix 2.8 must
 * keep its default hook (an empty one fails to execute).
 */
const configFor = (binDir: string, version: string): string => {
  const [major = 0, minor = 0] = version.split(".").map(Number)
  const modern = major > 2 || (major === 2 && minor >= 20)
  return [...baseConfig, ...(modern || binDir !== "/usr/bin" ? ["build-hook ="] : [])].join("\n")
}

const probe = (binDir: string): NixInstall | undefined => {
  const nix = join(binDir, "nix")
  if (!existsSync(nix)) return undefined
  try {
    const out = execFileSync(nix, ["--version"], { encoding: "utf8", timeout: 20_000 })
    const version = /(\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1]
    if (version === undefined) return undefined
    const nixConfig = configFor(binDir, version)
    return { binDir, version, nixConfig, env: { NIX_CONFIG: nixConfig } }
  } catch {
    return undefined
  }
}

const binDirs = (): ReadonlyArray<string> => {
  const override = process.env["ASK_NIX_TEST_NIX_BINS"]
  return override ? override.split(":").filter((d) => d !== "") : defaultBinDirs
}

/** Installs found on this machine, probed once per test file. */
export const nixInstalls: ReadonlyArray<NixInstall> = binDirs().flatMap((d) => probe(d) ?? [])

/** Folders that were expected but hold no working Nix. */
export const missingNixes: ReadonlyArray<string> = binDirs().filter((d) => !nixInstalls.some((n) => n.binDir === d))
