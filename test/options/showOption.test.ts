import { describe, expect, it } from "vitest"
import { lookupOption } from "../../src/domain/options/lookupOption.js"
import { optionJson, optionLines, optionListLines, showValue } from "../../src/domain/options/showOption.js"
import { searchOptions } from "../../src/domain/options/searchOptions.js"
import { realOptions } from "../support/optionsData.js"

const nixos = realOptions("nixos")
const record = (name: string) => nixos.record(lookupOption(nixos, name)!)

describe("showing options", () => {
  it("writes evaluated values as Nix does", () => {
    expect(showValue(true)).toBe("true")
    expect(showValue("Europe/Paris")).toBe("\"Europe/Paris\"")
    expect(showValue([{ __drv: "firefox-72.0.2" }, { __drv: "git-2.23.1" }])).toBe("[ <package firefox-72.0.2> <package git-2.23.1> ]")
    expect(showValue({ automatic: true, dates: "weekly" })).toBe("{ automatic = true; dates = \"weekly\"; }")
    expect(showValue(null)).toBe("null")
  })

  it("one option in full, with its current value", () => {
    expect(optionLines({ record: record("time.timeZone"), current: { value: "Europe/Paris" } }, "nixos").slice(0, 5)).toEqual([
      "time.timeZone (NixOS option)",
      "  type:    null or string without spaces",
      "  default: null",
      "  current: \"Europe/Paris\"",
      "  example: \"America/New_York\""
    ])
  })

  it("a search as a short list, and as JSON", () => {
    const hits = searchOptions(nixos, "enable ssh", 2).map((h) => ({ record: nixos.record(h.id) }))
    const lines = optionListLines("enable ssh", "nixos", hits)
    expect(lines[0]).toBe("NixOS options for \"enable ssh\":")
    expect(lines[1]).toBe("  services.openssh.enable  (boolean, default false)")
    expect(lines[2]).toBe("      Whether to enable the OpenSSH secure shell daemon, which allows secure remote logins.")
    expect(optionJson(hits[0]!)).toMatchObject({ name: "services.openssh.enable", type: "boolean", default: "false", readOnly: false })
    expect(optionListLines("zzz", "home", [])).toEqual(["No home-manager option matches \"zzz\"."])
  })
})
