/**
 * Settings requests in the forms real people write them (issue 13), read as `configure` by general rules,
 * not by corpus lines: gerund titles, titles that name a module, "X not enabled", the default shell, the
 * firewall's ports, and questions around a setting; statements about settings are never orders.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { isModuleName, namesSettingOrModule } from "../../src/domain/parse/grammar/settings.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const isQuestion = (u: Understood) => (u as { readonly question?: boolean }).question === true
const configure = (text: string) => {
  const u = parseRequest(text)
  expect(u.intent._tag, text).toBe("configure")
  return { u, f: u.intent as unknown as { readonly text?: string; readonly action: string; readonly value?: string } }
}

describe("the names of modules one turns on (generated from the option data)", () => {
  it("holds services and programs, not ordinary words", () => {
    for (const n of ["syncthing", "openssh", "neovim", "zsh", "libvirtd", "docker", "plasma5", "jellyfin", "auto upgrade"]) expect(isModuleName(n), n).toBe(true)
    for (const n of ["holiday", "window", "nixos", "home-manager", "firefox browser"]) expect(isModuleName(n), n).toBe(false)
  })
  it("names a setting or a module in a few words only", () => {
    expect(namesSettingOrModule("rootless docker")).toBe(true)
    expect(namesSettingOrModule("jellyfin on nixos")).toBe(true)
    expect(namesSettingOrModule("the printer")).toBe(true)
    expect(namesSettingOrModule("my holiday photos")).toBe(false)
  })
})

describe("titles that name a setting task with a gerund: a question, never carried out", () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ["Setting up syncthing on NixOS", "syncthing", "set"], ["Configuring the firewall", "firewall", "set"],
    ["Enabling flakes", "flakes", "enable"], ["Disabling the firewall", "firewall", "disable"],
    ["Switching from pulseaudio to pipewire", "pipewire", "enable"], ["Changing keyboard layout", "keyboard layout", "set"],
    ["Need help setting up printing", "printing", "set"], ["Help needed with enabling bluetooth", "bluetooth", "enable"],
    ["Configuring zsh with home-manager", "zsh", "set"], ["Installing KDE plasma on NixOS", "kde plasma", "enable"]
  ]
  for (const [text, words, action] of cases) {
    it(text, () => {
      const { u, f } = configure(text)
      expect(f.text).toBe(words)
      expect(f.action).toBe(action)
      expect(isQuestion(u)).toBe(true)
      expect(isCarriedOut(u)).toBe(false)
    })
  }
  it("a statement after the gerund is no title, and never an order", () => {
    for (const text of ["enabling bluetooth broke my boot", "Setting up jellyfin does nothing", "configuring pipewire causes crackling"]) {
      const u = parseRequest(text)
      expect(u.intent._tag, text).not.toBe("configure")
      expect(isCarriedOut(u), text).toBe(false)
    }
  })
})

describe("titles that name a module's settings", () => {
  it("'<module> setup', '<module> configuration' configure it", () => {
    for (const [text, words] of [["Neovim setup", "neovim"], ["Rootless docker setup", "docker"], ["Syncthing configuration with home-manager", "syncthing"]] as const) {
      expect(configure(text).f.text, text).toBe(words)
    }
  })
  it("a program set up in a named configuration is configured; 'set up zsh' alone still installs it", () => {
    expect(configure("how to set up neovim with home-manager?").f.text).toBe("neovim")
    expect(configure("configure git in configuration.nix").f.text).toBe("git")
    expect(parseRequest("set up zsh").intent._tag).toBe("install")
    expect(parseRequest("please set up docker for me").intent._tag).toBe("install")
  })
  it("a title that says something about the module is not one: 'zsh config is broken'", () => {
    expect(parseRequest("zsh config is broken").intent._tag).not.toBe("configure")
  })
})

describe("what to turn on, the shell, the firewall's ports", () => {
  it("'X not enabled' asks how to turn X on", () => {
    for (const [text, words] of [["docker not enabled", "docker"], ["ssh is not enabled by default", "ssh"], ["automatic garbage collection is not enabled", "automatic garbage collection"]] as const) {
      const { u, f } = configure(text)
      expect(f.text).toBe(words)
      expect(isQuestion(u)).toBe(true)
    }
    // a longer report is not read as a setting to turn on
    expect(parseRequest("the keyboard layout control panel in kde is not enabled").intent._tag).not.toBe("configure")
  })
  it("a shell made the default: the default shell is the setting, the shell its value", () => {
    for (const text of ["use zsh as my shell", "set fish as default shell", "change my login shell to fish", "make zsh my login shell"]) {
      const { f } = configure(text)
      expect(f.text, text).toBe("default shell")
      expect(["zsh", "fish"], text).toContain(f.value)
    }
    expect(isQuestion(configure("Using zsh as default shell").u)).toBe(true)
  })
  it("ports opened in the firewall", () => {
    expect(configure("open port 8080 in the firewall").f.value).toBe("8080")
    expect(configure("allow ports 80 and 443 through the firewall").f.value).toBe("80 and 443")
    const { u, f } = configure("How to open ports in the firewall?")
    expect(f.text).toBe("firewall ports")
    expect(isQuestion(u)).toBe(true)
    expect(parseRequest("open the door").intent._tag).not.toBe("configure")
  })
})

describe("questions and needs around a setting", () => {
  it("are questions: the plan is the answer", () => {
    for (const [text, words] of [
      ["is there a way to enable bluetooth?", "bluetooth"], ["Is there an option to enable hibernation?", "hibernation"],
      ["Where do I set the timezone?", "timezone"], ["Looking for a way to enable bluetooth", "bluetooth"],
      ["What should I put in my configuration.nix to enable sound?", "sound"], ["Allow unfree?", "unfree"],
      ["How can I enable automatic login?", "automatic login"], ["how do i enable ip forwarding", "ip forwarding"]
    ] as const) {
      const { u, f } = configure(text)
      expect(f.text, text).toBe(words)
      expect(isQuestion(u), text).toBe(true)
    }
  })
  it("a need without 'I' is asked before it is done", () => {
    const { u } = configure("Would like to enable hibernation")
    expect(isQuestion(u)).toBe(false)
    expect(u.confidence).toBeLessThanOrEqual(0.6)
  })
  it("an order in words no option knows is not a setting", () => {
    expect(parseRequest("how can i enable my cat to sleep").intent._tag).not.toBe("configure")
  })
})
