/**
 * How-questions about a way of doing things in Nix (a channel, a Nix tool, removing with nothing named)
 * are explained; how-questions about a program or a kind of program keep their reading (issue 13).
 * The sentences are written for these tests, not taken from the real-request corpus.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const query = (text: string): string => {
  const i = parseRequest(text).intent as { readonly _tag: string; readonly query?: string }
  expect(i._tag, text).toBe("explain")
  return i.query ?? ""
}

describe("how-questions about the Nix way", () => {
  it("a kind of program from a channel is the channel's how-to, a kind of program alone is a search", () => {
    expect(query("how can i get a text editor from the unstable channel?")).toContain("unstable")
    expect(parseRequest("how can i get a text editor?").intent._tag).toBe("search")
  })

  it("using a Nix tool is explained; using a program (on NixOS) is a question about it", () => {
    expect(query("how should i use nix-shell here?")).toContain("nix-shell")
    expect(query("how to use pkgs.unstable inside home-manager")).toContain("unstable")
    expect(parseRequest("how do i use htop on nixos").intent).toMatchObject({ _tag: "info", packages: ["htop"] })
  })

  it("removing with nothing named is how removing works, not the help page", () => {
    expect(query("how would one uninstall it all?")).toContain("uninstall")
    expect(query("how do I remove it again?")).toContain("uninstall")
  })
})

describe("a sentence that names a NixOS setting", () => {
  it("is explained when the grammar reads no order in it, never acted on", () => {
    expect(query("Bluetooth gone since yesterday's switch")).toContain("bluetooth")
    expect(query("the touchpad stopped responding")).toContain("touchpad")
  })

  it("an everyday word that is also a setting does not count", () => {
    expect(parseRequest("I like the sound of that").intent._tag).toBe("unknown")
  })
})

// Removing all things of a kind said by what they are names no package either (the first line is a real dev request)
describe("removing all things of a kind", () => {
  it("is how removing is done, explained", () => {
    expect(query("I would like to remove all unused programs from my nixos installation, including the ones install by default.")).toContain("uninstall")
    expect(query("uninstall every app installed by default")).toContain("uninstall")
  })

  it("a list of named packages after 'all of' is still removed; unused packages are still garbage", () => {
    expect(parseRequest("remove all of vim, emacs").intent).toMatchObject({ _tag: "remove", packages: ["vim", "emacs"] })
    expect(parseRequest("remove all unused packages").intent._tag).toBe("clean")
  })

  it("everything, said as everything, is still refused", () => {
    expect(parseRequest("remove all my packages").intent._tag).toBe("unknown")
    expect(parseRequest("remove all the things").intent._tag).toBe("unknown")
  })
})
