/**
 * Must-not-act forms (issue 13): statements of one's setup, reports, quotes of commands,
 * a bug report's expected and actual results, a project's defaults, hypotheticals, something added to a list that holds
 * no programs, and a clean named in a commit title. Never carried out (at most their plan is shown or their topic
 * explained), with and without an index; the orders beside them still act. Written for these tests, not taken from
 * the real-request corpus.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"
import { packagesOf } from "./readings.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

const both = (text: string) => [parseRequest(text, { names }), parseRequest(text)]

describe("statements, reports, quotes, defaults and hypotheticals are not carried out", () => {
  it.each([
    // one's own setup, told
    "I have services.openssh.enable = true in my config",
    "I already set nixpkgs.config.allowUnfree = true but steam still refuses to install",
    "Our module sets services.openssh.enable = true for every host",
    "We install firefox by default on all lab machines",
    // reports with an option or a command as their subject
    "hardware.bluetooth.enable doesn't work",
    "`programs.zsh.enable` does nothing on darwin",
    "services.xserver.enable = true; breaks my wayland session",
    "Running nix-env -e firefox removed the wrong package",
    "I ran nix-env -i git and it installed an old version",
    // a command described by what it does
    "`nix-env -iA nixpkgs.hello` installs hello",
    "nix-env -iA nixpkgs.hello installs hello",
    "nix-env -e firefox removes chromium too",
    // a bug report's parts
    "Expected: install firefox",
    "Actual behaviour: remove git",
    "Result: remove git",
    "Steps to reproduce: enable services.printing and reboot",
    // a project's defaults and hypotheticals
    "The installer enables ssh by default",
    "Should services.tlp.enable be true by default?",
    "Suppose we enabled flakes by default, what would break?",
    "If you remove python, half the system breaks",
    "Imagine installing firefox from unstable",
    "Maybe someday I'll install emacs",
    "I would never remove git from my system",
    // added to or taken from a list of users, paths, keys or ports; an option's name added to a module
    "Add vmuser to sudoers with NOPASSWD",
    "remove alice from sudoers",
    "add ~/.local/bin to PATH",
    "remove ~/bin from PATH",
    "add cache.example.org to substituters",
    "add port 8080 to the firewall",
    "Add configurationLimit to systemd-boot",
    "add openFirewall to the ssh module",
    // a clean or an update named by its verb or schedule in a commit title: code that does it
    "feat: run garbage collection automatically",
    "chore: run gc weekly",
    "feat: auto update the system",
    "fix: delete old generations nightly"
  ])("%s", (text) => {
    for (const u of both(text)) expect(isCarriedOut(u), `${text} -> ${JSON.stringify(u.intent)}`).toBe(false)
  })
})

describe("the orders beside them still act", () => {
  it.each([
    ["nix-env -iA nixpkgs.hello", "install", ["hello"]],
    ["nix-env -i firefox", "install", ["firefox"]],
    ["add firefox to my system", "install", ["firefox"]],
    ["add neovim to home.packages", "install", ["neovim"]],
    ["add pkgs.ripgrep to environment.systemPackages", "install", ["ripgrep"]],
    // advice passed on is the user's order, as nl-own.tsv has it ("the tutorial says to install nodejs")
    ["The wiki says to install firefox with nix-env", "install", ["firefox"]],
    ["he said: install emacs", "install", ["emacs"]]
  ] as const)("%s -> %s %j", (text, kind, pkgs) => {
    const u = parseRequest(text, { names })
    expect(u.intent._tag).toBe(kind)
    expect(isCarriedOut(u)).toBe(true)
    expect(packagesOf(u)).toEqual(pkgs)
  })

  it("a setting a commit title names as one is still the author's, asked first", () => {
    for (const text of ["feat: enable automatic garbage collection", "common: Stop automatic daily gc"]) {
      const u = parseRequest(text, { names })
      expect(u.intent._tag, text).toBe("configure")
      expect(u.intent._tag === "configure" ? u.intent.text : "", text).toBe("automatic garbage collection")
    }
  })
})
