/**
 * A test NixOS root in a temp folder: etc/NIXOS, etc/os-release, etc/nixos (configuration.nix or a
 * flake), and a system profile whose generation links point (absolutely, as on a real system) at
 * fake store folders with nixos-version, kernel, sw/bin and bin/switch-to-configuration.
 */
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll } from "vitest"

/** Temp folders made here, removed after the test file that made them. */
const made: Array<string> = []
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})
const tempDir = (prefix: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(d)
  return d
}

export const fixtures = fileURLToPath(new URL("../../fixtures/nixos", import.meta.url))

export interface FakeGeneration {
  readonly number: number
  readonly nixosVersion: string
  readonly kernel: string
  /** name -> version; each package gets one program named after it. */
  readonly packages: Readonly<Record<string, string>>
  /** Seconds since the epoch. */
  readonly date: number
}

export interface RootOptions {
  readonly flake?: boolean
  /** etc/nixos/flake.nix is a link (absolute, as the system sees it) to /home/alice/nixos-config/flake.nix. */
  readonly flakeLinked?: boolean
  readonly marker?: boolean
  readonly osRelease?: string | undefined
  readonly hostname?: string
  readonly generations?: ReadonlyArray<FakeGeneration>
  readonly current?: number
}

const alphabet = "0123456789abcdfghijklmnpqrsvwxyz"
export const storeHash = (seed: string): string => {
  const bytes = createHash("sha256").update(seed).digest()
  return Array.from({ length: 32 }, (_, i) => alphabet[bytes[i]! % 32]).join("")
}
const storePath = (name: string) => `/nix/store/${storeHash(name)}-${name}`

export const defaultGenerations: ReadonlyArray<FakeGeneration> = [
  { number: 40, nixosVersion: "24.05.20240601.aaaaaaa (Uakari)", kernel: "6.6.30", packages: { firefox: "126.0", git: "2.44.0", htop: "3.3.0" }, date: 1717200000 },
  { number: 41, nixosVersion: "24.05.20240607.1234abc (Uakari)", kernel: "6.6.32", packages: { firefox: "127.0", git: "2.44.0", vim: "9.1.0200" }, date: 1717750000 },
  { number: 42, nixosVersion: "24.05.20240615.5678def (Uakari)", kernel: "6.6.32", packages: { firefox: "127.0", git: "2.45.1", vim: "9.1.0200" }, date: 1718450000 }
]

export const nixosOsRelease = [
  "ANSI_COLOR=\"1;34\"", "BUG_REPORT_URL=\"https://github.com/NixOS/nixpkgs/issues\"", "BUILD_ID=\"24.05.20240615.5678def\"",
  "DOCUMENTATION_URL=\"https://nixos.org/learn.html\"", "HOME_URL=\"https://nixos.org/\"", "ID=nixos", "LOGO=\"nix-snowflake\"",
  "NAME=NixOS", "PRETTY_NAME=\"NixOS 24.05 (Uakari)\"", "VERSION=\"24.05 (Uakari)\"", "VERSION_CODENAME=uakari", "VERSION_ID=\"24.05\"", ""
].join("\n")

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}
const link = (target: string, at: string) => {
  fs.mkdirSync(path.dirname(at), { recursive: true })
  fs.symlinkSync(target, at)
}

const makeGeneration = (root: string, host: string, g: FakeGeneration): string => {
  const sys = storePath(`nixos-system-${host}-${g.nixosVersion.split(" ")[0]}-g${g.number}`)
  const sysDir = path.join(root, sys)
  write(path.join(sysDir, "nixos-version"), g.nixosVersion.split(" ")[0]!)
  link(`${storePath(`linux-${g.kernel}`)}/bzImage`, path.join(sysDir, "kernel"))
  const sw = storePath(`system-path-g${g.number}`)
  link(sw, path.join(sysDir, "sw"))
  fs.mkdirSync(path.join(root, sw, "bin"), { recursive: true })
  for (const [name, version] of Object.entries(g.packages)) {
    link(`${storePath(`${name}-${version}`)}/bin/${name}`, path.join(root, sw, "bin", name))
  }
  fs.mkdirSync(path.join(sysDir, "bin"), { recursive: true })
  fs.symlinkSync(path.join(fixtures, "bin", "switch-to-configuration"), path.join(sysDir, "bin", "switch-to-configuration"))
  return sys
}

export const makeNixosRoot = (o: RootOptions = {}): string => {
  const root = tempDir("ask-nix-nixos-")
  const host = o.hostname ?? "kestrel"
  if (o.marker ?? true) write(path.join(root, "etc/NIXOS"), "")
  const release = o.osRelease === undefined && !("osRelease" in o) ? nixosOsRelease : o.osRelease
  if (release !== undefined) write(path.join(root, "etc/os-release"), release)
  write(path.join(root, "etc/hostname"), `${host}\n`)
  write(path.join(root, "etc/nixos/configuration.nix"), "{ config, pkgs, ... }:\n{\n  networking.hostName = \"kestrel\";\n}\n")
  if (o.flake) {
    const flake = "{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-24.05\";\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.kestrel = nixpkgs.lib.nixosSystem { modules = [ ./configuration.nix ]; };\n  };\n}\n"
    if (o.flakeLinked) {
      write(path.join(root, "home/alice/nixos-config/flake.nix"), flake)
      link("/home/alice/nixos-config/flake.nix", path.join(root, "etc/nixos/flake.nix"))
    } else {
      write(path.join(root, "etc/nixos/flake.nix"), flake)
    }
  }
  const profiles = path.join(root, "nix/var/nix/profiles")
  fs.mkdirSync(profiles, { recursive: true })
  const gens = o.generations ?? defaultGenerations
  for (const g of gens) {
    const at = path.join(profiles, `system-${g.number}-link`)
    link(makeGeneration(root, host, g), at)
    fs.lutimesSync(at, g.date, g.date)
  }
  const current = o.current ?? gens[gens.length - 1]?.number
  if (current !== undefined) link(`system-${current}-link`, path.join(profiles, "system"))
  return root
}

/** A folder of stand-in programs, put first on PATH: only the names asked for. */
export const makeBinDir = (names: ReadonlyArray<string>): string => {
  const dir = tempDir("ask-nix-bin-")
  const source: Record<string, string> = {
    "nixos-rebuild": "nixos-rebuild", "nixos-rebuild-ng": "nixos-rebuild",
    sudo: "elevate", doas: "elevate", run0: "elevate", nix: "nix", "nix-env": "nix-env"
  }
  for (const n of names) fs.symlinkSync(path.join(fixtures, "bin", source[n] ?? n), path.join(dir, n))
  return dir
}

/** The recorded invocations: [name, cwd, ...args] per line. */
export const readCalls = (log: string): ReadonlyArray<ReadonlyArray<string>> =>
  fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter((l) => l !== "").map((l) => l.split("\t")) : []
