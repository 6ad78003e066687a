/**
 * A home-manager user in a temp folder: HOME, XDG_CONFIG_HOME and XDG_STATE_HOME inside it, real
 * generation links (`home-manager-N-link`, dated) in $XDG_STATE_HOME/nix/profiles pointing at fake
 * generation folders ($FAKE_HM_STORE) that hold `home-path/bin` program links and the stand-in
 * `activate` script, optionally a home.nix; and a folder of stand-in programs for PATH.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll } from "vitest"
import { readCalls, storeHash } from "../../system/support/nixosRoot.js"

const made: Array<string> = []
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

export const homeFixtures = fileURLToPath(new URL("../../fixtures/home", import.meta.url))
const nixosFixtures = fileURLToPath(new URL("../../fixtures/nixos", import.meta.url))

export interface FakeHomeGeneration {
  readonly number: number
  /** Seconds since the epoch. */
  readonly date: number
  /** "hello-2.10": each gets one program link into /nix/store/<hash>-hello-2.10/bin/hello. */
  readonly packages: ReadonlyArray<string>
}

export const defaultHomeGenerations: ReadonlyArray<FakeHomeGeneration> = [
  { number: 3, date: 1581500000, packages: ["hello-2.10", "htop-2.2.0"] },
  { number: 4, date: 1581600000, packages: ["hello-2.10", "htop-2.2.0", "jq-1.6"] },
  { number: 5, date: 1581700000, packages: ["hello-2.10", "jq-1.6", "ripgrep-11.0.2"] }
]

export interface HomeUser {
  readonly dir: string
  readonly home: string
  readonly configHome: string
  readonly stateHome: string
  readonly profiles: string
  readonly store: string
  /** Store path of generation n. */
  readonly generation: (n: number) => string
  /** Where the profile link points now (the generation number), or undefined. */
  readonly current: () => number | undefined
  /** The generation links: "home-manager-N-link -> target", sorted, for byte-identical checks. */
  readonly snapshot: () => string
  /** The stand-in programs (put first on PATH). */
  readonly bin: string
  readonly log: string
  readonly calls: () => ReadonlyArray<ReadonlyArray<string>>
  /** Environment for ask-nix and the stand-ins. */
  readonly env: Readonly<Record<string, string>>
}

export interface HomeUserOptions {
  readonly generations?: ReadonlyArray<FakeHomeGeneration>
  readonly current?: number
  /** Text of ~/.config/nixpkgs/home.nix (home-manager 19.09's place). */
  readonly homeNix?: string
  /** Stand-in programs put first on PATH (home-manager, nixos-rebuild, sudo ...). */
  readonly tools?: ReadonlyArray<string>
  /** Packages the stand-in home-manager's next generation holds. */
  readonly nextPackages?: ReadonlyArray<string>
}

const link = (target: string, at: string) => {
  fs.mkdirSync(path.dirname(at), { recursive: true })
  fs.symlinkSync(target, at)
}

export const makeHomeUser = (o: HomeUserOptions = {}): HomeUser => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ask-nix-home-"))
  made.push(dir)
  const home = path.join(dir, "home/alice")
  const configHome = path.join(home, ".config")
  const stateHome = path.join(home, ".local/state")
  const profiles = path.join(stateHome, "nix/profiles")
  const store = path.join(dir, "store")
  const bin = path.join(dir, "bin")
  fs.mkdirSync(profiles, { recursive: true })
  fs.mkdirSync(store, { recursive: true })
  fs.mkdirSync(bin, { recursive: true })
  const genPath = (n: number) => path.join(store, `${storeHash(`hm-${n}`)}-home-manager-generation`)
  const gens = o.generations ?? defaultHomeGenerations
  for (const g of gens) {
    const p = genPath(g.number)
    fs.mkdirSync(path.join(p, "home-path/bin"), { recursive: true })
    for (const pkg of g.packages) {
      const name = pkg.replace(/-[0-9].*$/, "")
      link(`/nix/store/${storeHash(pkg)}-${pkg}/bin/${name}`, path.join(p, "home-path/bin", name))
    }
    fs.copyFileSync(path.join(homeFixtures, "activate"), path.join(p, "activate"))
    fs.chmodSync(path.join(p, "activate"), 0o755)
    const at = path.join(profiles, `home-manager-${g.number}-link`)
    link(p, at)
    fs.lutimesSync(at, g.date, g.date)
  }
  const current = o.current ?? gens[gens.length - 1]?.number
  if (current !== undefined) link(`home-manager-${current}-link`, path.join(profiles, "home-manager"))
  if (o.homeNix !== undefined) {
    fs.mkdirSync(path.join(configHome, "nixpkgs"), { recursive: true })
    fs.writeFileSync(path.join(configHome, "nixpkgs/home.nix"), o.homeNix)
  }
  const sources: Record<string, string> = {
    "home-manager": path.join(homeFixtures, "bin/home-manager"),
    "nixos-rebuild": path.join(nixosFixtures, "bin/nixos-rebuild"),
    sudo: path.join(nixosFixtures, "bin/elevate")
  }
  for (const t of o.tools ?? []) fs.symlinkSync(sources[t] ?? path.join(nixosFixtures, "bin", t), path.join(bin, t))
  const log = path.join(dir, "calls.tsv")
  return {
    dir, home, configHome, stateHome, profiles, store,
    generation: genPath,
    current: () => {
      try {
        const m = /^home-manager-(\d+)-link$/.exec(fs.readlinkSync(path.join(profiles, "home-manager")))
        return m ? Number(m[1]) : undefined
      } catch {
        return undefined
      }
    },
    snapshot: () => fs.readdirSync(profiles).sort().map((n) => `${n} -> ${fs.readlinkSync(path.join(profiles, n))}`).join("\n"),
    bin,
    log,
    calls: () => readCalls(log),
    env: {
      HOME: home, USER: "alice", XDG_CONFIG_HOME: configHome, XDG_STATE_HOME: stateHome, XDG_CACHE_HOME: path.join(dir, "cache"),
      FAKE_NIXOS_LOG: log, FAKE_HM_STORE: store, FAKE_HM_PACKAGES: (o.nextPackages ?? ["hello-2.10"]).join(" "),
      FAKE_ELEVATE_NOPASSWD: "1"
    }
  }
}
