/** The internal-json parser and failure mapping on logs captured from real Nix 2.8 and 2.26. */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { classifyFailure } from "../../src/domain/nixlog/classifyFailure.js"
import { describeDryRun, parseDryRun } from "../../src/domain/nixlog/dryRunReport.js"
import { makeLogParser, parseLog } from "../../src/domain/nixlog/LogParser.js"

const log = (name: string) => readFileSync(resolve(__dirname, "../fixtures/nixlog", name), "utf8").split("\n")

describe.each(["2.8", "2.26"])("internal-json from Nix %s", (v) => {
  it("install: activities, builds progress, build log lines, stops", () => {
    const events = parseLog(log(`profile-install-${v}.stderr`))
    const builds = events.filter((e) => e._tag === "ActivityStarted" && e.activity === "build")
    expect(builds.length).toBe(2)
    expect(events.filter((e) => e._tag === "BuildLogLine").map((e) => e._tag === "BuildLogLine" && e.line)).toEqual(
      ["slow step 1", "slow step 2", "slow step 3", "slow step 4"]
    )
    const progress = events.filter((e) => e._tag === "ActivityProgress" && e.activity === "builds")
    const last = progress[progress.length - 1]
    expect(last && last._tag === "ActivityProgress" && [last.done, last.expected]).toEqual([2, 2])
    const started = events.filter((e) => e._tag === "ActivityStarted").length
    expect(events.filter((e) => e._tag === "ActivityStopped").length).toBeGreaterThanOrEqual(started)
    expect(events.some((e) => e._tag === "RawLine")).toBe(false)
  })

  it("a failed build maps to BuildFailed with the log tail", () => {
    const lines = log(`nixenv-broken-${v}.stderr`)
    const e = classifyFailure({ argv: ["nix-env", "-iA", "broken"], exitCode: 1, stderr: lines })
    expect(e._tag).toBe("BuildFailed")
    if (e._tag === "BuildFailed") {
      expect(e.derivation).toMatch(/^\/nix\/store\/[0-9a-z]{32}-broken-0\.1\.drv$/)
      expect(e.logTail).toEqual(["compiling broken...", "error: the broken package cannot be built"])
    }
  })
})

describe("LogParser", () => {
  it("strips colours, keeps non-JSON lines as RawLine, survives broken JSON", () => {
    const p = makeLogParser()
    expect(p.feed(`@nix {"action":"msg","level":0,"msg":"\\u001b[31;1merror:\\u001b[0m boom"}`)).toMatchObject([{ _tag: "NixError", text: "error: boom" }])
    expect(p.feed("plain text")).toMatchObject([{ _tag: "RawLine", line: "plain text" }])
    expect(p.feed("@nix {broken")).toMatchObject([{ _tag: "RawLine" }])
    expect(p.feed("")).toEqual([])
    expect(p.feed(`@nix {"action":"start","id":5,"type":101,"text":"downloading"}`)).toMatchObject([{ _tag: "ActivityStarted", activity: "fileTransfer", parent: 0 }])
    expect(p.feed(`@nix {"action":"result","id":5,"type":105,"fields":[100,400,0,0]}`)).toMatchObject([{ _tag: "ActivityProgress", activity: "fileTransfer", done: 100, expected: 400 }])
    expect(p.feed(`@nix {"action":"result","id":5,"type":104,"fields":["unpackPhase"]}`)).toMatchObject([{ _tag: "PhaseChanged", phase: "unpackPhase" }])
  })
})

describe("classifyFailure", () => {
  const f = (stderr: ReadonlyArray<string>, argv: ReadonlyArray<string> = ["nix", "profile", "install", "--profile", "/p", "nixpkgs#x"]) =>
    classifyFailure({ argv, exitCode: 1, stderr })
  it.each([
    ["error: attribute 'nope' in selection path 'nope' not found", "PackageNotFound"],
    ["error: flake 'flake:nixpkgs' does not provide attribute 'packages.x86_64-linux.nope', 'legacyPackages.x86_64-linux.nope' or 'nope'", "PackageNotFound"],
    ["error: experimental Nix feature 'nix-command' is disabled; use '--extra-experimental-features nix-command' to override", "ExperimentalFeatureDisabled"],
    ["error: opening lock file '/p.lock': Permission denied", "ProfileNotWritable"],
    ["error: could not acquire lock on '/p'", "ProfileLocked"],
    ["error: profile '/p' is incompatible with 'nix-env'; please use 'nix profile' instead", "ManifestUnsupported"],
    ["error: something else entirely", "NixFailed"]
  ])("%s -> %s", (line, tag) => {
    expect(f([line])._tag).toBe(tag)
  })
  it("names the missing package", () => {
    const e = f(["error: flake 'flake:nixpkgs' does not provide attribute 'packages.x86_64-linux.fierfox', 'legacyPackages.x86_64-linux.fierfox' or 'fierfox'"])
    expect(e._tag === "PackageNotFound" && [e.name, e.where]).toEqual(["fierfox", "flake:nixpkgs"])
  })
  it("NixFailed keeps the command and the stderr tail", () => {
    const e = f(["warning: x", "error: boom"])
    expect(e._tag === "NixFailed" && [e.message, e.stderrTail, e.exitCode]).toEqual(["boom", ["warning: x", "error: boom"], 1])
  })
})

describe("dry-run report", () => {
  it("reads what would be built and fetched (Nix 2.8 / 2.26 wording)", () => {
    const r = parseDryRun([
      "(dry run; not doing anything)",
      "installing 'greet-1.0'",
      "these 2 derivations will be built:",
      "  /nix/store/g9v217z29jgpxllmkic3h56144xkkzg8-hello-2.12.drv",
      "  /nix/store/kq6zamvqc8was79nwa1s6nb4b8gm630w-greet-1.0.drv",
      "these 3 paths will be fetched (1.50 MiB download, 6.25 MiB unpacked):",
      "  /nix/store/aq6zamvqc8was79nwa1s6nb4b8gm630w-glibc-2.39-52",
      "  /nix/store/bq6zamvqc8was79nwa1s6nb4b8gm630w-bash-5.2p26",
      "  /nix/store/cq6zamvqc8was79nwa1s6nb4b8gm630w-zlib-1.3.1"
    ].join("\n"))
    expect(r).toEqual({ build: ["hello-2.12", "greet-1.0"], fetch: ["glibc-2.39-52", "bash-5.2p26", "zlib-1.3.1"], downloadMiB: 1.5, unpackedMiB: 6.25, upgrades: [] })
    expect(describeDryRun(r)).toEqual(["Would build 2 packages: hello-2.12, greet-1.0.", "Would download 3 paths (1.5 MiB, 6.25 MiB unpacked)."])
    expect(describeDryRun(parseDryRun(""))).toEqual(["Everything needed is already in the store: nothing to build or download."])
  })
})
