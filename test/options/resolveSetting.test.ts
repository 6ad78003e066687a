// Words -> settings over the real 2020 options data: the brief's requests, values checked by type,
// the configuration's own settings breaking ties, and what is asked back.
import { describe, expect, it } from "vitest"
import { renderNixValue } from "../../src/domain/nixfile/nixValue.js"
import { configureWords, type Resolution, resolveSetting } from "../../src/domain/options/resolveSetting.js"
import { realOptions } from "../support/optionsData.js"

const nixos = realOptions("nixos")
const home = realOptions("home")
const settings = (r: Resolution) => (r.ok ? r.settings.map((s) => `${s.option} = ${renderNixValue(s.value)}`) : r)

describe("resolveSetting", () => {
  it.each([
    ["enable bluetooth", ["hardware.bluetooth.enable = true"]],
    ["enable ssh", ["services.openssh.enable = true"]],
    ["collect garbage automatically every week", ["nix.gc.automatic = true", "nix.gc.dates = \"weekly\""]],
    ["allow unfree packages", ["nixpkgs.config.allowUnfree = true"]],
    ["disallow unfree packages", ["nixpkgs.config.allowUnfree = false"]],
    ["set the time zone to Europe/Paris", ["time.timeZone = \"Europe/Paris\""]],
    ["disable the firewall", ["networking.firewall.enable = false"]],
    ["turn off sound", ["sound.enable = false"]],
    ["set hostname to mybox", ["networking.hostName = \"mybox\""]],
    ["set keyboard layout to fr", ["services.xserver.layout = \"fr\""]],
    ["set ssh permit root login to no", ["services.openssh.permitRootLogin = \"no\""]],
    ["upgrade automatically every day", ["system.autoUpgrade.enable = true", "system.autoUpgrade.dates = \"daily\""]],
    ["services.openssh.enable = true", ["services.openssh.enable = true"]],
    ["add the sshd service", ["services.openssh.enable = true"]],
    ["configure redis", ["services.redis.enable = true"]],
    ["enable NetworkManager by default", ["networking.networkmanager.enable = true"]]
  ])("%s", (words, expected) => {
    expect(settings(resolveSetting(nixos, words))).toEqual(expected)
  })

  it("refuses a value of the wrong type: the time zone is text, 42 is a number", () => {
    expect(resolveSetting(nixos, "set the time zone to 42")).toMatchObject({
      ok: false, reason: "bad-value", option: "time.timeZone", type: "null or string without spaces", value: "42"
    })
  })

  it("refuses a value outside an enum and says which values there are", () => {
    const r = resolveSetting(nixos, "set ssh permit root login to maybe")
    expect(r).toMatchObject({ ok: false, reason: "bad-value", option: "services.openssh.permitRootLogin" })
    expect(!r.ok && r.reason === "bad-value" && r.why).toContain("\"prohibit-password\"")
  })

  it("asks for the value when none is given and the option is not a switch", () => {
    expect(resolveSetting(nixos, "time zone")).toMatchObject({ ok: false, reason: "no-value", option: "time.timeZone" })
  })

  it("a number goes to the option that takes one; the configuration's boot loader decides which", () => {
    expect(settings(resolveSetting(nixos, "keep only 5 generations in the boot menu"))).toEqual(["boot.loader.systemd-boot.configurationLimit = 5"])
    expect(settings(resolveSetting(nixos, "keep only 5 generations in the boot menu", ["boot.loader.grub.enable", "boot.loader.grub.device"])))
      .toEqual(["boot.loader.grub.configurationLimit = 5"])
  })

  it("home-manager options", () => {
    expect(settings(resolveSetting(home, "enable git"))).toEqual(["programs.git.enable = true"])
    expect(settings(resolveSetting(home, "set git user name to \"Alice Liddell\""))).toEqual(["programs.git.userName = \"Alice Liddell\""])
  })

  it("words that name no option", () => {
    expect(resolveSetting(nixos, "please")).toMatchObject({ ok: false, reason: "no-option" })
  })
})

describe("configure intents as the parser gives them", () => {
  it.each([
    [{ text: "bluetooth", action: "enable" }, ["hardware.bluetooth.enable = true"]],
    [{ text: "firewall", action: "disable" }, ["networking.firewall.enable = false"]],
    [{ text: "the time zone", action: "set", value: "Europe/Paris" }, ["time.timeZone = \"Europe/Paris\""]],
    [{ text: "automatic garbage collection", action: "enable", value: "weekly" }, ["nix.gc.automatic = true", "nix.gc.dates = \"weekly\""]],
    [{ text: "unfree packages", action: "enable" }, ["nixpkgs.config.allowUnfree = true"]],
    [{ text: "generations in the boot menu", action: "set", value: "5" }, ["boot.loader.systemd-boot.configurationLimit = 5"]],
    [{ text: "", action: "set", value: "no", option: "services.openssh.permitRootLogin" }, ["services.openssh.permitRootLogin = \"no\""]]
  ] as const)("%j", (intent, expected) => {
    expect(settings(resolveSetting(nixos, configureWords(intent)))).toEqual(expected)
  })
})

describe("resolveSetting: a misspelt word", () => {
  it.each([
    ["enable bluetoth", ["hardware.bluetooth.enable"]],
    ["enable blutooth", ["hardware.bluetooth.enable"]]
  ])("%s is not set, and what the corrected words name is offered", (words, suggestions) => {
    expect(resolveSetting(nixos, words)).toEqual({ ok: false, reason: "no-option", words, suggestions })
  })

  it("words that are close to nothing offer nothing", () => {
    expect(resolveSetting(nixos, "enable xyzzyq")).toEqual({ ok: false, reason: "no-option", words: "enable xyzzyq" })
  })
})
