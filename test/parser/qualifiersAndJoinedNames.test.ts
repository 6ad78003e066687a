/**
 * Words around a package's name that are not packages of their own: a qualifier saying which kind of it is wanted
 * ("Install Discord (unfree)", "firefox nightly", "obs flatpak") is left out, and a font's or a theme's words are one
 * name ("JetBrains Mono font" is jetbrains-mono, never the packages "jetbrains" and "mono"); with an index, words
 * written next to each other that it knows joined with "-" are that one package ("fira code" is fira-code, not vscode).
 * Read with the real 2020 channel's index and without one.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { CONFIDENCE_THRESHOLD, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"
import { packagesOf } from "./readings.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })
const both = (text: string) => [parseRequest(text, { names }), parseRequest(text)]

describe("a qualifier beside a package is not a package", () => {
  it("'Install Discord (unfree)' installs discord only, and says how unfree packages are allowed", () => {
    for (const u of both("Install Discord (unfree)")) {
      expect(u.intent).toMatchObject({ _tag: "install", packages: ["discord"] })
      expect(u.notes.join(" ")).toContain("allowUnfree")
    }
    for (const u of both("install steam unfree")) expect(packagesOf(u)).toEqual(["steam"])
  })

  it("a build asked for ('nightly', '(beta)') is left out and asked first", () => {
    for (const text of ["install firefox nightly", "install steam (beta)"]) {
      for (const u of both(text)) {
        expect(packagesOf(u), text).toEqual([text.split(" ")[1]])
        expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
      }
    }
  })

  it("where it comes from or how it is built ('flatpak', '(64-bit)') is not a package", () => {
    for (const u of both("install obs flatpak")) expect(packagesOf(u)).toEqual(["obs-studio"])
    for (const u of both("install firefox (64-bit)")) expect(packagesOf(u)).toEqual(["firefox"])
  })

  it("a word of Nix's alone is never installed as a package", () => {
    for (const u of both("install unfree")) {
      expect(packagesOf(u)).toBeUndefined()
      expect(u.intent._tag).not.toBe("install")
    }
    // a channel's name stays a topic, not a qualifier dropped
    for (const u of both("install firefox unstable")) expect(isCarriedOut(u)).toBe(false)
  })
})

describe("a font's or a theme's words are one name", () => {
  it("'Install JetBrains Mono font' is jetbrains-mono, never jetbrains and mono", () => {
    for (const u of both("Install JetBrains Mono font")) {
      expect(u.intent).toMatchObject({ _tag: "install", packages: ["jetbrains-mono"] })
    }
    // the 2020 channel has no jetbrains-mono: kept as written, with less confidence
    expect(parseRequest("Install JetBrains Mono font", { names }).notes.join(" ")).toContain("not in the package index")
  })

  it("the index's spelling is used when it has one", () => {
    expect(packagesOf(parseRequest("install papirus icon theme", { names }))).toEqual(["papirus-icon-theme"])
    expect(packagesOf(parseRequest("install fira code font", { names }))).toEqual(["fira-code"])
    expect(packagesOf(parseRequest("install noto fonts", { names }))).toEqual(["noto-fonts"])
    // without an index: a theme keeps its kind in the name, a font does not
    expect(packagesOf(parseRequest("install papirus icon theme"))).toEqual(["papirus-icon-theme"])
    expect(packagesOf(parseRequest("install fira code font"))).toEqual(["fira-code"])
  })

  it("a kind of theme or font is not a name ('install dark theme', 'gtk theme')", () => {
    for (const text of ["install dark theme", "install gtk theme"]) for (const u of both(text)) expect(packagesOf(u), text).toBeUndefined()
  })
})

describe("adjacent words the index knows as one name", () => {
  it("'install fira code' is fira-code with the index, not fira and vscode", () => {
    expect(packagesOf(parseRequest("install fira code", { names }))).toEqual(["fira-code"])
    expect(packagesOf(parseRequest("install noto fonts emoji", { names }))).toEqual(["noto-fonts-emoji"])
    expect(packagesOf(parseRequest("install neovim qt", { names }))).toEqual(["neovim-qt"])
  })

  it("two packages named one after the other stay two", () => {
    for (const u of both("install firefox chromium")) expect(packagesOf(u)).toEqual(["firefox", "chromium"])
    for (const u of both("remove git vim htop")) expect(packagesOf(u)).toEqual(["git", "vim", "htop"])
  })
})
