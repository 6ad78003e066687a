/**
 * `configure` (set a NixOS option), the kind added after the redesign to show what a new kind costs:
 * its spec (src/domain/intents/Configure.ts), one line in src/domain/Intent.ts, and the instructions
 * backend's entry. Parsed from a sentence or typed, it is served by the instructions backend alone.
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

  it("leaves sentences that are not about an option alone", () => {
    expect(parseRequest("set up docker for me").intent._tag).toBe("install")
    expect(parseRequest("set vim to be my editor").intent._tag).not.toBe("configure")
  })

  it("refuses a word that is not an option name", () => {
    expect(intentProblem(new Configure({ option: "openssh", value: "true", text: "" }))).toMatch(/not an option name/)
  })

  it.effect("typed or said, the plan is the same: instructions for configuration.nix, nothing run", () => Effect.gen(function*() {
    const { env, state } = makeMockEnv({ nix: { installed: ["git"] } })
    const typed = yield* runAskNix(env, [...PROFILE, "--json", "configure", "services.openssh.enable", "true"])
    const said = yield* runAskNix(env, [...PROFILE, "--json", "set services.openssh.enable to true"])
    expect(typed.code).toBe(0)
    expect(typed.last).toMatchObject({ ok: true, intent: "configure", backend: "instructions", manual: true })
    expect(typed.last["plan"]).toEqual(said.last["plan"])
    expect(typed.last["notes"].join("\n")).toContain("services.openssh.enable = true;")
    const executed = yield* runAskNix(env, [...PROFILE, "--execute", "configure", "time.timeZone", "Europe/Berlin"])
    expect(executed.code).toBe(1)
    expect(executed.stdout).toContain('time.timeZone = "Europe/Berlin";')
    expect(state.mutatingCalls()).toEqual([])
    const parsed = yield* runAskNix(env, ["parse", "--json", "set services.openssh.enable to true"])
    expect(parsed.last).toMatchObject({ intent: "configure", option: "services.openssh.enable", value: "true", mutating: true })
    expect((yield* runAskNix(env, [...PROFILE, "configure", "openssh", "true"])).code).toBe(2)
  }))
})
