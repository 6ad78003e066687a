// A setting the text talks about rather than orders is asked first: the plan is shown, nothing is carried out
// (issue 13). Each rule's case was carried out before the rule; real orders stay carried out.
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const read = (text: string) => {
  const u = parseRequest(text)
  return { tag: u.intent._tag, carried: isCarriedOut(u), question: u.question === true }
}
const notes = (text: string) => parseRequest(text).notes.join(" ")

describe("a setting talked about is asked first", () => {
  it("a default set for others ('by default') is a project's default: asked, never carried out", () => {
    // (real: a pull request to cachix/install-nix-action)
    expect(read("enable flakes & nix-command features by default")).toEqual({ tag: "configure", carried: false, question: true })
    expect(read("turn on zram by default")).toEqual({ tag: "configure", carried: false, question: true })
    expect(notes("turn on zram by default")).toContain("sets a default for others")
  })

  it("a setting placed in a project's modules, builds or repository is the project's, asked first", () => {
    expect(read("Turn on zram in the nix-darwin module")).toEqual({ tag: "configure", carried: false, question: true })
    expect(read("enable flakes for all derivations")).toEqual({ tag: "configure", carried: false, question: true })
    // this machine's own: a place, hosts, or the writer's own module
    for (const text of ["enable zram for all hosts", "enable avahi in my network module"]) expect(read(text).carried, text).toBe(true)
  })

  it("a modal before the order makes it a statement about the setting, not the main clause", () => {
    expect(read("maybe you can enable flakes")).toEqual({ tag: "configure", carried: false, question: true })
    expect(read("you can enable ssh")).toEqual({ tag: "configure", carried: false, question: true })
  })

  it("a setting as the purpose of a thing asked for is not the order (the thing is)", () => {
    // (real: NixOS/nix#6734) The thing is a flag added to a tool, a change to its code (reportSignals' CODE_CHANGE,
    // real11): explained, not a setting of the user's asked about.
    expect(read("installer: add --flakes flag to enable experimental flakes")).toEqual({ tag: "explain", carried: false, question: false })
  })

  it("an order quoted as a name is mentioned, not given", () => {
    // (real: NixOS/nixpkgs#370013)
    expect(read("\"Enable Flakes\" installation option")).toEqual({ tag: "configure", carried: false, question: true })
  })
})

describe("real orders stay carried out", () => {
  it.each([
    "Enable bluetooth", "enable ssh please", "set my timezone to Europe/Berlin", "make vim the default editor",
    // a polite modal, or one that says what the order is for or what it will do, keeps the order the main clause
    "could you enable ssh", "can you please enable bluetooth", "I would like to enable avahi", "Would like to enable hibernation",
    "enable ssh so I can log in remotely", "enable zram, it will help", "please enable the firewall; it might break ssh",
    // an order that opens the text, with its means: the purpose is what is asked
    "set nix.settings to enable flakes", "use the nix-flatpak module to enable flatpak", "I want to enable avahi"
  ])("%s", (text) => {
    expect(read(text)).toMatchObject({ tag: "configure", carried: true })
  })
})
