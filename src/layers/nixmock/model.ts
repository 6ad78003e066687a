/** The mock Nix's world: packages, installed elements, generations, recorded calls. */
import type { ProfileKind } from "../../domain/profile/Profile.js"

export interface MockPackage {
  readonly attr: string
  readonly pname: string
  readonly version: string
  readonly description: string
  /** Building it fails (BuildFailed). */
  readonly broken?: boolean | undefined
  /** Programs it provides (bin/). */
  readonly programs?: ReadonlyArray<string> | undefined
}

export interface MockInstalled {
  readonly attr: string
  readonly pname: string
  readonly version: string
  readonly storePath: string
}

export interface MockGeneration {
  readonly number: number
  readonly date: string
  readonly packages: ReadonlyArray<MockInstalled>
}

export interface MockCall {
  readonly argv: ReadonlyArray<string>
  readonly mutating: boolean
  readonly interactive: boolean
}

export const defaultMockPackages: ReadonlyArray<MockPackage> = [
  { attr: "firefox", pname: "firefox", version: "128.0", description: "A web browser built from Firefox source tree" },
  { attr: "hello", pname: "hello", version: "2.12.1", description: "A program that produces a familiar, friendly greeting" },
  { attr: "git", pname: "git", version: "2.45.2", description: "Distributed version control system" },
  { attr: "ripgrep", pname: "ripgrep", version: "14.1.0", description: "Recursively searches directories for a regex pattern", programs: ["rg"] },
  { attr: "vim", pname: "vim", version: "9.1.0", description: "The most popular clone of the VI editor" },
  { attr: "tmux", pname: "tmux", version: "3.4", description: "Terminal multiplexer" },
  { attr: "python3", pname: "python3", version: "3.12.4", description: "A high-level dynamically-typed programming language" },
  { attr: "broken", pname: "broken", version: "0.1", description: "Always fails to build", broken: true }
]

/** A deterministic fake store path. */
export const mockStorePath = (pname: string, version: string, suffix = ""): string => {
  let h = 2166136261
  for (const c of `${pname}-${version}${suffix}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0
  const alphabet = "0123456789abcdfghijklmnpqrsvwxyz"
  let hash = ""
  for (let i = 0; i < 32; i++) {
    h = Math.imul(h ^ i, 16777619) >>> 0
    hash += alphabet[h % 32]
  }
  return `/nix/store/${hash}-${pname}-${version}${suffix}`
}

/** Mutable state the interpreter works on. */
export interface MockWorld {
  readonly version: string
  readonly packages: Map<string, MockPackage>
  kind: ProfileKind
  generations: Array<MockGeneration>
  current: number | undefined
  readonly missingPrograms: Set<string>
  readonly experimentalFeatures: boolean
  /** Store paths no generation refers to any more (what a GC would delete). */
  dead: Array<string>
  /** Seconds added to the mock clock at each new generation (dates stay deterministic). */
  clock: number
}
