/**
 * Orders of a setting that sit inside a title or a sentence the grammar reads nothing in (issue 13): after
 * an adverb, a file or host prefix, a clause of reasons, before a place ("on all hosts"), or with a verb
 * that means turning a module on ("integrate", "create"). Read as `configure`, asked before it is done;
 * a question gets the plan; a report, a negation or a narration around the same words is never carried out.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { CONFIDENCE_THRESHOLD } from "../../src/domain/parse/threshold.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

/** The kind, and a configure reading's words, action and value. */
const fields = (u: Understood): { readonly _tag: string; readonly text?: string | undefined; readonly action?: string | undefined; readonly value?: string | undefined } =>
  u.intent._tag === "configure" ? u.intent : { _tag: u.intent._tag }
/** An order of the setting named by these words (and this value), not a question. */
const order = (text: string, words: string, value?: string) => {
  const u = parseRequest(text)
  expect(fields(u)._tag, text).toBe("configure")
  expect(fields(u).text, text).toBe(words)
  if (value !== undefined) expect(fields(u).value, text).toBe(value)
  expect(u.question === true, text).toBe(false)
  return u
}

describe("a setting ordered inside a text", () => {
  for (const [text, words, action] of [
    ["Explicitly enable the printer", "printer", "enable"],
    ["Properly disable bluetooth", "bluetooth", "disable"],
    ["hosts/common.nix: enable avahi on all hosts except the router", "avahi", "enable"],
    ["Make all servers use systemd-boot", "systemd-boot", "enable"],
    ["We keep losing the printer, so we want to enable cups", "cups", "enable"],
    ["integrate syncthing and a backup job", "syncthing", "enable"],
    ["Create a samba share for the media folder", "samba share", "enable"],
    ["We need sound, add pulseaudio.", "pulseaudio", "enable"],
    ["Enables zram swap for the build server", "zram swap", "enable"]
  ] as const) {
    it(text, () => {
      const u = order(text, words)
      expect(fields(u).action, text).toBe(action)
      // found inside other words: asked about before it is done
      expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
    })
  }
  it("a reason in brackets after turning a setting off is no report of the order; after turning one on it is", () => {
    const u = order("Turn off thermald (it conflicts with tlp)", "thermald")
    expect(fields(u).action).toBe("disable")
    expect(u.confidence).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
    expect(isCarriedOut(parseRequest("Enable wayland (crashes on login)"))).toBe(false)
  })
  it("a setting tuned or tweaked is that setting configured, asked before it is done; a report of it is not", () => {
    for (const [text, words] of [["Tune power management", "power management"], ["tweak the firewall", "firewall"]] as const) {
      const u = order(text, words)
      expect(fields(u).action, text).toBe("set")
      expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
    }
    expect(isCarriedOut(parseRequest("Tuning power management broke suspend"))).toBe(false)
    expect(fields(parseRequest("Tune the guitar before the concert"))._tag).not.toBe("configure")
  })
  it("nothing that is not a setting or a module is configured", () => {
    for (const text of ["Explicitly create a new folder for photos", "Make all servers use less memory", "Notes on the use of zram swap on servers",
      // an environment variable is no setting to turn on: without a name and a value there is nothing to set
      "Add an env var for the cache path"]) {
      expect(fields(parseRequest(text))._tag, text).not.toBe("configure")
    }
  })
  it("reports, negations and narrations around the same words are never carried out", () => {
    for (const text of [
      "We tried to enable avahi on every machine but it fails",
      "didn't automatically enable avahi on the laptop",
      "Unable to enable cups on the new laptop",
      "hosts/common.nix: enabling avahi breaks dns",
      "After we enable syncthing the laptop stops working",
      "the module should use systemd-boot on every host",
      "The installer enables zram swap",
      // what someone or something says, advises or tries; a purpose that opens instructions
      "Documentation says to enable avahi on every host",
      "the module tries to enable cups on the laptop",
      "Looks like you need to enable avahi",
      "It seems necessary to enable cups for the printer",
      "to enable avahi, set services.avahi.enable"
    ]) {
      expect(isCarriedOut(parseRequest(text)), text).toBe(false)
    }
  })
})

describe("a setting named by its own words: the boot menu's limit, a home-manager module, a service's timer", () => {
  it("the boot menu's limit, with its number", () => {
    order("Restrict boot entries to 3", "boot menu entries", "3")
    order("limit the number of grub entries to 20", "boot menu entries", "20")
    order("keep 7 systemd-boot generations", "boot menu entries", "7")
    order("keep 12 boot entries instead of 50", "boot menu entries", "12")
    // generations kept without the boot menu named: a clean-up that keeps them
    expect(fields(parseRequest("keep 5 generations"))._tag).toBe("clean")
  })
  it("a program's home-manager module", () => {
    expect(order("use home-manager neovim", "neovim").scope).toBe("home")
    expect(order("Use the home-manager module for syncthing", "syncthing").scope).toBe("home")
  })
  it("a service on a timer, and the VPN client", () => {
    order("fstrim timer", "fstrim")
    order("Periodic fwupd", "fwupd")
    order("run fstrim every week", "fstrim", "every week")
    order("Get openvpn working", "openvpn")
    // "automatically" alone is no timer; a program named with it is not a service
    expect(fields(parseRequest("firefox automatically"))._tag).not.toBe("configure")
  })
})

describe("settings people order in their own words: mounts, firewall holes for a service, groups, kernels", () => {
  it("a drive or a share mounted", () => {
    for (const text of ["Mount my data disk at boot", "automount usb sticks", "mount the NFS share from the nas"]) order(text, "file systems")
    expect(isCarriedOut(parseRequest("mount fails on my nas"))).toBe(false)
  })
  it("the firewall opened for a service, a user put in a group, a module blacklisted", () => {
    order("Open the firewall for syncthing", "firewall ports", "syncthing")
    order("allow samba through the firewall", "firewall ports", "samba")
    order("add my user to the video group", "user groups", "video")
    order("Blacklist pcspkr", "blacklisted kernel", "pcspkr")
  })
  it("settings named by everyday words", () => {
    order("Use the latest kernel", "latest kernel")
    order("set default browser", "default browser")
    order("Set up a reverse proxy", "reverse proxy")
    order("Install KDE Plasma 6", "kde plasma 6")
    // a kernel updated or named in a report is not a setting
    expect(fields(parseRequest("kernel panic on boot"))._tag).not.toBe("configure")
  })
})

describe("a setting ordered for a place", () => {
  it("is read without the place, asked before it is done", () => {
    for (const [text, words] of [["make helix the default editor on all my hosts", "editor"], ["set firefox as the default browser for my laptop", "browser"]] as const) {
      const u = parseRequest(text)
      expect(fields(u)._tag, text).toBe("configure")
      expect(`${fields(u).text} ${fields(u).value ?? ""}`, text).toContain(words)
      expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
    }
  })
  it("a report or a program for a place is not a setting", () => {
    for (const text of ["the default editor broke on my laptop", "firefox crashes on NixOS"]) expect(isCarriedOut(parseRequest(text)), text).toBe(false)
  })
})

describe("a title that names a setting and where it is wanted", () => {
  /** The setting these words name, turned on: asked before it is done, or (a task named) a question. */
  const titled = (pairs: ReadonlyArray<readonly [string, string]>, asked: "first" | "question") => {
    for (const [text, words] of pairs) {
      const u = parseRequest(text)
      expect(fields(u)._tag, text).toBe("configure")
      expect(fields(u).text, text).toBe(words)
      if (asked === "first") expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
      else expect(u.question, text).toBe(true)
    }
  }
  it("is the setting turned on, asked before it is done", () => {
    titled([["Samba on my home server", "samba"], ["Printing on NixOS", "printing"], ["Wireguard VPN", "wireguard vpn"], ["(Homelab) Jellyfin", "jellyfin"]], "first")
  })
  it("a task named with a gerund and a place is a question about the setting; a package is no setting", () => {
    titled([["Deploying samba on my home server", "samba"], ["Running avahi on NixOS", "avahi"]], "question")
    expect(fields(parseRequest("Installing ripgrep on NixOS", { names }))._tag).not.toBe("configure")
  })
  it("a setting's own word alone, naming no package, is that setting turned on, asked first", () => {
    titled([["Zerotier", "zerotier"], ["Hibernation", "hibernation"]], "first")
    // an everyday word alone is no title of a setting
    for (const text of ["Kernel", "Fonts", "Sound"]) expect(fields(parseRequest(text))._tag, text).not.toBe("configure")
  })
  it("the task named as enabling it (\"X enablement\") is the setting turned on, asked first", () => {
    titled([["Zerotier enablement", "zerotier"], ["Hardware acceleration enablement", "hardware acceleration"]], "first")
  })
  it("a package named alone stays a question about it; reports, plans and questions are not settings", () => {
    // (a program; a daemon's name alone, "nginx", is its service turned on: serviceNames.test.ts)
    expect(fields(parseRequest("ripgrep", { names }))._tag).not.toBe("configure")
    for (const text of ["Syncthing problems on NixOS", "Rewrite the samba module", "Printing roadmap", "Bluetooth broken on my laptop", "Samba on NixOS?", "Jellyfin is installed on my server"]) {
      expect(isCarriedOut(parseRequest(text)), text).toBe(false)
    }
  })
})
