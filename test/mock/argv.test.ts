/** Exact argv for both backends (pure builders), as nixos-rebuild-ng's tests assert them. */
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import * as E from "../../src/domain/argv/nixEnvArgv.js"
import { parseNixVersion, profileInstallVerb } from "../../src/domain/argv/NixVersion.js"
import { validateAttrPath, validateProgram } from "../../src/domain/argv/packageWord.js"
import * as P from "../../src/domain/argv/profileArgv.js"

const v = (s: string) => parseNixVersion(s)!
const flakeCtx = { version: v("2.26.3"), profile: "/tmp/p", source: { _tag: "flake", ref: "nixpkgs" }, experimental: false } as const
const fileCtx = { version: v("2.8.0"), profile: undefined, source: { _tag: "file", path: "/pk" }, experimental: true } as const

describe("nix profile argv", () => {
  it("install from a flake, with progress flags and -- before the installables", () => {
    expect(P.profileInstall(flakeCtx, ["firefox", "git"])).toEqual([
      "nix", "profile", "install", "--profile", "/tmp/p", "--log-format", "internal-json", "-v", "--", "nixpkgs#firefox", "nixpkgs#git"
    ])
  })
  it("install from a file on old Nix, with the experimental features", () => {
    expect(P.profileInstall(fileCtx, ["hello"])).toEqual([
      "nix", "--extra-experimental-features", "nix-command flakes", "profile", "install", "--log-format", "internal-json", "-v", "-f", "/pk", "--", "hello"
    ])
  })
  it("uses `add` from Nix 2.30", () => {
    expect(profileInstallVerb(v("nix (Nix) 2.30.1"))).toBe("add")
    expect(profileInstallVerb(v("nix (Nix) 2.29.0"))).toBe("install")
    expect(P.profileInstall({ ...flakeCtx, version: v("3.0.0") }, ["x"])[2]).toBe("add")
  })
  it("remove, upgrade, rollback, history, gc, shell, search, eval", () => {
    expect(P.profileRemove(flakeCtx, ["firefox"])).toEqual(["nix", "profile", "remove", "--profile", "/tmp/p", "--", "firefox"])
    expect(P.profileUpgrade(flakeCtx, "all", true)).toEqual(["nix", "profile", "upgrade", "--profile", "/tmp/p", "--log-format", "internal-json", "-v", "--all"])
    expect(P.profileUpgrade(fileCtx, "all", false)).toEqual(["nix", "--extra-experimental-features", "nix-command flakes", "profile", "upgrade", "--log-format", "internal-json", "-v", "--", ".*"])
    expect(P.profileUpgrade(fileCtx, ["0", "2"], false)).toEqual(["nix", "--extra-experimental-features", "nix-command flakes", "profile", "upgrade", "--log-format", "internal-json", "-v", "--", "0", "2"])
    expect(P.profileRollback(flakeCtx, undefined)).toEqual(["nix", "profile", "rollback", "--profile", "/tmp/p"])
    expect(P.profileRollback(flakeCtx, 3)).toEqual(["nix", "profile", "rollback", "--profile", "/tmp/p", "--to", "3"])
    expect(P.profileHistory(flakeCtx)).toEqual(["nix", "profile", "history", "--profile", "/tmp/p"])
    expect(P.storeGc(flakeCtx)).toEqual(["nix", "store", "gc"])
    expect(P.nixShell(flakeCtx, ["cowsay"], "cowsay")).toEqual(["nix", "shell", "nixpkgs#cowsay", "--command", "cowsay"])
    expect(P.nixShell(fileCtx, ["hello"], undefined)).toEqual(["nix", "--extra-experimental-features", "nix-command flakes", "shell", "-f", "/pk", "--", "hello"])
    expect(P.nixSearch(flakeCtx, "nixpkgs", "pdf")).toEqual(["nix", "search", "--json", "--", "nixpkgs", "pdf"])
    expect(P.nixEvalInfo(flakeCtx, "git")).toEqual(["nix", "eval", "--json", "--apply", P.infoApply, "--", "nixpkgs#git"])
  })
})

describe("nix-env argv", () => {
  const chan = { profile: "/tmp/e", file: undefined, channel: "nixos" } as const
  const file = { profile: undefined, file: "/pk", channel: "nixpkgs" } as const
  it("install takes the channel prefix, or the file", () => {
    expect(E.envInstall(chan, ["firefox"])).toEqual(["nix-env", "-p", "/tmp/e", "--log-format", "internal-json", "-v", "-iA", "--", "nixos.firefox"])
    expect(E.envInstall(file, ["hello"])).toEqual(["nix-env", "-f", "/pk", "--log-format", "internal-json", "-v", "-iA", "--", "hello"])
  })
  it("remove, upgrade, rollback, switch, list, delete, query, gc, shell", () => {
    expect(E.envRemove(chan, ["firefox"])).toEqual(["nix-env", "-p", "/tmp/e", "-e", "--", "firefox"])
    expect(E.envUpgrade(file, [])).toEqual(["nix-env", "-f", "/pk", "--log-format", "internal-json", "-v", "-u", "--"])
    expect(E.envUpgrade(chan, ["git"])).toEqual(["nix-env", "-p", "/tmp/e", "--log-format", "internal-json", "-v", "-u", "--", "git"])
    expect(E.envRollback(chan)).toEqual(["nix-env", "-p", "/tmp/e", "--rollback"])
    expect(E.envSwitchGeneration(chan, 4)).toEqual(["nix-env", "-p", "/tmp/e", "--switch-generation", "4"])
    expect(E.envListGenerations(file)).toEqual(["nix-env", "--list-generations"])
    expect(E.envDeleteGenerations(chan, 3)).toEqual(["nix-env", "-p", "/tmp/e", "--delete-generations", "+3"])
    expect(E.envDeleteGenerations(chan, undefined)).toEqual(["nix-env", "-p", "/tmp/e", "--delete-generations", "old"])
    expect(E.envQueryInstalled(chan)).toEqual(["nix-env", "-p", "/tmp/e", "-q", "--json", "--out-path"])
    expect(E.envQueryAvailable(chan, ["git"])).toEqual(["nix-env", "-qaA", "nixos.git", "--json", "--meta"])
    expect(E.collectGarbage).toEqual(["nix-collect-garbage"])
    expect(E.envShell(chan, ["cowsay"], "cowsay")).toEqual(["nix-shell", "-p", "cowsay", "--run", "cowsay"])
    expect(E.envShell(file, ["hello", "python3Packages.requests"], undefined)).toEqual(
      ["nix-shell", "--argstr", "file", "/pk", "--argstr", "attrs", "hello python3Packages.requests", "-E", E.tryEnvironmentExpr])
  })
})

describe("package words", () => {
  it.each(["firefox", "python3Packages.requests", "gnome.gnome-terminal", "g++", "_7zz"])("accepts %s", (w) => {
    expect(Either.isRight(validateAttrPath(w))).toBe(true)
  })
  it.each([
    "", "kde'", "-f", "--option", "a;b", "$(id)", "`id`", "a|b", "a&&b", "\"x\"", "'x'", "a b", "x#y", "../x", "a..b", ".a", "a/b", "x".repeat(201)
  ])("rejects %j", (w) => {
    expect(Either.isLeft(validateAttrPath(w))).toBe(true)
  })
  it("program names for try", () => {
    expect(Either.isRight(validateProgram("rg"))).toBe(true)
    expect(Either.isLeft(validateProgram("-rf"))).toBe(true)
    expect(Either.isLeft(validateProgram("a;b"))).toBe(true)
  })
})
