/**
 * A program's own configuration added to home-manager (issue 13): "Add alacritty dotfile to home manager" (a dev line of
 * test/corpus/real/issues.tsv) is the program's home-manager module, configured; the program itself added there
 * ("add firefox to home manager", "add ripgrep to home.nix") stays a package in home.packages.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("a program's config added to home-manager", () => {
  it("is its module configured", () => {
    for (const [text, words] of [["Add alacritty dotfile to home manager", "alacritty"], ["Add zsh config to home-manager", "zsh"]] as const) {
      const u = parseRequest(text)
      expect(u.intent._tag, text).toBe("configure")
      expect(u.intent._tag === "configure" ? u.intent.text : undefined, text).toBe(words)
    }
  })
  it("the program itself added stays a package", () => {
    for (const text of ["add firefox to home manager", "add ripgrep to home.nix"]) expect(parseRequest(text).intent._tag, text).toBe("install")
  })
})
