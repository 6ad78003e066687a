/**
 * `configure` (set a NixOS or home-manager option): its spec (src/domain/intents/Configure.ts), read
 * from a sentence or typed. The editing itself is tested in test/config (pipeline.test.ts and the
 * evaluated edits).
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Configure, describeIntent, intentProblem, isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { makeMockEnv, runAskNix } from "../app/mockEnv.js"

const PROFILE = ["--profile", "/tmp/ask-nix-mock/profile"]

describe("configure", () => {
  it("is read from a sentence, keeping the option's case", () => {
    const u = parseRequest("set networking.hostName to kestrel")
    expect(u.intent).toEqual(new Configure({ option: "networking.hostName", value: "kestrel", action: "set", text: "set networking.hostName to kestrel" }))
    expect(parseRequest("please set the option services.openssh.enable to true").intent).toMatchObject({ _tag: "configure", option: "services.openssh.enable", value: "true" })
    expect(isMutating(u.intent)).toBe(true)
    expect(describeIntent(u.intent)).toBe("set networking.hostName to kestrel")
  })

  it("says 'allow' requests with their own verb", () => {
    // (read by the spec's own phrases "allow unfree packages", or by the grammar's "allow {setting}" as "enable unfree packages")
    expect(describeIntent(parseRequest("allow unfree packages").intent)).toMatch(/^(allow|enable) unfree packages$/)
    expect(describeIntent(parseRequest("disallow unfree packages").intent)).toMatch(/^(disallow|disable) unfree packages$/)
    expect(describeIntent(parseRequest("enable bluetooth").intent)).toBe("enable bluetooth")
  })

  it("leaves sentences that are not about an option alone", () => {
    expect(parseRequest("set up docker for me").intent._tag).toBe("install")
    expect(parseRequest("set vim to be my editor").intent._tag).not.toBe("configure")
  })

  it("refuses a word that is not an option name", () => {
    expect(intentProblem(new Configure({ option: "openssh", value: "true", text: "" }))).toMatch(/not an option name/)
  })

  it.effect("typed or said, the same request; on a machine that is not NixOS it says so and runs nothing", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] } })
    const typed = yield* runAskNix(env, [...PROFILE, "--json", "configure", "services.openssh.enable", "true"])
    const said = yield* runAskNix(env, [...PROFILE, "--json", "set services.openssh.enable to true"])
    expect(typed.code).toBe(1)
    expect(typed.last).toMatchObject({ ok: false, error: { type: "NotNixOS" } })
    expect(said.last["error"]).toEqual(typed.last["error"])
    expect(state.mutatingCalls()).toEqual([])
    const parsed = yield* runAskNix(env, ["parse", "--json", "set services.openssh.enable to true"])
    expect(parsed.last).toMatchObject({ intent: "configure", option: "services.openssh.enable", value: "true", mutating: true })
    expect((yield* runAskNix(env, [...PROFILE, "configure", "openssh", "true"])).code).toBe(2)
  }))
})
