/**
 * Orders of a NixOS / home-manager setting in the general shapes people write them (issue 13), read as
 * `configure` by rules over the settings words and the module names of the option data, not by corpus
 * lines: an order on a schedule, autostart, a replacement, "install and configure", a desktop named,
 * "get X working", home-manager moves, and setting words the options know after "enable". Titles that
 * name a task without a verb stay questions; statements and programs stay as they were.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const fields = (u: Understood) => u.intent as unknown as { readonly _tag: string; readonly text?: string; readonly action?: string; readonly value?: string }
const order = (text: string, words: string, action = "enable") => {
  const u = parseRequest(text)
  const f = fields(u)
  expect(f._tag, text).toBe("configure")
  expect(f.text, text).toBe(words)
  expect(f.action, text).toBe(action)
  expect(u.question === true, text).toBe(false)
  return u
}

describe("an order on a schedule is the setting that carries it out", () => {
  const gc = "automatic garbage collection"
  for (const text of ["Automatically delete old generations", "Run nix-collect-garbage automatically", "Auto-clean the nix store", "Delete generations older than 7 days automatically", "Schedule garbage collection"]) {
    it(text, () => { order(text, gc) })
  }
  it("keeps the schedule as the value", () => {
    expect(fields(order("clean the store every week", gc)).value).toBe("every week")
    expect(fields(order("Update the system every night", "automatic upgrades")).value).toBe("every night")
  })
  for (const text of ["Auto update NixOS", "Automatically update the system", "Upgrade nixos automatically", "Automatic system updates"]) {
    it(text, () => { order(text, "automatic upgrades") })
  }
  it("store optimisation, not a clean-up", () => {
    for (const text of ["Optimize store automatically", "Automatically optimise the store"]) order(text, "automatic store optimisation")
  })
  it("what runs by itself, stopped, is its setting turned off; asked how, the plan", () => {
    for (const [text, words] of [["stop the automatic garbage collection", "automatic garbage collection"], ["hosts: stop the nightly upgrades", "automatic upgrades"], ["Turn off periodic fwupd", "fwupd"]] as const) {
      expect(fields(order(text, words, "disable")).action).toBe("disable")
    }
    const u = parseRequest("how can I stop automatic upgrades?")
    expect([fields(u)._tag, fields(u).action, u.question]).toEqual(["configure", "disable", true])
  })
  it("a schedule documented, explained or discussed is not ordered", () => {
    for (const text of ["Document the automatic store optimisation", "describe nightly garbage collection", "Investigate weekly auto upgrades"]) {
      expect(isCarriedOut(parseRequest(text)), text).toBe(false)
    }
  })
  it("a question stays a question; a statement, a report or a refusal is never carried out", () => {
    expect(parseRequest("how do I automatically delete old generations?").question).toBe(true)
    for (const text of ["my system updates automatically", "Automatic updates broke my system", "don't update automatically", "nix-collect-garbage runs automatically and deletes my stuff"]) {
      expect(isCarriedOut(parseRequest(text)), text).toBe(false)
    }
    // one package updated on a schedule has no setting
    expect(fields(parseRequest("update firefox daily"))._tag).not.toBe("configure")
  })
})

describe("a setting's amount changed, a shell switched to", () => {
  it("increase / lower / extend a setting's words (with one that names a part of a system) sets it", () => {
    for (const [text, words] of [["Increase the boot loader timeout", "boot loader timeout"], ["extend zram size", "zram size"], ["raise the number of inotify watches", "inotify watches"]] as const) {
      expect(fields(order(text, words, "set")).action).toBe("set")
    }
    expect(fields(parseRequest("lower the journald size to 1G")).value).toBe("1G")
    // a program's own settings, or a desktop's, are no NixOS option
    for (const text of ["Increase the font size in firefox", "decrease the brightness", "lower the volume"]) expect(fields(parseRequest(text))._tag, text).not.toBe("configure")
  })
  it("a shell named as the one to switch to is the default shell, asked first; a program switched to is not", () => {
    for (const text of ["Switch to fish", "move over to the zsh shell", "use the nushell shell"]) {
      const u = parseRequest(text)
      expect([fields(u)._tag, fields(u).text], text).toEqual(["configure", "default shell"])
      expect(u.confidence, text).toBeLessThan(0.7)
    }
    expect(fields(parseRequest("how do I get fish to be my login shell?")).value).toBe("fish")
    expect(fields(parseRequest("switch to chromium"))._tag).not.toBe("configure")
  })
})

describe("a service started by itself", () => {
  for (const [text, words] of [["Autostart syncthing", "syncthing"], ["start docker at boot", "docker"], ["Make jellyfin start automatically", "jellyfin"], ["Run syncthing on startup", "syncthing"], ["tailscale autostart", "tailscale"]] as const) {
    it(text, () => { order(text, words) })
  }
})

describe("a setting instead of another, installed and configured, a desktop named", () => {
  it("the new setting, asked before it is done", () => {
    for (const [text, words] of [["Use pipewire instead of pulseaudio", "pipewire"], ["Replace grub with systemd-boot", "systemd-boot"]] as const) {
      expect(order(text, words).confidence, text).toBeLessThanOrEqual(0.6)
    }
  })
  it("programs swapped are not read as a setting", () => {
    expect(fields(parseRequest("replace firefox with chromium"))._tag).not.toBe("configure")
  })
  it("install and configure a module", () => {
    order("Install and configure syncthing", "syncthing")
    order("set up and enable tailscale", "tailscale")
  })
  it("a desktop or window manager named", () => {
    order("Hyprland Desktop", "hyprland")
    order("i3 window manager", "i3")
  })
})

describe("getting a setting to work", () => {
  it("an order, asked before it is done", () => {
    expect(order("Get bluetooth working", "bluetooth").confidence).toBeLessThanOrEqual(0.6)
    order("make docker work on nixos", "docker")
  })
  it("with a gerund, a question", () => {
    const u = parseRequest("Getting bluetooth working on NixOS")
    expect(fields(u)._tag).toBe("configure")
    expect(u.question).toBe(true)
  })
  it("a report that it does not work is not an order", () => {
    expect(isCarriedOut(parseRequest("bluetooth not working"))).toBe(false)
  })
  it("trying to get it working is a question; needing it to work is an order, asked first", () => {
    const trying = parseRequest("Trying to get the scanner working on my laptop")
    expect(fields(trying)).toMatchObject({ _tag: "configure", text: "scanner" })
    expect(trying.question).toBe(true)
    expect(order("We need the printer to work again", "printer").confidence).toBeLessThanOrEqual(0.6)
    expect(isCarriedOut(parseRequest("I need the printer to work but cups crashes"))).toBe(false)
  })
})

describe("a service run as a service, a setting brought back", () => {
  it("the module that runs it, asked before it is done", () => {
    expect(order("Run avahi as a systemd service", "avahi").confidence).toBeLessThanOrEqual(0.6)
    order("install samba as a daemon", "samba")
    order("jellyfin as a service", "jellyfin")
  })
  it("a setting brought back, asked first; a program is no setting", () => {
    expect(order("Restore the firewall", "firewall").confidence).toBeLessThanOrEqual(0.6)
    order("bring back zram", "zram")
    expect(fields(parseRequest("restore firefox"))._tag).not.toBe("configure")
  })
})

describe("home-manager", () => {
  it("moving a program's settings to home-manager, or using it to configure one", () => {
    for (const [text, words] of [["Move zsh config to home-manager", "zsh"], ["use home-manager to configure neovim", "neovim"], ["Migrate neovim config to home-manager", "neovim"]] as const) {
      const u = order(text, words, "set")
      expect(u.scope, text).toBe("home")
    }
  })
  it("a title without a verb is a question", () => {
    const u = parseRequest("Neovim with home-manager")
    expect(fields(u)._tag).toBe("configure")
    expect(u.question).toBe(true)
  })
})

describe("enable + words the NixOS options know", () => {
  for (const [text, words] of [["Enable hardware acceleration", "hardware acceleration"], ["enable ip forwarding", "ip forwarding"]] as const) {
    it(text, () => { order(text, words) })
  }
  it("Nix itself or a place is no setting", () => {
    expect(fields(parseRequest("Setup on NixOS"))._tag).not.toBe("configure")
  })
})
