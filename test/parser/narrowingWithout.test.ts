/**
 * "without" that narrows an order ("GC the packages, _without_ removing anything else") is not a refusal:
 * the order is read; a "without" that refuses the order's own work still stops it.
 */
import { describe, expect, it } from "vitest"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"

const names = await channelNames()

describe("a narrowing 'without'", () => {
  it("keeps the order it narrows", () => {
    for (const ctx of [{}, { names }]) {
      // real (issue 13, forums.tsv)
      const real = parseRequest("I want to remove old system generations and GC the packages, _without_ removing anything else but these generations and their packages.", ctx)
      expect(real.intent._tag).toBe("clean")
      // variants
      expect(parseRequest("GC the packages without removing anything else", ctx).intent._tag).toBe("clean")
      expect(parseRequest("delete old generations without touching the current one", ctx).intent._tag).toBe("clean")
    }
    expect(parseRequest("update firefox without updating anything else", { names }).intent).toMatchObject({ _tag: "update", packages: ["firefox"] })
  })

  it("does not make a refusal an order", () => {
    for (const ctx of [{}, { names }]) {
      expect(parseRequest("install firefox without installing it", ctx).intent._tag).not.toBe("install")
      expect(parseRequest("do not remove anything else", ctx).intent._tag).not.toBe("remove")
    }
  })
})
