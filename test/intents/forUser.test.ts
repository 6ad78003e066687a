/**
 * "for my user": install / remove aimed at the user's own account in the NixOS configuration
 * (users.users.<name>.packages). The edit itself is tested in test/config/pipeline.test.ts.
 */
import { describe, expect, it } from "vitest"
import { Install, intentToJson, Remove } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("for my user", () => {
  it.each([
    ["add vlc to configuration.nix for my user", "install", "system"],
    ["add vlc to my user packages", "install", "system"],
    ["put vlc in the user's packages of my configuration.nix", "install", "system"],
    ["remove thunderbird from my user's packages", "remove", "system"],
    ["remove thunderbird from configuration.nix for my user", "remove", "system"]
  ] as const)("%s: the user's own packages in the system configuration", (text, kind, scope) => {
    const u = parseRequest(text)
    expect(u.intent).toEqual(kind === "install" ? new Install({ packages: ["vlc"], forUser: true }) : new Remove({ packages: ["thunderbird"], forUser: true }))
    expect(u.scope).toBe(scope)
    expect(intentToJson(u)).toMatchObject({ forUser: true })
  })

  it("said without the file, the scope decides (the profile, or --system's users.users)", () => {
    const u = parseRequest("install vim for my user please")
    expect(u.intent).toEqual(new Install({ packages: ["vim"], forUser: true }))
    expect(u.scope).toBeUndefined()
  })

  it("the system's packages stay the system's", () => {
    const u = parseRequest("add htop to configuration.nix")
    expect(u.intent).toEqual(new Install({ packages: ["htop"] }))
    expect(intentToJson(u)).not.toHaveProperty("forUser")
  })
})
