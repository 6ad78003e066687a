import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { type ConfigSearch, findConfigFile } from "../../src/domain/nixfile/findConfigFile.js"
import { fixtureDir } from "../support/configFixtures.js"

const flake = readFileSync(join(fixtureDir("nixos/flake"), "flake.nix"), "utf8")

const find = (files: Record<string, string>, search: Partial<ConfigSearch>) =>
  Effect.runSync(findConfigFile(
    { kind: "nixos", explicit: undefined, env: {}, hostname: "laptop", root: "/", ...search },
    { exists: (p) => Effect.succeed(p in files), read: (p) => Effect.succeed(files[p] ?? "") }
  ))

describe("which configuration file", () => {
  it("--config wins, and a missing one is reported", () => {
    expect(find({ "/x.nix": "" }, { explicit: "/x.nix" })).toEqual({ found: { kind: "nixos", main: "/x.nix", how: "--config" } })
    expect(find({}, { explicit: "/x.nix" })).toEqual({ missing: ["/x.nix"] })
  })

  it("NIXOS_CONFIG, then a flake in /etc/nixos, then nixos-config in NIX_PATH, then /etc/nixos/configuration.nix", () => {
    const all = { "/cfg/a.nix": "", "/etc/nixos/flake.nix": flake, "/srv/b.nix": "", "/etc/nixos/configuration.nix": "" }
    const env = { NIXOS_CONFIG: "/cfg/a.nix", NIX_PATH: "nixpkgs=/n:nixos-config=/srv/b.nix" }
    expect(find(all, { env })).toMatchObject({ found: { main: "/cfg/a.nix", how: "NIXOS_CONFIG" } })
    expect(find(all, { env: { NIX_PATH: env.NIX_PATH } })).toEqual({
      found: { kind: "nixos", main: "/etc/nixos/hosts/laptop.nix", how: "nixosConfigurations.laptop in /etc/nixos/flake.nix", flake: { dir: "/etc/nixos", name: "laptop", inputs: { nixpkgs: "nixpkgs" } } }
    })
    const { ["/etc/nixos/flake.nix"]: _, ...noFlake } = all
    expect(find(noFlake, { env: { NIX_PATH: env.NIX_PATH } })).toMatchObject({ found: { main: "/srv/b.nix", how: "nixos-config in NIX_PATH" } })
    expect(find({ "/etc/nixos/configuration.nix": "" }, {})).toMatchObject({ found: { main: "/etc/nixos/configuration.nix" } })
    expect(find({}, {})).toEqual({ missing: ["/etc/nixos/flake.nix", "/etc/nixos/configuration.nix"] })
  })

  it("looks under --root", () => {
    expect(find({ "/mnt/etc/nixos/configuration.nix": "" }, { root: "/mnt" })).toMatchObject({ found: { main: "/mnt/etc/nixos/configuration.nix" } })
  })

  it("a flake with several machines picks this host's, or says which there are", () => {
    const two = flake.replace("nixosConfigurations.laptop = ", "nixosConfigurations.desk = nixpkgs.lib.nixosSystem { modules = [ ./hosts/desk.nix ]; };\n    nixosConfigurations.laptop = ")
    expect(find({ "/etc/nixos/flake.nix": two }, { hostname: "desk" })).toMatchObject({ found: { main: "/etc/nixos/hosts/desk.nix" } })
    const r = find({ "/etc/nixos/flake.nix": two }, { hostname: "server" })
    expect("reason" in r && r.reason).toContain("nixosConfigurations.desk, nixosConfigurations.laptop")
  })

  it("home-manager: the newer folder first, then ~/.config/nixpkgs, then a flake", () => {
    const env = { HOME: "/home/alice", USER: "alice" }
    expect(find({ "/home/alice/.config/home-manager/home.nix": "", "/home/alice/.config/nixpkgs/home.nix": "" }, { kind: "home", env }))
      .toMatchObject({ found: { kind: "home", main: "/home/alice/.config/home-manager/home.nix" } })
    expect(find({ "/home/alice/.config/nixpkgs/home.nix": "" }, { kind: "home", env })).toMatchObject({ found: { main: "/home/alice/.config/nixpkgs/home.nix" } })
    const hmFlake = "{ outputs = { nixpkgs, home-manager, ... }: { homeConfigurations.alice = home-manager.lib.homeManagerConfiguration { modules = [ ./home.nix ]; }; }; }"
    expect(find({ "/home/alice/.config/home-manager/flake.nix": hmFlake }, { kind: "home", env }))
      .toMatchObject({ found: { main: "/home/alice/.config/home-manager/home.nix", how: "homeConfigurations.alice in /home/alice/.config/home-manager/flake.nix" } })
    expect(find({ "/home/alice/.config/home-manager/flake.nix": hmFlake.replaceAll("home-manager.lib", "hm.lib") }, { kind: "home", env }))
      .toMatchObject({ found: { flake: { inputs: { nixpkgs: "nixpkgs", "home-manager": "hm" } } } })
  })

  it("--config flake.nix: the module of this host's configuration in it, and the input its nixosSystem comes from", () => {
    const mine = flake.replace("nixpkgs.lib.nixosSystem", "stable.lib.nixosSystem")
    expect(find({ "/src/flake.nix": mine }, { explicit: "/src/flake.nix" })).toEqual({
      found: { kind: "nixos", main: "/src/hosts/laptop.nix", how: "nixosConfigurations.laptop in /src/flake.nix", flake: { dir: "/src", name: "laptop", inputs: { nixpkgs: "stable" } } }
    })
  })
})
