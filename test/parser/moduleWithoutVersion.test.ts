/**
 * A module named without its version number (issue 13, real titles such as "add brscan"): a name the package index does not
 * know, after "add" or "install", that is a NixOS or home-manager module's name once a version digit follows it
 * (hardware.sane.brscan4 for "brscan") is that module turned on, asked first, as a module's own name is ("Add fstrim");
 * never "corrected" into the package of the same name. A removal keeps its package reading.
 */
import { beforeAll, describe, expect, it } from "vitest"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { actsWithoutAsking } from "../../src/domain/parse/threshold.js"
import { channelNames } from "./channelNames.js"
import { optionSet, packagesOf } from "./readings.js"

let names: NameResolver
beforeAll(async () => { names = await channelNames() })

describe("a module named without its version number", () => {
  it("is that module turned on, asked first", () => {
    for (const text of ["add brscan", "install brscan"]) {
      const u = parseRequest(text, { names })
      expect(u.intent._tag, text).toBe("configure")
      expect(actsWithoutAsking(u.confidence), text).toBe(false)
      expect(optionSet(u), text).toBe("hardware.sane.brscan4.enable")
    }
  })

  it("a module's own name is read as before, and a removal keeps its package", () => {
    expect(optionSet(parseRequest("Add fstrim", { names }))).toBe("services.fstrim.enable")
    const removed = parseRequest("remove brscan", { names })
    expect(removed.intent._tag).toBe("remove")
    expect(packagesOf(removed)).toEqual(["brscan4"])
  })
})
