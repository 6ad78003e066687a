/**
 * Another scope set against the order's own after it ("..., rather than system-wide", "... instead of globally",
 * "..., not system-wide") says where the order goes; it does not negate the order (issue 13). The first line is a
 * real dev request; the others are written for the test.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { packagesOf } from "./readings.js"

describe("a scope set against the order's own", () => {
  it("is where the order goes, asked about (a real request)", () => {
    const u = parseRequest("Could you please provide clear instructions for adding Spotify to my user packages, rather than system-wide?")
    expect(u.intent).toMatchObject({ _tag: "install", forUser: true })
    expect(packagesOf(u)).toEqual(["spotify"])
    expect(u.question).toBe(true)
  })

  it("in other words", () => {
    expect(parseRequest("how do I add ripgrep to my user packages instead of globally?").intent).toMatchObject({ _tag: "install", packages: ["ripgrep"], forUser: true })
    expect(parseRequest("install spotify for my user, not system-wide").intent).toMatchObject({ _tag: "install", packages: ["spotify"] })
  })

  it("a negated order or another package set against it is still refused", () => {
    expect(parseRequest("do not install spotify system-wide").intent._tag).toBe("unknown")
    expect(parseRequest("install firefox, not chromium").intent._tag).toBe("unknown")
  })
})
