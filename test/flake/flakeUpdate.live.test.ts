/**
 * `flake update` through the shipped binary on real Nix 2.8 and 2.26, on real flakes whose inputs are
 * a local git repository and a local folder: the plan shows each input's old and new revision and
 * date before anything is written, flake.lock changes only with --execute (and only the inputs
 * asked for), and bad input (an unknown input, a folder that is not a flake, a flake.nix that does
 * not parse) gives a clear message and exit code 2 with flake.lock untouched.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { beforeAll, expect, it } from "vitest"
import { describeNix } from "../support/describeNix.js"
import { makeNixosRoot } from "../system/support/nixosRoot.js"
import { makeFlakes, type Flakes } from "./support.js"

const root = resolve(__dirname, "../..")
const bin = join(root, "bin/ask-nix.mjs")

describeNix("flake update on real flakes", (nix) => {
  beforeAll(() => {
    if (!existsSync(join(root, "dist/ask-nix.cjs"))) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" })
  })

  const run = (f: Flakes, args: ReadonlyArray<string>, cwd = f.top) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd, encoding: "utf8",
      env: { ...process.env, ...nix.env, PATH: `${nix.binDir}:${process.env["PATH"]}`, HOME: f.dir, XDG_CACHE_HOME: join(f.dir, "cache"), XDG_STATE_HOME: join(f.dir, "state") }
    })
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("{"))
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, last: lines.length > 0 ? JSON.parse(lines[lines.length - 1]!) : undefined }
  }

  /** top locked at dep1's first commit; then dep1 gets a second commit and dep2 new contents. */
  const lockedThenMoved = () => {
    const f = makeFlakes()
    const rev1 = f.commit("2024-01-02")
    const locked = spawnSync(join(nix.binDir, "nix"), ["flake", "lock", f.top], { encoding: "utf8", env: { ...process.env, ...nix.env, HOME: f.dir } })
    expect(locked.status, locked.stderr).toBe(0)
    const rev2 = f.commit("2024-02-03")
    f.touchDep2("second")
    return { f, rev1, rev2 }
  }

  it("a sentence: the plan shows the input's old and new revision and date; flake.lock is not touched", () => {
    const { f, rev1, rev2 } = lockedThenMoved()
    const before = f.lockText()
    const r = run(f, ["update dep1 in my flake"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`dep1 (git+file://${f.dep1}): ${rev1.slice(0, 7)} (2024-01-02) -> ${rev2.slice(0, 7)} (2024-02-03)`)
    expect(r.stdout).toContain("unchanged: dep2")
    expect(r.stdout).toContain("Plan (dry run, nothing changed)")
    expect(f.lockText()).toBe(before)
  })

  it("--json: the lock diff per input, the argv for this Nix version, and --execute writes only the input asked for", () => {
    const { f, rev1, rev2 } = lockedThenMoved()
    const dep2Before = f.lock().nodes["dep2"]!.locked!["narHash"]
    const dry = run(f, ["--json", "flake", "update", "dep1"])
    expect(dry.code, dry.stderr).toBe(0)
    const modern = nix.version.startsWith("2.26")
    expect(dry.last.plan[0].argv).toEqual(modern
      ? ["nix", "flake", "update", "dep1", "--flake", f.top]
      : ["nix", "flake", "lock", "--update-input", "dep1", f.top])
    expect(dry.last.preview.previewArgv.slice(0, 4)).toEqual(modern ? ["nix", "flake", "update", "dep1"] : ["nix", "flake", "metadata", "--json"])
    expect(dry.last.preview.lock).toEqual([
      { input: "dep1", source: `git+file://${f.dep1}`, status: "updated", from: { id: rev1.slice(0, 7), rev: rev1, date: "2024-01-02" }, to: { id: rev2.slice(0, 7), rev: rev2, date: "2024-02-03" } },
      expect.objectContaining({ input: "dep2", status: "unchanged" })
    ])

    const done = run(f, ["--json", "--execute", "flake", "update", "dep1"])
    expect(done.code, done.stderr).toBe(0)
    expect(f.lock().nodes["dep1"]!.locked!["rev"]).toBe(rev2)
    expect(f.lock().nodes["dep2"]!.locked!["narHash"]).toBe(dep2Before)
  })

  it("every input, from another folder with --flake-dir: the path input moves too", () => {
    const { f, rev2 } = lockedThenMoved()
    const dep2Before = f.lock().nodes["dep2"]!.locked!["narHash"]
    const r = run(f, ["--execute", "--flake-dir", f.top, "update my flake inputs"], f.dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`Flake: ${f.top} (--flake-dir)`)
    expect(f.lock().nodes["dep1"]!.locked!["rev"]).toBe(rev2)
    expect(f.lock().nodes["dep2"]!.locked!["narHash"]).not.toBe(dep2Before)
    // Nothing left to update: the next plan says so and has no step.
    const again = run(f, ["--json", "flake", "update"])
    expect(again.last.plan).toEqual([])
    expect(again.last.notes).toContain("flake.lock would not change: every input is already at its newest revision.")
  })

  it("a flake without a lock: the plan says it creates one, and the dry run creates none", () => {
    const f = makeFlakes()
    const rev = f.commit("2024-03-04")
    const r = run(f, ["--json", "flake", "update"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.last.notes).toContain("It has no flake.lock yet: this creates it.")
    expect(r.last.preview.lock[0]).toMatchObject({ input: "dep1", status: "added", from: null, to: { rev, date: "2024-03-04" } })
    expect(f.lockText()).toBeUndefined()
  })

  it("an unknown input: exit 2, did-you-mean and the flake's inputs; flake.lock untouched", () => {
    const { f } = lockedThenMoved()
    const before = f.lockText()
    const r = run(f, ["flake", "update", "dep3"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`The flake in ${f.top} has no input "dep3". Did you mean: dep1, dep2? Its inputs: dep1, dep2. Nothing was changed.`)
    const executed = run(f, ["--execute", "update depp1 in my flake"])
    expect(executed.code).toBe(2)
    expect(executed.stderr).toContain('has no input "depp1". Did you mean: dep1, dep2?')
    expect(f.lockText()).toBe(before)
  })

  it("not a flake, and a flake.nix that does not parse: exit 2 with the reason", () => {
    const f = makeFlakes()
    const none = run(f, ["--execute", "flake", "update"], f.dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain(`${f.dir} is not a flake (there is no flake.nix in ${f.dir})`)
    writeFileSync(join(f.top, "flake.nix"), "{ inputs = ; }\n")
    const broken = run(f, ["--json", "flake", "update"])
    expect(broken.code).toBe(2)
    expect(broken.last.error.type).toBe("NotAFlake")
    expect(broken.last.error.message).toMatch(/Nix cannot read it as a flake: syntax error/)
    expect(f.lockText()).toBeUndefined()
  })

  it("the system's flake (--root's etc/nixos): the plan says how to apply it, --execute writes its lock; a channels system is refused", () => {
    const f = makeFlakes()
    const rev = f.commit("2024-01-02")
    const nixos = makeNixosRoot({ flake: true })
    const dir = join(nixos, "etc/nixos")
    writeFileSync(join(dir, "flake.nix"), readFileSync(join(f.top, "flake.nix"), "utf8"))
    const dry = run(f, ["--json", "--root", nixos, "update my system flake"])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.last).toMatchObject({ backend: "system", scope: "system" })
    expect(dry.last.plan[0].argv).toEqual(nix.version.startsWith("2.26") ? ["nix", "flake", "update", "--flake", dir] : ["nix", "flake", "update", dir])
    expect(dry.last.notes).toContain(`Then apply it: nixos-rebuild switch --flake ${dir}#kestrel --log-format internal-json -v (ask-nix --system apply my config).`)
    expect(existsSync(join(dir, "flake.lock"))).toBe(false)
    const done = run(f, ["--root", nixos, "--system", "--execute", "flake", "update"])
    expect(done.code, done.stderr).toBe(0)
    expect(done.stdout).toContain("flake.lock is updated; the system is not rebuilt yet.")
    expect(JSON.parse(readFileSync(join(dir, "flake.lock"), "utf8")).nodes.dep1.locked.rev).toBe(rev)

    const channels = makeNixosRoot()
    const refused = run(f, ["--root", channels, "--system", "flake", "update"])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("the system uses channels")
  })

  it("home-manager's flake (~/.config/home-manager/flake.nix) for \"my home-manager flake\"", () => {
    const f = makeFlakes()
    f.commit("2024-01-02")
    const dir = join(f.dir, ".config/home-manager")
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "flake.nix"), readFileSync(join(f.top, "flake.nix"), "utf8"))
    const r = run(f, ["--json", "update dep1 in my home-manager flake"], f.dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.last).toMatchObject({ backend: "home-manager", scope: "home", preview: { flakeDir: dir } })
    expect(r.last.notes).toContain(`Flake: ${dir} (home-manager's flake).`)
  })
})
