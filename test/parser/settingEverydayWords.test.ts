/**
 * Settings named in everyday words (issue 13): what the NixOS and home-manager options' descriptions say
 * a switch turns on ("the garbage collector", "fingerprint readers") names a setting as well as the
 * settings list does, read from a table derived from the 2020 option data
 * (grammar/settingDescriptionWords.generated.ts), not from corpus lines.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const fields = (u: Understood) => u.intent as unknown as { readonly _tag: string; readonly text?: string; readonly action?: string }
const configures = (text: string, words: string, action: string) => {
  const u = parseRequest(text)
  expect(fields(u)._tag, text).toBe("configure")
  expect(fields(u).text, text).toBe(words)
  expect(fields(u).action, text).toBe(action)
  expect(u.question === true, text).toBe(false)
}

/** The request's reading has these fields. */
const reads = (text: string, expected: Readonly<Record<string, string>>) => expect(fields(parseRequest(text)), text).toMatchObject(expected)

describe("a switch turned on or off, named by what its description says it turns on", () => {
  it("Disable Garbage collector (nix.gc.automatic: \"Automatically run the garbage collector\")", () => {
    configures("Disable Garbage collector", "garbage collector", "disable")
    configures("disable the garbage collector", "garbage collector", "disable")
  })
  it("enable the fingerprint reader (services.fprintd: \"... for fingerprint readers handling\")", () => {
    configures("enable the fingerprint reader", "fingerprint reader", "enable")
  })
  it("every word must be one the switches' descriptions use: no setting is made of other words", () => {
    const u = parseRequest("enable usually something")
    expect(isCarriedOut(u) && fields(u)._tag === "configure").toBe(false)
  })
})

describe("two or three words a switch's description says one after the other name it after enable, disable, configure", () => {
  it("configure fingerprint reader, enable the finger print reader", () => {
    configures("configure fingerprint reader", "fingerprint reader", "set")
    configures("enable the finger print reader", "finger print reader", "enable")
    configures("Disable hardware acceleration", "hardware acceleration", "disable")
  })
  it("Nix's own words are no switch's name (\"switch home manager to a flake\")", () => {
    expect(fields(parseRequest("Switch Home Manager to a Flake based configuration"))._tag).not.toBe("configure")
  })
})

describe("verbs that bring a setting (back) into a system, inside a title", () => {
  it("Restore Avahi except mDNS to fix printer discovery", () => {
    const u = parseRequest("Restore Avahi except mDNS to fix printer discovery")
    expect(fields(u)).toMatchObject({ _tag: "configure", text: "avahi", action: "enable" })
    expect(u.question === true).toBe(false)
  })
  it("implement direnv for cleaner environment management in nix", () => {
    reads("implement direnv for cleaner environment management in nix", { _tag: "configure", text: "direnv", action: "enable" })
  })
  it("a wish or a report with those verbs is never carried out", () => {
    for (const text of ["Please implement an avahi module", "restoring avahi broke printing", "We should restore avahi"]) {
      expect(isCarriedOut(parseRequest(text)) && fields(parseRequest(text))._tag === "configure", text).toBe(false)
    }
  })
})

describe("a title of words a switch's description says one after the other names it (asked before it is turned on)", () => {
  for (const text of ["Finger Print Reader support", "Hardware acceleration", "Boot splash screen"]) {
    it(text, () => {
      const u = parseRequest(text)
      expect(fields(u)._tag, text).toBe("configure")
      expect(fields(u).action, text).toBe("enable")
      expect(u.confidence, text).toBeLessThan(0.6)
    })
  }
  it("a report about it is not a title", () => {
    expect(fields(parseRequest("Hardware acceleration broken"))._tag).not.toBe("configure")
  })
})

describe("the firewall's ports, named with the firewall first or by the service that needs them", () => {
  it("Open firewall port 22", () => {
    reads("Open firewall port 22", { _tag: "configure", text: "firewall ports", value: "22" })
  })
  it("Open ports for syncthing", () => {
    reads("Open ports for syncthing", { _tag: "configure", text: "firewall ports", value: "syncthing" })
  })
  it("ports for something that is no service are not opened", () => {
    expect(fields(parseRequest("Open ports for the game"))._tag).not.toBe("configure")
  })
})

describe("the store cleaned or optimised, and its automation, in the words of titles", () => {
  it("Automate garbage collection, automate updates: \"automate\" is a schedule's word", () => {
    reads("Automate garbage collection", { _tag: "configure", text: "automatic garbage collection" })
    reads("automate updates", { _tag: "configure", text: "automatic upgrades" })
  })
  it("Optimise nix store, Nix store optimization, Reduce disk usage of nix store, gc old generations: a clean-up", () => {
    for (const text of ["Optimise nix store", "Nix store optimization", "Reduce disk usage of nix store", "gc old generations"]) {
      expect(fields(parseRequest(text))._tag, text).toBe("clean")
    }
  })
})

describe("a module named as the system's", () => {
  it("Use nixos module for jellyfin", () => {
    reads("Use nixos module for jellyfin", { _tag: "configure", text: "jellyfin", action: "enable" })
  })
  it("Enable the nas NixOS module: where the module lives is no part of its name", () => {
    reads("Enable the nas NixOS module", { _tag: "configure", text: "nas", action: "enable" })
  })
})

describe("a module's name with the word for its task after it is a setting's title (asked before it is turned on)", () => {
  // (with the package index, as ask-nix runs: a package named alone is a question about it)
  for (const [text, words] of [["Docker support", "docker"], ["Syncthing service", "syncthing"], ["emacs daemon", "emacs"]] as const) {
    it(text, async () => {
      const u = parseRequest(text, { names: await channelNames() })
      expect(fields(u)).toMatchObject({ _tag: "configure", text: words, action: "enable" })
      expect(u.confidence).toBeLessThan(0.6)
    })
  }
  it("a program named alone, or with what it is, stays a question about the package", async () => {
    expect(fields(parseRequest("Emacs editor", { names: await channelNames() }))._tag).toBe("info")
  })
})

describe("a module's name with one of its options' names is a setting's title (asked before it is set)", () => {
  for (const [text, words] of [["Neovim plugins", "neovim plugins"], ["vscode extensions", "vscode extensions"]] as const) {
    it(text, async () => {
      const u = parseRequest(text, { names: await channelNames() })
      expect(fields(u), text).toMatchObject({ _tag: "configure", text: words })
      expect(u.confidence, text).toBeLessThan(0.6)
    })
  }
  it("a report about them is no title", () => {
    expect(fields(parseRequest("Firefox extensions don't work"))._tag).not.toBe("configure")
  })
})
