/** The pure half of home-manager: where it keeps things, the words that name it, the scope, and its plans. */
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { Generations, Install, Rebuild, Rollback, type Understood } from "../../src/domain/Intent.js"
import type { HomeInfo } from "../../src/domain/home/HomeInfo.js"
import { homePaths, userDirsFrom } from "../../src/domain/home/HomePaths.js"
import { rollbackPlan, switchPlan, type HomeGeneration } from "../../src/domain/home/homePlans.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { decideScope } from "../../src/domain/system/decideScope.js"

describe("where home-manager keeps things", () => {
  it("the user's folders from the environment, defaults as home-manager has them", () => {
    expect(userDirsFrom({ USER: "alice" }, "/home/alice")).toEqual({
      user: "alice", home: "/home/alice", configHome: "/home/alice/.config", stateHome: "/home/alice/.local/state"
    })
    expect(userDirsFrom({ LOGNAME: "bob", XDG_CONFIG_HOME: "/c", XDG_STATE_HOME: "/s" }, "/home/bob")).toMatchObject({ user: "bob", configHome: "/c", stateHome: "/s" })
  })

  it("profiles (new place first), home.nix in 19.09's and newer places, the module's unit; system paths and the home configuration under --root", () => {
    const p = homePaths(userDirsFrom({ USER: "alice" }, "/home/alice"), "/mnt")
    expect(p.profiles).toEqual(["/home/alice/.local/state/nix/profiles/home-manager", "/mnt/nix/var/nix/profiles/per-user/alice/home-manager"])
    expect(p.configFiles).toEqual(["/mnt/home/alice/.config/home-manager/home.nix", "/mnt/home/alice/.config/nixpkgs/home.nix", "/mnt/home/alice/.nixpkgs/home.nix"])
    expect(p.flakeDirs).toEqual(["/mnt/home/alice/.config/home-manager", "/mnt/home/alice/.config/nixpkgs"])
    expect(homePaths(userDirsFrom({ USER: "alice" }, "/home/alice"), "/").configFiles[0]).toBe("/home/alice/.config/home-manager/home.nix")
    expect(p.moduleUnit).toBe("/mnt/etc/systemd/system/home-manager-alice.service")
  })
})

describe("the words: home-manager as the place a request applies", () => {
  const rows: ReadonlyArray<readonly [string, string, "home" | "user" | "system"]> = [
    ["list my home-manager generations", "generations", "home"],
    ["home-manager generations", "generations", "home"],
    ["show home manager generations", "generations", "home"],
    ["roll back home-manager", "rollback", "home"],
    ["rollback my home config", "rollback", "home"],
    ["undo the last home-manager switch", "rollback", "home"],
    ["switch home-manager", "rebuild", "home"],
    ["home-manager switch", "rebuild", "home"],
    ["apply my home.nix", "rebuild", "home"],
    ["i edited my home.nix", "rebuild", "home"],
    ["build my home-manager config", "rebuild", "home"],
    ["apply my config", "rebuild", "system"],
    ["roll back", "rollback", "user"],
    ["update home-manager", "update", "user"],
    ["install home-manager", "install", "user"],
    ["what is home-manager", "info", "user"]
  ]
  it.each(rows)("%s -> %s (%s)", (text, kind, scope) => {
    const u = parseRequest(text)
    expect(u.intent._tag).toBe(kind)
    expect(decideScope(u, { scope: undefined }).scope).toBe(scope)
  })

  it("'go back two home-manager generations' keeps its count; 'build' is home-manager build", () => {
    expect(parseRequest("go back two home-manager generations").intent).toEqual(new Rollback({ steps: 2 }))
    expect(parseRequest("home-manager build").intent).toEqual(new Rebuild({ mode: "build" }))
  })
})

describe("the scope", () => {
  const u = (intent: Understood["intent"], scope?: "user" | "system" | "home"): Understood => ({ intent, confidence: 0.9, notes: [], corrections: [], scope })

  it("--home and a request naming home-manager choose home for kinds with a home-manager form; explicit flags win over words", () => {
    expect(decideScope(u(new Generations({})), { scope: "home" })).toEqual({ scope: "home", reason: "--home was given" })
    expect(decideScope(u(new Rebuild({ mode: "switch" }), "home"), { scope: undefined })).toEqual({ scope: "home", reason: "the request names home-manager" })
    expect(decideScope(u(new Rollback({}), "home"), { scope: "system" }).scope).toBe("system")
    expect(decideScope(u(new Rollback({}), "home"), { scope: "user" }).scope).toBe("user")
    expect(decideScope(u(new Rebuild({ mode: "switch" })), { scope: "user" }).scope).toBe("system")
  })

  it("--home on a package request goes to home-manager, which says how (editing home.nix is not here yet)", () => {
    expect(decideScope(u(new Install({ packages: ["git"] })), { scope: "home" }).scope).toBe("home")
  })
})

describe("plans", () => {
  const info: HomeInfo = {
    user: "alice", paths: homePaths(userDirsFrom({ USER: "alice" }, "/home/alice"), "/"), mode: "standalone", reason: "the home-manager command (/bin/home-manager)",
    profile: "/home/alice/.local/state/nix/profiles/home-manager", command: "/bin/home-manager", configFile: "/home/alice/.config/home-manager/home.nix", flakeDir: undefined
  }
  const gens: ReadonlyArray<HomeGeneration> = [
    { number: 7, date: "2024-05-01T10:00:00.000Z", current: false, storePath: "/nix/store/aaaa-home-manager-generation" },
    { number: 9, date: "2024-05-03T10:00:00.000Z", current: false, storePath: "/nix/store/bbbb-home-manager-generation" },
    { number: 10, date: "2024-05-04T10:00:00.000Z", current: true, storePath: "/nix/store/cccc-home-manager-generation" }
  ]

  it("rollback runs the target generation's own activate (the previous one, skipping gaps), no root, no build", () => {
    const plan = Either.getOrThrow(rollbackPlan(info, new Rollback({}), gens, false))
    expect(plan.steps).toEqual([{ argv: ["/nix/store/bbbb-home-manager-generation/activate"], mutating: true, interactive: undefined, description: "activate home-manager generation 9 (2024-05-03)" }])
    expect(plan.notes[1]).toBe("home-manager records the activation as a new generation (11) with generation 9's files and packages.")
    expect(Either.getOrThrow(rollbackPlan(info, new Rollback({ steps: 2 }), gens, true)).steps[0]).toMatchObject({ argv: ["/nix/store/aaaa-home-manager-generation/activate"], interactive: true })
    expect(Either.isLeft(rollbackPlan(info, new Rollback({ generation: 8 }), gens, false))).toBe(true)
  })

  it("switch and build are home-manager's own commands; test, boot and dry-build it has not", () => {
    expect(switchPlan(info, new Rebuild({ mode: "switch" }), false)?.steps[0]?.argv).toEqual(["home-manager", "switch"])
    expect(switchPlan(info, new Rebuild({ mode: "build" }), false)?.steps[0]?.argv).toEqual(["home-manager", "build"])
    expect(switchPlan(info, new Rebuild({ mode: "boot" }), false)).toBeUndefined()
  })
})
