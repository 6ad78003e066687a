/**
 * Settings asked for in forms the setting grammar did not read (issue 13): "set"/"change" + words every one of which
 * the NixOS and home-manager options know, with no value ("Set git username and email"); a commit title's type
 * without its colon ("Feat fish shell"); a module's one-word name written in two in a title ("VS Code extensions");
 * a name the package index does not know that is a module's, after an install's or a removal's verb ("Add fstrim":
 * never "corrected" into another package). Statements, vague words and packages around the same verbs stay as they were.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { CONFIDENCE_THRESHOLD } from "../../src/domain/parse/threshold.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

const configure = (u: Understood): { readonly text: string; readonly action: string | undefined } | undefined =>
  u.intent._tag === "configure" ? { text: u.intent.text, action: u.intent.action } : undefined

describe("a setting named plainly", () => {
  it("'set' or 'change' with words the options know and no value sets that setting", () => {
    for (const [text, words] of [
      ["Set git username and email", "git username and email"],
      ["set the git user name", "git user name"],
      ["change the console font", "console font"],
      ["set EDITOR", "editor"]
    ] as const) {
      const u = parseRequest(text, { names })
      expect(configure(u), text).toEqual({ text: words, action: "set" })
      expect(u.question === true, text).toBe(false)
    }
  })

  it("'set' or 'change' with an everyday word, 'set up' a program, a written option path with no value, or a vaguer verb are not read this way", () => {
    expect(parseRequest("change my mind", { names }).intent._tag).toBe("unknown")
    expect(parseRequest("set up git", { names }).intent._tag).toBe("install")
    // (instructions: the path with no value is what to write, not an order)
    expect(isCarriedOut(parseRequest("to enable avahi, set services.avahi.enable", { names }))).toBe(false)
    // ("tweak the firewall": asked before it is done)
    expect(parseRequest("tweak the firewall", { names }).confidence).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
  })

  it("a commit title's type without its colon is no part of the setting ('Feat fish shell')", () => {
    const u = parseRequest("Feat fish shell", { names })
    expect(configure(u)).toEqual({ text: "fish shell", action: "enable" })
    expect(u.confidence).toBeLessThan(CONFIDENCE_THRESHOLD)
    expect(parseRequest("feat of engineering", { names }).intent._tag).not.toBe("configure")
  })

  it("a module's one-word name written in two is that module in a title ('VS Code extensions')", () => {
    const u = parseRequest("VS Code extensions", { names })
    expect(configure(u)).toEqual({ text: "vscode extensions", action: "enable" })
    expect(u.confidence).toBeLessThan(CONFIDENCE_THRESHOLD)
  })

  it("a module's name the index does not know, after an install's verb, is that module, asked first", () => {
    for (const [text, action] of [["Add fstrim", "enable"], ["install fstrim", "enable"]] as const) {
      const u = parseRequest(text, { names })
      expect(configure(u), text).toEqual({ text: text.split(" ")[1], action })
      expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
    }
    // (a package the index knows, or a typo of one, is installed as before)
    expect(parseRequest("install firefox", { names }).intent).toMatchObject({ _tag: "install", packages: ["firefox"] })
    expect(parseRequest("install fierfox", { names }).intent).toMatchObject({ _tag: "install", packages: ["firefox"] })
    expect(parseRequest("uninstall xterm", { names }).intent).toMatchObject({ _tag: "remove", packages: ["xterm"] })
    // (what is removed is most often in a package list the index need not know: "remove git" with a small index)
    expect(parseRequest("remove xserver", { names }).intent).toMatchObject({ _tag: "remove", packages: ["xserver"] })
  })
})
