/**
 * A text that reports, narrates or wishes is never carried out (issue 13): what went wrong with an order's
 * own words as its subject, what the writer did, how to reproduce a bug, a Nix command described, a
 * complaint, a setting asked of a package's maintainers. At most its plan is shown (`question: true`) or
 * its topic explained. The sentences are written for these tests, not taken from the real-request corpus.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

const both = (text: string) => [parseRequest(text, { names }), parseRequest(text)]

describe("reports, narrations and wishes are not carried out", () => {
  it.each([
    // what went wrong, the order's words as its subject or cause
    "enable docker causes networking issues",
    "enable firewall blocks ssh",
    "enable hyprland leads to crash",
    "Enable kde plasma 6 results in a black screen",
    "enable firewall -> ssh stops working",
    "enable docker, network breaks",
    "enable zfs = kernel panic",
    "nixos-rebuild switch --rollback fails",
    // a Nix command described
    "sudo nixos-rebuild switch --rollback tries to reach the network",
    "`nixos-rebuild switch --rollback` downloads new packages.",
    "nix-collect-garbage needs to be run twice",
    "nix-collect-garbage freed 0 bytes",
    "nix-env -u upgrades nothing",
    "nix-collect-garbage --max-freed is far too conservative",
    "`nix-store --gc` silently purges my dev shells",
    // what the writer did or saw
    "I just enabled flakes",
    "we switched to pipewire last week",
    "after rolling back the system grub shows no entries",
    "enable printing since 22.05",
    // a report around an order, in a text of several parts
    "enable nvidia: black screen",
    "Steps to reproduce: enable bluetooth, rebuild, reboot. Expected: bluetooth works. Actual: it crashes.",
    "clean up the nix store. it fails with permission denied.",
    // a wish put to a project, a setting asked of a package's maintainers, an order judged
    "enable pulseaudio should also enable alsa",
    "Allow setting the time zone at runtime",
    "The ability to turn on zram from a module",
    "ability to enable flakes in the generated config",
    "Can you enable aarch64 builds for this package?",
    "Please enable wayland support in the package",
    "Set timezone via timedatectl is impossible",
    "Enable kde plasma is far too heavy",
    "enable zram is on my todo list",
    "Perhaps we could enable flakes by default",
    // advice given to someone else in a thread
    "you need to enable flakes first",
    "Just enable bluetooth in your configuration.nix",
    // an outcome told, a consequence, a report tag at the end
    "enable flakes fixed it for me",
    "Enable bluetooth? It works for me",
    "Enable ssh! It finally works",
    "enable firewall as well as ssh, both work now",
    "enable ssh - thanks for the tip",
    "Enable the firewall and open port 22 for ssh on the server. Thanks @alice, that was exactly the missing piece of my configuration.",
    "set up samba share, windows can't see it",
    "Turn on numlock at boot (feature)",
    // a complaint alone: the way back is the answer, not taken
    "This update broke my bootloader"
  ])("%s", (text) => {
    for (const u of both(text)) expect(isCarriedOut(u), `${text} -> ${u.intent._tag}`).toBe(false)
  })

  it("orders with a reason, a consequence that points back, or narration followed by an order stay orders", () => {
    for (const text of [
      "upgrade gimp because it crashes", "remove firefox, it is slow", "vim crashes, remove it",
      "firefox broke after the update, roll back", "go back to before i installed steam", "i changed my configuration.nix, apply it",
      "enable bluetooth", "set the time zone to Europe/Paris", "nix-shell -p nodejs", "nix-collect-garbage --delete-older-than 30d",
      "nix flake update nixpkgs"
    ]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(true)
    }
  })

  it("a complaint is answered with the rollback plan, marked as a question", () => {
    for (const u of both("the last upgrade broke my wifi")) expect(u).toMatchObject({ intent: { _tag: "rollback" }, question: true })
  })
})

describe("a change asked of a project's code or of what it ships is not carried out", () => {
  it.each([
    // an option or support added to a module or a tool (a feature request, a pull-request title)
    "openssh: add `enable` option",
    "Add support for the `programs.foo` module",
    "Add the enable option for the bluetooth module",
    // an option called by its own name, a behaviour under a condition of the platform
    "Use the default enable option instead of custom ones",
    "enable zram only when it's available on the kernel",
    "enable nix-command when flakes are used",
    "Disable the firewall if docker is enabled",
    // a step added to a routine of code
    "add nix garbage collection to the nightly cleanup script",
    // what a project ships: its installer, images and templates, new installs
    "Enable bluetooth in the installer ISO",
    "enable ssh on the live iso",
    "Set wayland as default in the graphical installer",
    "Disable the firewall in the default configuration.nix template",
    "Turn on auto-upgrade for all new installs",
    "Enable zram in nixos-generate-config",
    // a release, the project's new users, a feature tag
    "Enable flakes by default in NixOS 24.05",
    "turn on zram for nixos 23.11",
    "Turn on pipewire for new installs",
    "enable flakes by default for new users",
    "[Feature] enable bluetooth",
    // a setting that should become settable, a suggestion, a symptom after the order
    "Allow the firewall to be disabled",
    "Consider enabling zram by default",
    "Enable sddm: login loop",
    "allow to disable the firewall",
    // a module named as a module, documentation, tests, CI and images
    "Disable nix module by default",
    "Enable flakes (experimental feature) in the docs",
    "enable ssh in the VM test",
    "Enable cachix in CI",
    "Disable the firewall for the test VM",
    "enable flakes for the devcontainer",
    "Enable nix-command for the docker image",
    "enable checks on darwin",
    // a conflict or a missing option reported, a thread's state or a page's kind after the title
    "enable firewall conflicts with docker",
    "Enable bluetooth option missing",
    "Enable sound with pipewire (wiki)",
    "enable bluetooth [solved]"
  ])("%s", (text) => {
    for (const u of both(text)) expect(isCarriedOut(u), `${text} -> ${u.intent._tag}`).toBe(false)
  })

  it("settings and packages of the writer's own system stay orders", () => {
    for (const text of [
      "Use option services.flatpak.enable", "Enable the option services.openssh.enable", "add vim with python support",
      "enable ssh on my iso", "enable ssh for all users", "install firefox for all users", "Use pipewire instead of pulseaudio",
      "enable bluetooth", "Allow unfree packages", "enable the syncthing module", "enable ssh in my vm", "Enable automatic login for lightdm",
      "add firefox to my packages", "add my user to the docker group", "enable ssh when the laptop is docked", "feature: enable starship",
      "you should install firefox", "enable ssh so that everything works", "please enable ssh, thanks"
    ]) {
      expect(isCarriedOut(parseRequest(text, { names })), text).toBe(true)
    }
  })

  it("the installer is not a misspelt 'installed'", () => {
    const u = parseRequest("Enable flakes by default in the installer", { names })
    expect(u.corrections).toEqual([])
    expect(isCarriedOut(u)).toBe(false)
  })
})

describe("questions about what something is or how it works are explained, not looked up", () => {
  it.each([
    ["what is the difference between buildInputs and nativeBuildInputs", "buildinputs"],
    ["How does nix know which packages to rebuild?", "rebuild"],
    ["What's a good way to manage dotfiles with nix?", "dotfiles"],
    ["what is an overlay and when should I use one", "overlay"],
    ["Where does nix profile get versions from?", "profile"],
    // a way of doing something in Nix, not a program looked for
    ["Is there a way to pin nixpkgs in a flake?", "flake"],
    ["Is there a way to use overlays with home-manager?", "home-manager"],
    ["Is there an option to keep build outputs?", "build"],
    // how one goes about a way of doing it in Nix
    ["I was wondering how you go about installing packages from the python package index", "install"]
  ])("%s -> explain %s", (text, word) => {
    const u = parseRequest(text, { names })
    expect(u.intent._tag).toBe("explain")
    expect((u.intent as { readonly query: string }).query).toContain(word)
  })

  it("a search for programs stays a search", () => {
    for (const text of ["what's a good pdf viewer", "what is the best text editor", "is there a tool to convert pdf to images", "is there a way to convert pdf to images"]) {
      expect(parseRequest(text, { names }).intent._tag, text).toBe("search")
    }
  })
})

describe("questions about doing something are answered with the plan", () => {
  it.each([
    ["Is there a way to quickly install firefox?", "install"],
    ["How does one install firefox?", "install"],
    ["How does one clean the nix store?", "clean"],
    ["How would someone roll back?", "rollback"],
    ["How do I update all packages installed through nix-env?", "update"],
    // the action as a gerund, or named as a thing done
    ["how do you go about installing firefox?", "install"],
    ["How to go about cleaning the store?", "clean"],
    ["How to do updates?", "update"],
    ["how do I do an upgrade", "update"],
    ["How to install updates?", "update"],
    // another package manager's upgrade, an example of a kind of package, a number of generations not given
    ["How do I do the equivalent of `pacman -Syu`?", "update"],
    ["what is the nix equivalent of apt upgrade", "update"],
    ["how do i install programs like ripgrep", "install"],
    ["Any way to clean up but keep my recent 'n' generations?", "clean"],
    ["curious how you would go about removing vim", "remove"],
    ["wondering how one goes about installing ripgrep", "install"]
  ])("%s -> %s, as a question", (text, kind) => {
    for (const u of both(text)) {
      expect(u.intent._tag).toBe(kind)
      expect(u.question).toBe(true)
    }
  })

  it("the example after 'packages like' is the package asked about", () => {
    expect(parseRequest("how do i install programs like ripgrep", { names }).intent).toMatchObject({ _tag: "install", packages: ["ripgrep"] })
    // another tool's command alone is still not an order
    expect(isCarriedOut(parseRequest("apt upgrade", { names }))).toBe(false)
  })

  it("every package of a tool's profile is everything, not a package named after the tool", () => {
    expect(parseRequest("update all packages installed with nix-env", { names }).intent).toMatchObject({ _tag: "update", packages: [] })
  })
})
