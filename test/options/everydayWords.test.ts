// Everyday words for a setting -> the option a person means, over the real 2020 options data (issue 13):
// found from the options' own descriptions and names (the first sentence says what an option is for, a module
// whose options speak of the words, a deprecated option's replacement, gnome for gnome3, printer for printing,
// a daemon's "d", two words the options write as one), not from a table of these words.
import { describe, expect, it } from "vitest"
import { renderNixValue } from "../../src/domain/nixfile/nixValue.js"
import { configureWords, type Resolution, resolveSetting } from "../../src/domain/options/resolveSetting.js"
import { realOptions } from "../support/optionsData.js"

const nixos = realOptions("nixos")
const home = realOptions("home")
const settings = (r: Resolution) => (r.ok ? r.settings.map((s) => `${s.option} = ${renderNixValue(s.value)}`) : r)

describe("everyday words for a module's switch", () => {
  it.each([
    // a later sentence of services.minidlna.loglevel lists "scanner"; SANE's first sentence is about scanners
    ["configure scanner", "hardware.sane.enable"],
    ["enable the scanner", "hardware.sane.enable"],
    // the doer for the doing: services.printing, not system-config-printer or hardware.printers
    ["enable printer", "services.printing.enable"],
    ["set up printing", "services.printing.enable"],
    // synaptics ("touchpad support") is deprecated for libinput, and says so
    ["enable touchpad", "services.xserver.libinput.enable"],
    ["enable fingerprint reader", "services.fprintd.enable"],
    ["enable finger print reader", "services.fprintd.enable"],
    // gnome3 is gnome; its enable is declared without a type but defaults to false
    ["enable gnome", "services.xserver.desktopManager.gnome3.enable"],
    ["enable kde", "services.xserver.desktopManager.plasma5.enable"],
    ["enable libvirt", "virtualisation.libvirtd.enable"],
    ["enable ssd trim", "services.fstrim.enable"],
    ["enable oh my zsh", "programs.zsh.ohMyZsh.enable"],
    // "Enables or disables tap-to-click behavior": not ClickHouse, whose name only starts with "click"
    ["enable tap to click", "services.xserver.libinput.tapping"],
    // NetworkManager's own switch, not one of its wifi settings (which were offered as a choice with it)
    ["enable wifi", "networking.networkmanager.enable"],
    // the two words of a small table the data cannot give: NixOS upgrades where people update; touchpads, not trackpads
    ["enable automatic updates", "system.autoUpgrade.enable"],
    ["enable trackpad", "services.xserver.libinput.enable"]
  ])("%s -> %s", (words, option) => {
    expect(settings(resolveSetting(nixos, words))).toEqual([`${option} = true`])
  })

  it("the parser's readings of 'Configure scanner' and 'turn off the touchpad' set the same switches", () => {
    expect(settings(resolveSetting(nixos, configureWords({ text: "scanner", action: "set" })))).toEqual(["hardware.sane.enable = true"])
    expect(settings(resolveSetting(nixos, configureWords({ text: "touchpad", action: "disable" })))).toEqual(["services.xserver.libinput.enable = false"])
  })

  it("home-manager modules", () => {
    expect(settings(resolveSetting(home, "enable starship"))).toEqual(["programs.starship.enable = true"])
    expect(settings(resolveSetting(home, "enable direnv"))).toEqual(["programs.direnv.enable = true"])
  })
})

describe("words that name an option itself ask for its value, not for its module's switch", () => {
  it.each([
    ["keyboard layout", "services.xserver.layout"],
    ["time zone", "time.timeZone"]
  ])("%s -> %s", (words, option) => {
    expect(resolveSetting(nixos, words)).toMatchObject({ ok: false, reason: "no-value", option })
  })
})
