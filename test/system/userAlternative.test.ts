import { describe, expect, it } from "vitest"
import { Configure } from "../../src/domain/intents/Configure.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { userAlternative } from "../../src/layers/backends/system/SystemBackend.js"

// Off NixOS a system request is refused with the user-profile command that does the same, when there is one.
describe("userAlternative", () => {
  it("offers the user profile for package operations", () => {
    expect(userAlternative(parseRequest("install firefox").intent)).toBe("ask-nix --user install firefox")
  })
  it("offers nothing for a NixOS setting, which has no user-profile counterpart", () => {
    expect(userAlternative(new Configure({ option: "hardware.bluetooth.enable", value: "true", action: "enable", text: "enable bluetooth" }))).toBeUndefined()
  })
})
