/**
 * Words that are not an order are never carried out (issue 13): a how-question anywhere in the sentence,
 * a goal or a plan stated, the purpose a program is used for, a title that says it asks. A change they
 * name is answered with its plan (`question: true`), which the pipeline never carries out.
 * The sentences are written for these tests, not taken from the real-request corpus.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

/** Parsed with the index (as ask-nix runs) and without one: the same answer either way. */
const both = (text: string) => [parseRequest(text, { names }), parseRequest(text)]

describe("questions and statements are answered, not carried out", () => {
  it.each([
    // a how-question after some context, where a phrase reads the order first
    ["the update broke my wifi, how can i go back to the previous generation?", "rollback"],
    ["wifi died after i upgraded, how can i undo the upgrade?", "rollback"],
    // a goal or a plan, stated
    ["my plan is to remove vlc", "remove"],
    ["the goal is to install ripgrep", "install"],
    // the purpose a program serves
    ["use obs-studio to stream my screen to friends", "install"],
    // a wish with what stands in its way
    ["i want to nixos-rebuild switch --rollback to last week, but only one step is allowed", "rollback"],
    // a title that says it asks
    ["Question: can I install firefox?", "install"],
    ["[Help] install firefox", "install"]
  ])("%s -> %s, as a question", (text, kind) => {
    for (const u of both(text)) {
      expect(u.intent._tag).toBe(kind)
      expect(u.question).toBe(true)
      expect(isCarriedOut(u)).toBe(false)
    }
  })

  it("orders stay orders", () => {
    for (const text of ["install firefox", "i want to use blender", "help me install firefox", "roll back to how it was before"]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(true)
    }
  })

  it("a statement that a package is old shows the dry run, it does not update", () => {
    for (const u of both("my neovim is too old")) {
      expect(u.intent).toMatchObject({ _tag: "update", packages: ["neovim"] })
      expect(isCarriedOut(u)).toBe(false)
    }
  })

  it("an option path followed by a statement about it is not a setting to change", () => {
    for (const text of ["services.xserver.enable was the setting I had missed", "boot.kernelModules is what fixed it for me"]) {
      for (const u of both(text)) expect(isCarriedOut(u), text).toBe(false)
    }
    // a value after the path still sets it
    expect(parseRequest("services.openssh.enable true").intent).toMatchObject({ _tag: "configure", option: "services.openssh.enable", value: "true" })
    expect(parseRequest("networking.hostName = kestrel").intent).toMatchObject({ _tag: "configure", option: "networking.hostName", value: "kestrel" })
  })

  it("installing or removing Nix itself is explained, not done to a profile", () => {
    for (const [text, topic] of [["Install nix-daemon on a musl distro", "install nix"], ["get rid of nix on my mac", "uninstall nix"]] as const) {
      for (const u of both(text)) {
        expect(u.intent._tag, text).toBe("explain")
        expect((u.intent as { readonly query: string }).query.startsWith(topic), text).toBe(true)
      }
    }
    // Nix next to other packages is still an order about them all
    expect(parseRequest("install nix and firefox", { names }).intent).toMatchObject({ _tag: "install", packages: ["nix", "firefox"] })
  })

  it("a change made inside a NixOS or home-manager module is a change to its code, not an order", () => {
    for (const text of ["modules: put ripgrep into the nixos module", "adds wireguard in the home-manager module"]) {
      for (const u of both(text)) expect(u.intent._tag, text).toBe("unknown")
    }
    // the user's own configuration is theirs to change
    expect(isCarriedOut(parseRequest("add htop to my configuration", { names }))).toBe(true)
  })

  it("'can we ...?' is a proposal put to a project: the plan at most", () => {
    for (const u of both("Could we install zsh on the live image?")) {
      expect(isCarriedOut(u)).toBe(false)
    }
    // without a question mark, "can we go back" stays a tentative order (asked about first)
    expect(parseRequest("can we go back to the previous version").intent._tag).toBe("rollback")
  })

  it("an operation named as the subject of a statement is not ordered", () => {
    for (const text of ["rollback is broken on my laptop", "revert was broken by the last release", "upgrade keeps hanging at 90%"]) {
      for (const u of both(text)) expect(isCarriedOut(u), text).toBe(false)
    }
    expect(isCarriedOut(parseRequest("roll back"))).toBe(true)
  })

  it("a command reported as failing or as having done something is a report, not an order", () => {
    for (const text of ["nixos-rebuild boot hangs on my raspberry pi", "nix-collect-garbage wiped my dev shells"]) {
      for (const u of both(text)) expect(isCarriedOut(u), text).toBe(false)
    }
    // an order first, its reason after; or the order after a comma
    expect(parseRequest("upgrade inkscape because it hangs at startup").intent._tag).toBe("update")
    expect(parseRequest("inkscape hangs, remove it").intent._tag).toBe("remove")
  })

  it("a platform is never a package", () => {
    for (const text of ["add riscv64-linux to the supported systems", "install aarch64-linux"]) {
      for (const u of both(text)) expect(isCarriedOut(u), text).toBe(false)
    }
  })

  it("ordinary words with an everyday program name among them are a phrase, not packages", () => {
    for (const u of both("delete unused code")) expect(isCarriedOut(u)).toBe(false)
    expect(parseRequest("install code", { names }).intent).toMatchObject({ _tag: "install", packages: ["vscode"] })
  })

  it("a package for NixOS's installation image is a wish for its maintainers", () => {
    for (const text of ["add htop to the iso", "include tmux in the minimal installer"]) {
      for (const u of both(text)) expect(u.intent._tag, text).toBe("unknown")
    }
  })
})

