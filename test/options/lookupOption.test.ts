import { describe, expect, it } from "vitest"
import { lookupOption, suggestOptions } from "../../src/domain/options/lookupOption.js"
import { realOptions } from "../support/optionsData.js"

const nixos = realOptions("nixos")
const name = (n: string) => {
  const id = lookupOption(nixos, n)
  return id === undefined ? undefined : nixos.name(id)
}

describe("option lookup and did-you-mean", () => {
  it("finds exact names and names under placeholders", () => {
    expect(name("services.openssh.enable")).toBe("services.openssh.enable")
    expect(name("users.users.alice.packages")).toBe("users.users.<name?>.packages")
    expect(name("fileSystems./home.device")).toBe("fileSystems.<name?>.device")
    expect(name("services.openssh.enabled")).toBeUndefined()
  })

  it.each([
    ["hardware.bluetoth.enable", "hardware.bluetooth.enable"],
    ["services.opensh.enable", "services.openssh.enable"],
    ["time.timezone", "time.timeZone"],
    ["services.openssh.enabled", "services.openssh.enable"],
    ["networking.firewal.allowedTCPPort", "networking.firewall.allowedTCPPorts"],
    ["boot.loader.grub.configurationlimit", "boot.loader.grub.configurationLimit"]
  ])("%s -> did you mean %s", (typo, expected) => {
    expect(suggestOptions(nixos, typo)[0]).toBe(expected)
  })

  it("suggests nothing for a name far from every option", () => {
    expect(suggestOptions(nixos, "qqqqqqqq.zzzzzzzzzz")).toEqual([])
  })
})
