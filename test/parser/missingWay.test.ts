/**
 * "there's no way to X" complains that a way is missing: it asks for X (answered, never carried out);
 * "no" in it is not a refusal. A web address in a search says where the person looked, not what for.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("a complaint that there is no way to do something", () => {
  it("asks for it", () => {
    for (const ctx of [{}, { names }]) {
      // real (issue 13, issues.tsv)
      expect(parseRequest("Like there's no way to find `js-beautify` on https://nixos.org/nixos/packages.html", ctx).intent)
        .toMatchObject({ _tag: "search", query: "js-beautify" })
      // variants
      expect(parseRequest("there is no way to find jq", ctx).intent).toMatchObject({ _tag: "search", query: "jq" })
      const order = parseRequest("There is no easy way to install ripgrep", ctx)
      expect(order.intent._tag).toBe("install")
      expect(isCarriedOut(order)).toBe(false)
    }
  })

  it("keeps a name that starts like a web address", () => {
    expect(parseRequest("search httpie", { names }).intent).toMatchObject({ _tag: "search", query: "httpie" })
  })
})
