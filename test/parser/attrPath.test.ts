import { describe, expect, it } from "vitest"
import { checkPackageName, isValidAttrPath, MAX_ATTR_PATH_LENGTH } from "../../src/domain/AttrPath.js"

describe("isValidAttrPath", () => {
  it.each([
    "firefox", "python3Packages.requests", "libsForQt5.vlc", "nodePackages.socket.io", "gitAndTools.gh",
    "google-chrome", "python311", "_1password", "gcc_12", "g++", "0ad", "haskellPackages.lens_5", "a"
  ])("accepts %s", (w) => expect(isValidAttrPath(w)).toBe(true))

  it.each([
    ["", "empty"], ["firefox; rm -rf ~", "space"], ["firefox;rm", "shell"], ["$(reboot)", "shell"],
    ["`reboot`", "shell"], ["fire`x`", "shell"], ["\"firefox\"", "shell"], ["'firefox'", "quote"],
    ["fire fox", "space"], ["a|b", "shell"], ["a&&b", "shell"], ["--option", "dash"], ["-f", "dash"],
    ["-", "dash"], ["firefox>out", "shell"], ["a\\b", "shell"], ["~/x", "shell"], ["../etc", "dots"],
    ["a..b", "dots"], [".hidden", "dots"], ["firefox.", "dots"], ["nixpkgs#firefox", "shell"],
    ["a/b", "valid"], ["x".repeat(MAX_ATTR_PATH_LENGTH + 1), "long"], ["fire\nfox", "space"], ["${x}", "shell"],
    ["*", "shell"], ["fire?fox", "shell"], ["a.-b", "valid"]
  ])("rejects %j (%s)", (w) => {
    expect(isValidAttrPath(w)).toBe(false)
    const err = checkPackageName(w)
    expect(err?._tag).toBe("InvalidPackageName")
    expect(err?.reason.length).toBeGreaterThan(0)
  })

  it("checkPackageName is undefined for a good name and keeps long names short in the error", () => {
    expect(checkPackageName("firefox")).toBeUndefined()
    const err = checkPackageName(`${"a".repeat(300)};`)
    expect(err?.name.length).toBeLessThanOrEqual(80)
  })
})
