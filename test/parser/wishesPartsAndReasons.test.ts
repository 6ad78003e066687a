/**
 * More forms of language rather than lines (issue 13): a wish put to a project ("Make it possible to enable
 * zram"), a setting of a package's build ("enable wayland in the chromium package") or of what a project
 * ships ("Enable flakes in the default config") is never carried out; a reason or a choice asked ("Why can't
 * I install unfree packages?", "Should I install packages with nix-env or configuration.nix?") is explained;
 * a list or a rollback keeps its reading with the words around it ("list packages installed in my profile",
 * "boot an older generation", "revert the last nixos-rebuild"); a package's parts ("obs-studio with plugins")
 * and who installs it ("as a user", "without sudo") are left out of its name; home-manager named as the way of
 * an order is never installed as a package of its own. The sentences are written for these tests, not taken
 * from the real-request corpus.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { CONFIDENCE_THRESHOLD, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { packagesOf, notDone } from "./readings.js"

describe("wishes to a project and settings of what it builds or ships are not orders", () => {
  it("'make it possible to ...' and 'it should be possible to ...' wish for a feature", () => {
    notDone("Make it possible to enable zram")
    notDone("It should be possible to disable the firewall per host")
    // a need for a package is still one
    expect(parseRequest("it would be nice to have htop").intent._tag).toBe("install")
  })

  it("a setting in a named package is its build's", () => {
    notDone("Enable wayland in chromium package")
    notDone("enable pipewire support for the mpv package")
  })

  it("a setting of the default or example configuration is the project's", () => {
    notDone("Enable flakes in the default config")
    notDone("Set allowUnfree in the example config")
    expect(isCarriedOut(parseRequest("Enable flakes"))).toBe(true)
  })
})

describe("a reason or a choice asked about Nix is explained", () => {
  it("'why ...' about Nix is explained, not chit-chat", () => {
    for (const text of ["Why can't I install unfree packages?", "Why is firefox not in my PATH after installing?"]) {
      const u = parseRequest(text)
      expect(u.intent._tag, text).toBe("explain")
    }
    // not about Nix: still nothing to do
    expect(parseRequest("why did the install fail").intent._tag).toBe("unknown")
  })

  it("'should I ... A or B' is a choice explained", () => {
    expect(parseRequest("Should I install packages with nix-env or configuration.nix?").intent._tag).toBe("explain")
  })
})

describe("lists and rollbacks with the words around them", () => {
  it("installed packages, then where they are", () => {
    for (const text of ["list packages installed in my profile", "show me everything installed in my user profile", "How to list packages installed in my profile?"]) {
      expect(parseRequest(text).intent._tag, text).toBe("list")
    }
  })

  it("booting an older generation and reverting the last rebuild roll back", () => {
    expect(parseRequest("boot an older generation").intent._tag).toBe("rollback")
    expect(parseRequest("revert the last nixos-rebuild").intent._tag).toBe("rollback")
    const u = parseRequest("How can I boot an older generation?")
    expect(u.intent._tag).toBe("rollback")
    expect(u.question).toBe(true)
  })
})

describe("what is not part of a package's name", () => {
  it("its parts are left out, and asked about first", () => {
    const u = parseRequest("Install obs-studio with plugins")
    expect(u.intent._tag).toBe("install")
    expect(packagesOf(u)).toEqual(["obs-studio"])
    expect(u.confidence).toBeLessThan(CONFIDENCE_THRESHOLD)
    // the tool named as the way is no part: asked as before
    expect(parseRequest("install ripgrep with nix").confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD)
  })

  it("who installs it is left out ('as a user', 'without sudo')", () => {
    for (const text of ["install ripgrep as a user", "install ripgrep without sudo"]) {
      const u = parseRequest(text)
      expect(u.intent._tag, text).toBe("install")
      expect(packagesOf(u), text).toEqual(["ripgrep"])
    }
  })

  it("home-manager named as the way of an order is not installed, and the order is asked first", () => {
    const u = parseRequest("install ripgrep with home-manager")
    expect(u.intent._tag).toBe("install")
    expect(packagesOf(u)).toEqual(["ripgrep"])
    expect(u.confidence).toBeLessThan(CONFIDENCE_THRESHOLD)
    expect(packagesOf(parseRequest("install home-manager"))).toEqual(["home-manager"])
  })
})
