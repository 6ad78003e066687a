import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeMockEnv, runAskNix } from "../app/mockEnv.js"

const complete = (script: string, words: ReadonlyArray<string>) => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-compl-"))
  const file = join(dir, "c.bash")
  writeFileSync(file, script)
  const line = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _ask-nix_bash_completions ask-nix; echo "\${COMPREPLY[@]}"`
  return execFileSync("bash", ["-c", line], { encoding: "utf8" }).trim().split(/\s+/)
}

describe("shell completions", () => {
  it.effect("the bash script completes commands, global options and command options", () => Effect.gen(function*() {
    const { env } = makeMockEnv()
    const run = yield* runAskNix(env, ["--completions", "bash"])
    expect(run.code).toBe(0)
    expect(complete(run.stdout, ["ask-nix", "ins"])).toEqual(["install"])
    expect(complete(run.stdout, ["ask-nix", "--exe"])).toEqual(["--execute"])
    expect(complete(run.stdout, ["ask-nix", "rollback", "--t"])).toEqual(["--to"])
  }))
  it.effect("zsh and fish scripts are generated", () => Effect.gen(function*() {
    const { env } = makeMockEnv()
    expect((yield* runAskNix(env, ["--completions", "zsh"])).stdout).toMatch(/#compdef ask-nix/)
    expect((yield* runAskNix(env, ["--completions", "fish"])).stdout).toMatch(/complete -c ask-nix .*install/)
  }))
})
