/**
 * Another package manager's packages ("NPM global packages", "pip packages", "Home-brew Formula's") are had on
 * Nix another way: explained, never installed as a Nix package called "global".
 */
import { describe, expect, it } from "vitest"
import { isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("installing another package manager's packages", () => {
  it("is explained with the language-packages topic", () => {
    for (const ctx of [{}, { names }]) {
      for (const t of [
        "Question: How do you install NPM global packages?", // real (issue 13, issues.tsv)
        "Not Able To install Home-brew Formula's", // real (issue 13, issues.tsv)
        "how do i install pip packages",
        "install npm packages globally"
      ]) {
        const i = parseRequest(t, ctx).intent
        expect(isMutating(i), t).toBe(false)
        expect(i._tag === "explain" ? i.query : "", t).toMatch(/^language packages /)
      }
    }
  })

  it("leaves the managers themselves to be installed", () => {
    for (const t of ["install nodejs", "install cargo", "install go"]) expect(parseRequest(t, { names }).intent._tag, t).toBe("install")
  })
})
