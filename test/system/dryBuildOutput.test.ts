import { describe, expect, it } from "vitest"
import { describeDryBuild, parseDryBuild } from "../../src/domain/system/dryBuildOutput.js"

describe("dry-build output", () => {
  it("internal-json, one message per line (as Nix 2.26 prints it)", () => {
    const stderr = [
      "building the system configuration...",
      '@nix {"action":"msg","level":0,"msg":"these 2 derivations will be built:"}',
      '@nix {"action":"msg","level":0,"msg":"  /nix/store/m1s4s5hmbpzyhskjxdhrpz13wq4swq2n-nixos-system-kestrel.drv"}',
      '@nix {"action":"msg","level":0,"msg":"  /nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"}',
      '@nix {"action":"msg","level":0,"msg":"this path will be fetched (52.4 MiB download, 211.0 MiB unpacked):"}',
      '@nix {"action":"msg","level":0,"msg":"  /nix/store/0c3bzl9xrr5ahkfd0c6v9ikrhk34r3g1-firefox-127.0"}'
    ].join("\n")
    const s = parseDryBuild(stderr)
    expect(s.willBuild).toEqual([
      "/nix/store/m1s4s5hmbpzyhskjxdhrpz13wq4swq2n-nixos-system-kestrel.drv",
      "/nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"
    ])
    expect(s.willFetch).toEqual(["/nix/store/0c3bzl9xrr5ahkfd0c6v9ikrhk34r3g1-firefox-127.0"])
    expect(s.sizes).toBe("52.4 MiB download, 211.0 MiB unpacked")
    expect(describeDryBuild(s)).toEqual(["2 derivations would be built.", "1 path would be downloaded (52.4 MiB download, 211.0 MiB unpacked)."])
  })

  it("plain stderr and one multi-line message read the same", () => {
    const plain = "these 1 derivations will be built:\n  /nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv\n"
    const multi = '@nix {"action":"msg","level":3,"msg":"this derivation will be built:\\n  /nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"}'
    expect(parseDryBuild(plain).willBuild).toEqual(["/nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"])
    expect(parseDryBuild(multi).willBuild).toEqual(["/nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"])
    expect(describeDryBuild(parseDryBuild("building the system configuration...\n"))).toEqual(["Nothing to build or download: the system is already built."])
  })
})
