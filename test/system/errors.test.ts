import { describe, expect, it } from "vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { NixFailed, userMessage, type ServeError } from "../../src/domain/errors.js"
import { parseLog } from "../../src/domain/nixlog/LogParser.js"
import { mapStepFailure, type StepFailure } from "../../src/domain/backends/system/systemFailure.js"
import { parseEvalError, renderEvalError } from "../../src/domain/system/evalError.js"
import { fixtures } from "./support/nixosRoot.js"

/** The level-0 message of a recorded real Nix error output (internal-json). */
const recorded = (name: string): string => {
  const lines = fs.readFileSync(path.join(fixtures, "errors", `${name}.log`), "utf8").split("\n")
  const e = parseLog(lines).find((x) => x._tag === "NixError")
  if (e === undefined || e._tag !== "NixError") throw new Error(`no error in ${name}`)
  return e.text
}

const argv = ["sudo", "nixos-rebuild", "switch", "--log-format", "internal-json", "-v"]
const failure = (over: Partial<StepFailure>): StepFailure => ({
  argv,
  error: new NixFailed({ argv, exitCode: 1, message: "failed", stderrTail: [] }),
  errors: [], lines: [], activating: false, generationBefore: 42, generationAfter: 42,
  rollbackCommand: "sudo nixos-rebuild switch --rollback",
  reactivateCommand: "sudo /nix/var/nix/profiles/system/bin/switch-to-configuration switch",
  ...over
})

describe("evaluation errors from recorded real Nix output", () => {
  it("undefined variable: the innermost message, file and line, code frame; not the trace", () => {
    const info = parseEvalError(recorded("undefined-variable"))!
    expect(info).toMatchObject({ message: ["undefined variable 'firefox'"], file: "/etc/nixos/configuration.nix", line: 9, column: 5 })
    expect(info.snippet).toEqual([" 8|     pkgs.git", " 9|     firefox", "  |     ^", "10|   ];"])
    const text = renderEvalError(info).join("\n")
    expect(text).not.toContain("listToAttrs")
    expect(text).not.toContain("while calling")
  })

  it("syntax error: position of the parser error", () => {
    expect(parseEvalError(recorded("syntax-error"))).toMatchObject({
      message: ["syntax error, unexpected '=', expecting ';'"], file: "/etc/nixos/configuration.nix", line: 5, column: 30
    })
  })

  it("option that does not exist: the file named in the definition, no line", () => {
    expect(parseEvalError(recorded("option-does-not-exist"))).toMatchObject({
      message: ["The option `services.openssh.enabled' does not exist. Definition values:", "- In `/etc/nixos/configuration.nix': true"],
      file: "/etc/nixos/configuration.nix",
      line: undefined
    })
  })

  it("rendered for a person: file:line and message first, the system still on its generation", () => {
    const e = mapStepFailure(failure({ errors: ["these 2 derivations will be built:", recorded("undefined-variable")] }))
    const text = userMessage(e)
    expect(text.split("\n")[0]).toBe(
      "Your NixOS configuration has an error in /etc/nixos/configuration.nix:9:5: undefined variable 'firefox' (sudo nixos-rebuild switch exited with code 1)"
    )
    expect(text).toContain("9|     firefox")
    expect(text).toContain("Nothing was changed: the system is still on generation 42.")
    expect(text).not.toContain("while calling")
  })
})

describe("failed switch", () => {
  const plain = new NixFailed({ argv, exitCode: 4, message: "nixos-rebuild failed", stderrTail: ["warning: the following units failed: nginx.service"] })

  it("profile moved but activation failed: says which generation and how to roll back", () => {
    const text = userMessage(mapStepFailure(failure({ error: plain, activating: true, generationAfter: 43 })))
    expect(text).toContain("The system rebuild failed: nixos-rebuild failed")
    expect(text).toContain("warning: the following units failed: nginx.service")
    expect(text).toContain("Generation 43 became the system profile, but activating it failed part way")
    expect(text).toContain("To go back to generation 42: sudo nixos-rebuild switch --rollback")
  })

  it("activation of `test` failed: profile unchanged, re-activate it", () => {
    const text = userMessage(mapStepFailure(failure({ error: plain, activating: true })))
    expect(text).toContain("the system profile is still generation 42")
    expect(text).toContain("sudo /nix/var/nix/profiles/system/bin/switch-to-configuration switch (or reboot)")
  })

  it("failed before activation: nothing changed", () => {
    expect(userMessage(mapStepFailure(failure({ error: plain })))).toContain("Nothing was changed: the system is still on generation 42.")
  })

  it("sudo refusing is PrivilegeRequired; a build failure stays a build failure", () => {
    const auth = mapStepFailure(failure({ lines: ["sudo: a password is required"] }))
    expect(auth._tag).toBe("PrivilegeRequired")
    const build: ServeError = mapStepFailure(failure({
      errors: ["error: builder for '/nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv' failed with exit code 1"],
      lines: ["cp: cannot stat 'foo'"]
    }))
    expect(build).toMatchObject({ _tag: "BuildFailed", derivation: "/nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv", logTail: ["cp: cannot stat 'foo'"] })
  })
})
