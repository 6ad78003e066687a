/**
 * An example after the request (", e.g. nixos-16.09") is taken off whole, a dotted version in it included;
 * what is left is read as the request.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { cleanReal } from "../../src/domain/parse/realText.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("an example after the request", () => {
  it("is taken off whole, a version with dots included", () => {
    expect(cleanReal("rollback to previous working configuration, e.g. nixos-16.09").text).toBe("rollback to previous working configuration")
    expect(cleanReal("pin an old release, for example 20.03.2 or 19.09.").text).toBe("pin an old release.")
  })

  it("leaves the request to be read", () => {
    for (const ctx of [{}, { names }]) {
      // real (issue 13, issues.tsv)
      const real = parseRequest("I'm trying to rollback to previous working configuration, e.g. nixos-16.09.", ctx)
      expect(real.intent._tag).toBe("rollback")
      expect(real.question).toBe(true)
      // variants
      expect(parseRequest("roll back to my last working config, e.g. nixos-20.03", ctx).intent._tag).toBe("rollback")
    }
  })
})
