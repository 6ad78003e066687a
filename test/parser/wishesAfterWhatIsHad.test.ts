/**
 * A lookup with its reason said last ("... to comply with a workplace audit"), and a wish said after what one
 * has ("I can see all packages under <dir> but I am really hoping to get list of packages"): the lookup is read.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("a lookup asked for with a reason, after what one has", () => {
  it("is read, the reason and what one has aside", () => {
    for (const ctx of [{}, { names }]) {
      // real (issue 13, issues.tsv)
      expect(parseRequest("I can see all packages under `/etc/profiles/per-user/<username>/bin/` but I am really hoping to get  list of packages with their version numbers to comply with a workplace audit", ctx).intent._tag).toBe("list")
      // variants
      expect(parseRequest("get list of packages with their version numbers to comply with a workplace audit", ctx).intent._tag).toBe("list")
      expect(parseRequest("show installed packages for an audit", ctx).intent._tag).toBe("list")
      expect(parseRequest("list generations to find the good one", ctx).intent._tag).toBe("generations")
    }
  })

  it("keeps an order's reason with the order, and asks before an order wished for after what one has", () => {
    expect(parseRequest("install vlc to watch movies", { names }).intent).toMatchObject({ _tag: "install", packages: ["vlc"] })
    // (a means asked for is named by what it is to do: not a search for "option")
    expect(parseRequest("Is there an option to keep build outputs?", { names }).intent._tag).not.toBe("search")
    const wish = parseRequest("I have firefox installed but I want chromium", { names })
    expect(isCarriedOut(wish) && wish.confidence >= 0.7).toBe(false)
  })
})
