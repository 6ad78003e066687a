/**
 * Requests that contain Nix syntax (issue 13): an option assignment pasted alone or after "add"/"set" is that option
 * set to its value (without the `;`); a package list assigned (environment.systemPackages, home.packages,
 * users.users.<name>.packages) installs its packages there, `pkgs.foo` as foo; an attribute path in a question or a
 * report is explained or looked up, never installed. Written for these tests, not taken from the real-request corpus.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut, isMutating } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"
import { packagesOf } from "./readings.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

describe("an option assigned is that option set to its value", () => {
  it.each([
    ["services.openssh.enable = true;", "services.openssh.enable", "true"],
    ["`services.openssh.enable = true;`", "services.openssh.enable", "true"],
    ['time.timeZone = "Europe/Paris";', "time.timeZone", '"Europe/Paris"'],
    ["add nixpkgs.config.allowUnfree = true to configuration.nix", "nixpkgs.config.allowUnfree", "true"],
    ["set `boot.loader.timeout = 3;` in my configuration.nix", "boot.loader.timeout", "3"],
    ["Add `boot.loader.systemd-boot.configurationLimit = 10` to p620 and p510", "boot.loader.systemd-boot.configurationLimit", "10"],
    ["programs.zsh.enable = true", "programs.zsh.enable", "true"],
    ["use services.xserver.layout = us", "services.xserver.layout", "us"]
  ])("%s", (text, option, value) => {
    for (const u of [parseRequest(text, { names }), parseRequest(text)]) {
      expect(u.intent._tag, text).toBe("configure")
      if (u.intent._tag !== "configure") continue
      expect(u.intent.option).toBe(option)
      expect(u.intent.value).toBe(value)
    }
  })
})

describe("a package list assigned installs its packages where it says", () => {
  it.each([
    ["environment.systemPackages = with pkgs; [ firefox git ];", ["firefox", "git"], "system"],
    ["environment.systemPackages = [ pkgs.htop ];", ["htop"], "system"],
    ["add `environment.systemPackages = [ pkgs.ripgrep pkgs.fd ];` to configuration.nix", ["ripgrep", "fd"], "system"],
    ["home.packages = [ pkgs.ripgrep pkgs.jq ];", ["ripgrep", "jq"], "home"],
    ["users.users.alice.packages = [ pkgs.thunderbird ];", ["thunderbird"], "system"],
    ["environment.systemPackages = [ pkgs.python3Packages.flask ];", ["python3Packages.flask"], "system"]
  ] as const)("%s", (text, pkgs, scope) => {
    const u = parseRequest(text, { names })
    expect(u.intent._tag).toBe("install")
    expect(packagesOf(u)).toEqual(pkgs)
    expect(u.scope).toBe(scope)
  })

  it("a list it cannot read item by item is never set as a value", () => {
    const u = parseRequest("environment.systemPackages = [ (python3.withPackages (ps: [ ps.numpy ])) ];", { names })
    expect(isMutating(u.intent), JSON.stringify(u.intent)).toBe(false)
  })
})

describe("an attribute path asked about or reported is explained or looked up, never installed", () => {
  it.each([
    "`programs.zsh.enable`",
    "programs.zsh.enable",
    "what does programs.zsh.enable do",
    "How to use home.activation to run arbitrary commands?",
    "how do I use programs.git.extraConfig",
    "hardware.bluetooth.enable doesn't work",
    "hardware.bluetooth.enable = true; doesn't work",
    "networking.firewall.enable = false; has no effect",
    "programs.zsh.enable = true; doesn't install all required files",
    "I set services.xserver.enable = true but nothing happens",
    "Set `boot.loader.limine.enable = true;` and observe that the help text still appears",
    "`<service>.enable = true;` does not seem to work for me."
  ])("%s", (text) => {
    for (const u of [parseRequest(text, { names }), parseRequest(text)]) {
      expect(u.intent._tag === "install", `${text} -> ${JSON.stringify(u.intent)}`).toBe(false)
      expect(isCarriedOut(u), `${text} -> ${JSON.stringify(u.intent)}`).toBe(false)
    }
  })

  it("a question about adding a package to a list is answered with its plan, never carried out", () => {
    const u = parseRequest("What happens if I add pkgs.vim to environment.systemPackages twice?", { names })
    expect(isCarriedOut(u)).toBe(false)
  })

  it("a question about using an option is explained with the option's words", () => {
    const u = parseRequest("How to use home.activation to run arbitrary commands?", { names })
    expect(u.intent._tag).toBe("explain")
    expect(u.intent._tag === "explain" ? u.intent.query : "").toContain("home.activation")
  })
})
