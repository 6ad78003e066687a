// Option search over the real 2020 data: what people ask, and where the option they mean must rank.
import { describe, expect, it } from "vitest"
import type { OptionScope } from "../../src/domain/options/OptionRecord.js"
import { searchOptions } from "../../src/domain/options/searchOptions.js"
import { realOptions } from "../support/optionsData.js"

/** query, scope, expected option (or a prefix ending in "."), the rank it must reach at worst */
const cases: ReadonlyArray<readonly [string, OptionScope, string, number]> = [
  ["which option enables bluetooth", "nixos", "hardware.bluetooth.enable", 1],
  ["ssh options", "nixos", "services.openssh.", 1],
  ["enable ssh", "nixos", "services.openssh.enable", 1],
  ["openssh", "nixos", "services.openssh.", 1],
  ["collect garbage automatically", "nixos", "nix.gc.automatic", 1],
  ["garbage collection", "nixos", "nix.gc.", 3],
  ["allow unfree packages", "nixos", "nixpkgs.config.allowUnfree", 1],
  ["time zone", "nixos", "time.timeZone", 1],
  ["timezone", "nixos", "time.timeZone", 1],
  ["hostname", "nixos", "networking.hostName", 1],
  ["firewall", "nixos", "networking.firewall.", 1],
  ["enable sound", "nixos", "sound.enable", 1],
  ["enable pulseaudio", "nixos", "hardware.pulseaudio.enable", 1],
  ["pulse audio", "nixos", "hardware.pulseaudio.", 1],
  ["enable docker", "nixos", "virtualisation.docker.enable", 1],
  ["enable networkmanager", "nixos", "networking.networkmanager.enable", 1],
  ["enable postgresql", "nixos", "services.postgresql.enable", 1],
  ["keyboard layout", "nixos", "services.xserver.layout", 1],
  ["automatic upgrades", "nixos", "system.autoUpgrade.", 1],
  ["printing", "nixos", "services.printing.", 1],
  ["plasma desktop", "nixos", "services.xserver.desktopManager.plasma5.enable", 3],
  ["sudo without password", "nixos", "security.sudo.wheelNeedsPassword", 1],
  ["enable flatpak", "nixos", "services.flatpak.enable", 1],
  ["boot menu generations limit", "nixos", "boot.loader.", 3],
  ["enable git", "home", "programs.git.enable", 1],
  ["git user name", "home", "programs.git.userName", 1],
  ["bash aliases", "home", "programs.bash.shellAliases", 1],
  ["session variables", "home", "home.sessionVariables", 1],
  ["enable firefox", "home", "programs.firefox.enable", 1],
  ["gpg agent", "home", "services.gpg-agent.", 1],
  ["home packages", "home", "home.packages", 3],
  // a word that starts with a name's word and goes on as another word is not that word ("scanner" is not "scan")
  ["configure scanner", "nixos", "hardware.sane.enable", 3],
  ["enable scanning", "nixos", "boot.hardwareScan", 10]
]

describe("option search, real 2020 data", () => {
  const tables = { nixos: realOptions("nixos"), home: realOptions("home") }
  it.each(cases)("%s (%s) -> %s within %i", (query, scope, expected, rank) => {
    const names = searchOptions(tables[scope], query, 10).map((h) => h.name)
    const at = names.findIndex((n) => (expected.endsWith(".") ? n.startsWith(expected) : n === expected))
    expect(at, `got ${names.slice(0, 5).join(", ")}`).toBeGreaterThanOrEqual(0)
    expect(at).toBeLessThan(rank)
  })

  it("does not take a compound or an agent noun for the name's word it starts with", () => {
    const top = (q: string) => searchOptions(tables.nixos, q, 3).map((h) => h.name)
    expect(top("enable touchpad")).not.toContain("boot.loader.efi.canTouchEfiVariables")
    expect(top("configure scanner")).not.toContain("boot.hardwareScan")
  })

  it("has no answer for words that name nothing", () => {
    expect(searchOptions(tables.nixos, "which option", 10)).toEqual([])
  })
})
