/**
 * The fallback for requests the grammar reads nothing in (src/domain/parse/systemTopic.ts): about Nix or
 * running a system -> explained with its topic words; chatter, orders it cannot read and reports -> left
 * not understood; never a change.
 */
import { describe, expect, it } from "vitest"
import { isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { aboutSystem, systemTopicQuery } from "../../src/domain/parse/systemTopic.js"
import { baseForm, wordForms } from "../../src/domain/parse/wordForms.js"
import { isEnglishWord } from "../../src/domain/parse/dictionary.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

const ABOUT = [
  "Plymouth splash screen on startup",
  "Luks encrypted swap partition",
  "Tweaking the Xserver keyboard repeat rate",
  "Mounting a btrfs subvolume at boot",
  "Firewall ports for a game server",
  "Overriding the bootloader theme"
]
const NOT_ABOUT = [
  "firefox vs chromium", // programs alone are not a topic
  "send an email to bob", // an order the grammar cannot read
  "free up some memory",
  "sudo make me a sandwich",
  "do not touch the bootloader", // a refusal
  "vim update broke my config", // a report
  "which command tells me my ip", // asks for a program
  "who won the game last night",
  "i love my cat",
  "Theme" // a word alone
]

describe("the system-topic fallback", () => {
  it("knows a request about a system by its words, with or without the index", () => {
    for (const t of ABOUT) {
      expect(aboutSystem(t), t).toBe(true)
      expect(aboutSystem(t, names), t).toBe(true)
    }
    for (const t of NOT_ABOUT) {
      expect(aboutSystem(t), t).toBe(false)
      expect(aboutSystem(t, names), t).toBe(false)
    }
  })

  it("explains such a request with its topic words and never acts on it", () => {
    for (const ctx of [{}, { names }]) {
      for (const t of ABOUT) {
        const u = parseRequest(t, ctx)
        expect(u.intent._tag, t).toBe("explain")
        expect(isMutating(u.intent)).toBe(false)
      }
      expect(parseRequest("Plymouth splash screen on startup", ctx).intent).toMatchObject({ query: "plymouth splash screen startup" })
      for (const t of NOT_ABOUT) expect(parseRequest(t, ctx).intent._tag, t).not.toBe("explain")
    }
  })

  it("keeps the topic's names: option paths, base forms of verbs, the head of a compound", () => {
    expect(systemTopicQuery("Setting up programs.zsh.shellAliases").split(" ")).toEqual(expect.arrayContaining(["programs.zsh.shellaliases", "set"]))
    expect(systemTopicQuery("Overriding the bootloader theme").split(" ")).toEqual(expect.arrayContaining(["overriding", "override", "bootloader", "theme"]))
    expect(systemTopicQuery("Nix-based initrd with systemd").split(" ")).toEqual(expect.arrayContaining(["nix", "initrd", "systemd"]))
    expect(systemTopicQuery("non-FHS binaries and the dynamic linker").split(" ")).toContain("fhs")
    // the words that say most are kept when there are too many: system words before everyday ones
    const long = systemTopicQuery("honestly I keep wondering whether my grub menu survives every kernel upgrade", undefined, 3)
    expect(long.split(" ")).toEqual(expect.arrayContaining(["grub", "kernel"]))
  })

  it("reads word forms", () => {
    expect(wordForms("entries")).toContain("entry")
    expect(baseForm("pinning", isEnglishWord)).toBe("pin")
    expect(baseForm("overriding", isEnglishWord)).toBe("override")
    expect(baseForm("building", isEnglishWord)).toBe("build")
    expect(baseForm("string", isEnglishWord)).toBe("string")
  })
})

describe("questions about what something is, read as lookups", () => {
  it("are explained when about Nix: what a Nix thing means or how it works", () => {
    for (const ctx of [{}, { names }]) {
      expect(parseRequest("What does the mkDerivation function mean in a Nix file?", ctx).intent).toMatchObject({ _tag: "explain" })
    }
    // (a name the index does not know: without an index it may be a package)
    const q = parseRequest("What is the substituteInPlace helper in nixpkgs?", { names }).intent
    expect(q._tag === "explain" ? q.query.split(" ") : []).toEqual(expect.arrayContaining(["substituteinplace"]))
  })

  it("stay questions about a package when they name one", () => {
    expect(parseRequest("what is home-manager").intent._tag).toBe("info")
    expect(parseRequest("what does htop do", { names }).intent._tag).toBe("info")
    expect(parseRequest("what is the newest version of firefox", { names }).intent).toMatchObject({ _tag: "info", packages: ["firefox"] })
  })

  it("a refusal of an order about a system is never acted on, and may be explained", () => {
    for (const ctx of [{}, { names }]) {
      const u = parseRequest("I am trying to set a grub theme on the boot loader but do not want to reinstall the kernel", ctx)
      expect(isMutating(u.intent)).toBe(false)
    }
  })
})
