/**
 * The completion scripts of the shipped binary, run in a real bash, zsh and fish: each shell's own
 * way of asking for completions, driven without a terminal (bash: COMP_WORDS/COMP_CWORD and the
 * function; zsh: `words`/`CURRENT` and the function, with compadd and _files recording what they are
 * given; fish: `complete -C`). CI installs zsh and fish (.ci/run) and requires them.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { askNixBin, ensureBuilt } from "../support/shippedBinary.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-compl-"))
const home = join(dir, "home")

const scriptFor = (shell: string): string => {
  const r = spawnSync(askNixBin, ["--completions", shell], { encoding: "utf8", env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config") } })
  expect(r.status, r.stderr).toBe(0)
  const file = join(dir, `ask-nix.${shell}`)
  writeFileSync(file, r.stdout)
  return file
}

const shellPath = (name: string) => ["/usr/bin", "/bin", "/usr/local/bin"].map((d) => join(d, name)).find(existsSync)
const required = process.env["ASK_NIX_REQUIRE_SHELLS"] === "1"

/** A describe block for a shell; without it, skipped on a developer machine and failing in CI. */
const describeShell = (name: string, body: (shell: string) => void) => {
  const shell = shellPath(name)
  if (shell !== undefined) describe(`completions in ${name}`, () => body(shell))
  else if (required) it(`${name} is installed (ASK_NIX_REQUIRE_SHELLS=1)`, () => expect.fail(`${name} is not installed`))
  else describe.skip(`completions in ${name} (not installed)`, () => body(name))
}

/** The words a shell offers, sorted (descriptions left out). */
const sorted = (out: string) => out.split("\n").map((l) => l.split("\t")[0]!.trim()).filter((l) => l !== "").sort()

beforeAll(() => ensureBuilt())

describeShell("bash", (bash) => {
  let script = ""
  beforeAll(() => { script = scriptFor("bash") })
  const complete = (...words: Array<string>) => {
    const quoted = words.map((w) => `'${w}'`).join(" ")
    return sorted(execFileSync(bash, ["--norc", "-c", `source ${script}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _ask_nix; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: "utf8" }))
  }

  it("is registered for ask-nix", () => {
    expect(execFileSync(bash, ["--norc", "-c", `source ${script}; complete -p ask-nix`], { encoding: "utf8" })).toMatch(/-F _ask_nix ask-nix/)
  })
  it("offers the four backends as four words after --backend (also --backend=)", () => {
    expect(complete("ask-nix", "--backend", "")).toEqual(["instructions", "native", "nix-env", "profile"])
    expect(complete("ask-nix", "--backend", "=", "n")).toEqual(["native", "nix-env"])
  })
  it("completes a command after global options", () => {
    expect(complete("ask-nix", "--execute", "ins")).toEqual(["install"])
    expect(complete("ask-nix", "--profile", "/tmp/p", "-y", "rem")).toEqual(["remove"])
    expect(complete("ask-nix", "ins")).toEqual(["install"])
  })
  it("completes options: global ones, a command's own, a subcommand's", () => {
    expect(complete("ask-nix", "--exe")).toEqual(["--execute"])
    expect(complete("ask-nix", "rollback", "--t")).toEqual(["--to"])
    expect(complete("ask-nix", "--json", "index", "b")).toEqual(["build"])
    expect(complete("ask-nix", "index", "build", "--fr")).toEqual(["--from"])
    expect(complete("ask-nix", "--wiz")).toEqual([])
  })
  it("offers files for paths, shells for --completions, nothing inside a sentence", () => {
    expect(complete("ask-nix", "--profile", join(dir, "ask-nix.b"))).toEqual([join(dir, "ask-nix.bash")])
    expect(complete("ask-nix", "--completions", "")).toEqual(["bash", "fish", "zsh"])
    expect(complete("ask-nix", "please", "ins")).toEqual([])
  })
})

describeShell("zsh", (zsh) => {
  let script = ""
  beforeAll(() => { script = scriptFor("zsh") })
  // compadd and _files are zsh's completion builtins; outside a completion widget they are stood in
  // for by functions that print what they are given (the script filters by the typed prefix itself).
  const stubs = `compadd() { while (( $# )); do case $1 in (-a) print -l -- \${(P)2}; shift 2;; (-d) shift 2;; (--) shift; print -l -- "$@"; return;; (*) shift;; esac; done }; _files() { print -- '<files>' }`
  const complete = (...words: Array<string>) => {
    const quoted = words.map((w) => `'${w}'`).join(" ")
    return sorted(execFileSync(zsh, ["-f", "-c", `source ${script}; ${stubs}; words=(${quoted}); CURRENT=${words.length}; PREFIX="\${words[CURRENT]}"; _ask-nix`], { encoding: "utf8" }))
  }

  it("loads with compinit (as from $fpath) and registers _ask-nix", () => {
    const out = execFileSync(zsh, ["-f", "-c", `autoload -U compinit && compinit -u -D && source ${script} && print -- $_comps[ask-nix]`], { encoding: "utf8" })
    expect(out.trim()).toBe("_ask-nix")
  })
  it("offers the four backends after --backend (also --backend=)", () => {
    expect(complete("ask-nix", "--backend", "")).toEqual(["instructions", "native", "nix-env", "profile"])
    expect(complete("ask-nix", "--backend=nix")).toEqual(["nix-env"])
  })
  it("completes a command after global options, and options of commands", () => {
    expect(complete("ask-nix", "--execute", "ins")).toEqual(["install"])
    expect(complete("ask-nix", "rollback", "--t")).toEqual(["--to"])
    expect(complete("ask-nix", "--json", "index", "b")).toEqual(["build"])
    expect(complete("ask-nix", "--profile", "")).toEqual(["<files>"])
    expect(complete("ask-nix", "please", "ins")).toEqual([])
  })
})

describeShell("fish", (fish) => {
  let script = ""
  beforeAll(() => { script = scriptFor("fish") })
  const complete = (line: string) => sorted(execFileSync(fish, ["--no-config", "-c", `source ${script}; complete -C '${line}'`], { encoding: "utf8" }))

  it("offers the four backends after --backend", () => {
    expect(complete("ask-nix --backend ")).toEqual(["instructions", "native", "nix-env", "profile"])
  })
  it("completes a command after global options, and options of commands", () => {
    expect(complete("ask-nix --execute ins")).toEqual(["install"])
    expect(complete("ask-nix -y rem")).toEqual(["remove"])
    expect(complete("ask-nix rollback --t")).toEqual(["--to"])
    expect(complete("ask-nix --json index b")).toEqual(["build"])
    expect(complete("ask-nix index build --fr")).toEqual(["--from"])
    expect(complete("ask-nix please ins")).toEqual([])
  })
  it("never offers --wizard or --log-level", () => {
    expect(complete("ask-nix --")).not.toContain("--wizard")
    expect(complete("ask-nix install --")).not.toContain("--log-level")
  })
})
