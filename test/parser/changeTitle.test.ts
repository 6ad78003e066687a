/**
 * Titles of changes to code are never carried out (issue 13): the forms of nixpkgs' commit and
 * pull-request titles ("pkg: 1.0 -> 1.1", "pkg: init at 1.0", "nixos/module: add option"), conventional
 * commits ("feat(home): add emacs"), change-log lines ("Remove deprecated ..."), feature requests and reports.
 * The sentences are written for these tests in those forms, with other names than the real-request corpus.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut, isMutating } from "../../src/domain/Intent.js"
import { changeTitle } from "../../src/domain/parse/changeTitle.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { actsWithoutAsking, parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

/** Parsed with the index (as ask-nix runs) and without one. */
const both = (text: string) => [parseRequest(text, { names }), parseRequest(text)]

describe("the title of a change to code", () => {
  it.each([
    "ripgrep: 13.0.0 -> 14.1.0",
    "python3Packages.httpx: 0.24.1 → 0.25.0",
    "upd(jq): `1.6` -> `1.7`",
    "tmux: unstable-2023-01-06 -> unstable-2023-04-02",
    "zellij: init at 0.39.2",
    "Init: {foo-cli, foo-server} at 1.2.0",
    "nixos/tests/jellyfin: init",
    "htop: update to 3.3.0",
    "bump: ripgrep 13 to 14",
    "fd: 8.7.0"
  ])("%s: a version change, not an order", (text) => {
    expect(changeTitle(text)?.form).toBe("version change")
    for (const u of both(text)) expect(isMutating(u.intent), text).toBe(false)
  })

  it.each([
    "ripgrep: add meta.mainProgram",
    "inkscape: use wrapGAppsHook",
    "home-manager: update to latest",
    "nixos/openssh: add option to disable password logins",
    "treewide: remove unused patches",
    "lib/strings: add helper to trim whitespace"
  ])("%s: a change to the component's code, not an order", (text) => {
    for (const u of both(text)) {
      expect(u.intent._tag, text).toBe("unknown")
    }
  })

  it.each([
    'Revert "enable bluetooth"',
    "Revert 'services: turn on the firewall'",
    "pipewire: enable by default",
    "sshd: default to enabled",
    "zram: on by default"
  ])("%s: git's revert or a component's own default, not an order", (text) => {
    expect(changeTitle(text)?.form).toBe("code change")
    for (const u of both(text)) expect(isCarriedOut(u), `${text} -> ${u.intent._tag}`).toBe(false)
  })

  it.each([
    "chore: delete old generations and collect garbage",
    "hosts/server: remove old generations and run the gc",
    "feat(nix): clean up the nix store"
  ])("%s: a clean named in a change title adds code that cleans, not an order", (text) => {
    for (const u of both(text)) expect(isCarriedOut(u), `${text} -> ${u.intent._tag}`).toBe(false)
  })

  it("an order in a commit title of one's own configuration is asked about first", () => {
    for (const [text, kind] of [
      ["hosts/laptop: add ripgrep and fd", "install"],
      ["feat(home): add emacs", "install"],
      ["profiles/desktop: enable bluetooth", "configure"]
    ] as const) {
      const u = parseRequest(text, { names })
      expect(u.intent._tag, text).toBe(kind)
      expect(actsWithoutAsking(u.confidence), text).toBe(false)
    }
    expect(parseRequest("hosts/laptop: add ripgrep and fd", { names }).intent).toMatchObject({ packages: ["ripgrep", "fd"] })
  })

  it("a host's folder under nixos/ is one's own configuration, not a NixOS module of nixpkgs: asked about first", () => {
    for (const text of ["nixos/hosts/tower: enable avahi", "nixos/configurations/kestrel: turn off the firewall", "nixos/machines/pi: enable ssh"]) {
      for (const u of both(text)) {
        expect(u.intent._tag, text).toBe("configure")
        expect(actsWithoutAsking(u.confidence), text).toBe(false)
      }
    }
    // nixpkgs' own modules and tests stay code
    for (const text of ["nixos/avahi: enable ipv6 by default", "nixos/tests/avahi: enable ssh"]) {
      for (const u of both(text)) expect(u.intent._tag, text).toBe("unknown")
    }
  })

  it("a setting under the name of a package the index knows is a change to how nixpkgs builds it", () => {
    for (const text of ["chromium: enable wayland by default", "mpv: disable vapoursynth", "ffmpeg: enable vaapi"]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(false)
    }
    // Nix's own settings, and one's own configuration, are the writer's
    for (const text of ["nix: enable flakes", "profiles/desktop: enable bluetooth", "profiles/desktop: enable bluetooth by default"]) {
      expect(parseRequest(text, { names }).intent._tag, text).toBe("configure")
    }
  })

  it("ask-nix's own orders before a colon stay orders", () => {
    for (const text of ["install: ripgrep, fd", "remove: nano", "update: all"]) {
      const u = parseRequest(text, { names })
      expect(isCarriedOut(u), text).toBe(true)
      expect(actsWithoutAsking(u.confidence), text).toBe(true)
    }
  })
})

describe("an order that names a version", () => {
  it.each([
    ["update ripgrep to 14.1.0", "ripgrep"],
    ["Bump jq from 1.6 to 1.7", "jq"],
    ["please upgrade htop to v3.3", "htop"]
  ])("%s: the plan is the answer (ask-nix cannot pick the version)", (text, pkg) => {
    const u = parseRequest(text, { names })
    expect(u.intent).toMatchObject({ _tag: "update", packages: [pkg] })
    expect(u.question).toBe(true)
    expect(u.notes.join(" ")).toMatch(/cannot pick/)
  })

  it("the latest version is not a version number: still an order", () => {
    for (const text of ["update ripgrep to the latest version", "update ripgrep to latest", "update ripgrep"]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(true)
    }
  })
})

describe("change-log lines, feature requests and reports", () => {
  it.each([
    "Remove deprecated python2 packages",
    "Drop support for python2",
    "drops gtk2 support",
    "add chaotic module and options",
    "Remove nix-env -i from the docs",
    "add ripgrep to the installer image",
    "Add htop to the default packages of the ISO",
    // names of settings, not packages
    "add keep-outputs and keep-derivations",
    "add min-free-percent",
    // what a command did, and an error quoted
    "nix-collect-garbage removes too much",
    "home-manager switch removed my packages",
    "Install vlc via home-manager fails",
    "Rollback to generation 41 failed",
    "install steam: collision between two files",
    "installing foo: hash mismatch in fixed-output derivation",
    // a pull request's own prefixes, a security fix, a change to nixpkgs or to an image built elsewhere
    "[WIP] add vlc", "Draft: update vlc", "[Backport release-23.05] update vlc",
    "vlc: add patch for CVE-2023-1234",
    "Update vlc in nixpkgs", "Remove vlc from nixpkgs",
    "Install ripgrep in the CI image", "remove vlc from the example config"
  ])("%s: never carried out", (text) => {
    for (const u of both(text)) expect(isCarriedOut(u), text).toBe(false)
  })

  it("an order with its reason after it stays an order", () => {
    for (const text of ["upgrade gimp because it crashes", "install vlc", "remove vlc because it crashes", "everything is broken, roll back"]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(true)
    }
  })

  it("Nix's own commands are not packages to remove", () => {
    for (const u of both("Remove nix-channel")) expect(u.intent._tag).toBe("explain")
  })

  it("nixpkgs named for an update is never the Python package of that name", () => {
    for (const text of ["update nixpkgs", "Bump nixpkgs"]) {
      for (const u of both(text)) expect(u.intent, text).toMatchObject({ _tag: "update", packages: ["nixpkgs"] })
    }
  })
})
