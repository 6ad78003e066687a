/** The system backend over a recording Nix: plans (exact argv), dry-run, privileges, answers, errors. */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Layer, Stream } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import * as os from "node:os"
import { SystemBackend } from "../../src/layers/backends/system/SystemBackend.js"
import { Clean, Generations, List, Rebuild, Rollback, Update, Install, Search, type Intent } from "../../src/domain/Intent.js"
import { userMessage } from "../../src/domain/errors.js"
import type { Outcome, Plan } from "../../src/domain/Plan.js"
import { ActivityStarted, NixError, RawLine } from "../../src/domain/ProgressEvent.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import type { NixCommand } from "../../src/services/Nix.js"
import { SystemHost } from "../../src/services/SystemHost.js"
import { makeNixosRoot, type RootOptions } from "./support/nixosRoot.js"
import { recordingNix, type Response } from "./support/recordingNix.js"
import { NodeFileSystem } from "@effect/platform-node"
import { configServices } from "../support/configServices.js"

const log = ["--log-format", "internal-json", "-v"]

interface Setup {
  readonly root?: RootOptions
  readonly onPath?: ReadonlyArray<string>
  readonly uid?: number
  readonly elevate?: string
  readonly execute?: boolean
  readonly terminal?: boolean
  readonly respond?: (cmd: NixCommand) => Response
}

const setup = (s: Setup = {}) => {
  const root = makeNixosRoot(s.root)
  const nix = recordingNix(s.onPath ?? ["nixos-rebuild", "sudo"], s.respond)
  const settings = SettingsTest({ root, execute: s.execute ?? false, interactive: s.terminal ?? false })
  const layer = Layer.mergeAll(
    nix.layer,
    settings,
    configServices(settings),
    s.execute ? DryRunPolicyExecute : DryRunPolicyDry,
    Layer.succeed(SystemHost, { uid: s.uid ?? 1000, hostname: "kestrel", elevatePreference: s.elevate }),
    NodeFileSystem.layer
  )
  const backend = Effect.provide(SystemBackend, layer)
  return { root, nix, backend }
}

const planOf = (o: Outcome): Plan => {
  if (o._tag !== "Plan") throw new Error(`expected a plan, got ${o._tag}`)
  return o.plan
}
const serve = (s: ReturnType<typeof setup>, intent: Intent) => Effect.flatMap(s.backend, (b) => b.serve(intent))
/** Under a --root other than "/", channel builds name that root's configuration.nix. */
const cfg = (s: { root: string }) => ["-I", `nixos-config=${s.root}/etc/nixos/configuration.nix`]
const argvs = (p: Plan) => p.steps.map((st) => st.argv)
const called = (s: ReturnType<typeof setup>) => s.nix.calls.map((c) => c.argv.join(" "))

describe("SystemBackend plans", () => {
  it.effect("channels, update: one elevated `switch --upgrade`, terminal attached", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true })
      const plan = planOf(yield* serve(s, new Update({ packages: [] })))
      expect(argvs(plan)).toEqual([["sudo", "nixos-rebuild", "switch", "--upgrade", ...cfg(s), ...log]])
      expect(plan.steps[0]).toMatchObject({ mutating: true, interactive: true })
      expect(plan.notes.join("\n")).toContain("Needs root: through sudo (sudo found on PATH).")
      expect(plan.preview).toMatchObject({ scope: "system", needsRoot: true, elevation: { tool: "sudo" }, config: { kind: "channels" } })
    }))

  it.effect("flakes, update: `nix flake update` in the flake folder (elevated when not writable), then switch --flake", () =>
    Effect.gen(function*() {
      const s = setup({ root: { flake: true }, onPath: ["nixos-rebuild-ng", "doas"], execute: true })
      const plan = planOf(yield* serve(s, new Update({ packages: [] })))
      const dir = path.join(s.root, "etc/nixos")
      // The temp root is ours, so the folder is writable: no doas for the lock file.
      expect(argvs(plan)).toEqual([
        ["nix", "--extra-experimental-features", "nix-command flakes", "flake", "update", ...log],
        ["doas", "nixos-rebuild-ng", "switch", "--flake", `${dir}#kestrel`, ...log]
      ])
      expect(plan.steps[0]!.cwd).toBe(dir)
    }))

  it.effect("rebuild modes as root: no elevation; build is not elevated for users either", () =>
    Effect.gen(function*() {
      const root = setup({ uid: 0, execute: true })
      expect(argvs(planOf(yield* serve(root, new Rebuild({ mode: "boot" }))))).toEqual([["nixos-rebuild", "boot", ...cfg(root), ...log]])
      const user = setup({ onPath: ["nixos-rebuild", "run0"], execute: true })
      expect(argvs(planOf(yield* serve(user, new Rebuild({ mode: "test" }))))).toEqual([["run0", "nixos-rebuild", "test", ...cfg(user), ...log]])
      const build = planOf(yield* serve(user, new Rebuild({ mode: "build" })))
      expect(argvs(build)).toEqual([["nixos-rebuild", "build", ...cfg(user), ...log]])
      expect(build.steps[0]!.interactive).toBeUndefined()
    }))

  it.effect("rollback: --rollback to the previous; generation N via the profile and switch-to-configuration", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true })
      const prev = planOf(yield* serve(s, new Rollback({})))
      expect(argvs(prev)).toEqual([["sudo", "nixos-rebuild", "switch", "--rollback", ...log]])
      expect(prev.notes[0]).toBe("From generation 42 back to 41; nothing is rebuilt.")
      const profile = path.join(s.root, "nix/var/nix/profiles/system")
      expect(argvs(planOf(yield* serve(s, new Rollback({ generation: 40 }))))).toEqual([
        ["sudo", "nix-env", "--profile", profile, "--switch-generation", "40"],
        ["sudo", `${profile}/bin/switch-to-configuration`, "switch"]
      ])
      const missing = yield* Effect.flip(serve(s, new Rollback({ generation: 7 })))
      expect(userMessage(missing)).toBe("There is no generation 7. Available: 40, 41, 42.")
      const first = setup({ root: { current: 40 } })
      expect((yield* Effect.flip(serve(first, new Rollback({}))))._tag).toBe("NothingToRollBack")
      // "go back two generations": 42 -> 40, through the profile, as for a named generation
      expect(argvs(planOf(yield* serve(s, new Rollback({ steps: 2 }))))).toEqual([
        ["sudo", "nix-env", "--profile", profile, "--switch-generation", "40"],
        ["sudo", `${profile}/bin/switch-to-configuration`, "switch"]
      ])
      expect(argvs(planOf(yield* serve(s, new Rollback({ steps: 1 }))))).toEqual(argvs(prev))
      const tooFar = yield* Effect.flip(serve(s, new Rollback({ steps: 3 })))
      expect(userMessage(tooFar)).toMatch(/^Cannot go back 3 generations: .* has only 2 generations older than the current one/)
    }))

  it.effect("install system-wide: configuration.nix edited (the flake's module), proven, then the rebuild", () =>
    Effect.gen(function*() {
      const s = setup({ root: { flake: true } })
      const file = path.join(s.root, "etc/nixos/configuration.nix")
      // the flake's nixpkgs input, locked to a folder (the module is evaluated with it)
      const nixpkgs = fs.mkdtempSync(path.join(os.tmpdir(), "ask-nix-flake-input-"))
      fs.writeFileSync(path.join(s.root, "etc/nixos/flake.lock"), JSON.stringify({
        nodes: { nixpkgs: { locked: { type: "path", path: nixpkgs }, original: { type: "path", path: nixpkgs } }, root: { inputs: { nixpkgs: "nixpkgs" } } },
        root: "root", version: 7
      }))
      const before = fs.readFileSync(file, "utf8")
      const plan = planOf(yield* serve(s, new Install({ packages: ["firefox"] })))
      expect(plan.notes.join("\n")).toContain(`<nixpkgs> is the flake's nixpkgs input (path:${nixpkgs}: ${nixpkgs})`)
      expect(plan.writes).toEqual([file])
      expect(argvs(plan)).toEqual([["sudo", "nixos-rebuild", "switch", "--flake", `${s.root}/etc/nixos#kestrel`, ...log]])
      expect(String(plan.preview?.["diff"])).toContain("+  environment.systemPackages = with pkgs; [\n+    firefox\n+  ];")
      expect(plan.notes.join("\n")).toContain("environment.systemPackages holds firefox")
      expect(plan.notes.join("\n")).toContain("nixosConfigurations.kestrel")
      // dry run: nothing written, nothing run
      expect(fs.readFileSync(file, "utf8")).toBe(before)
      expect(s.nix.calls.filter((c) => c.mutating)).toEqual([])
      expect((yield* Effect.flip(serve(s, new Search({ query: "x" }))))._tag).toBe("CannotServe")
    }))

  it.effect("install system-wide with --execute: the file is written (backup kept), then the rebuild runs", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true })
      const file = path.join(s.root, "etc/nixos/configuration.nix")
      const before = fs.readFileSync(file, "utf8")
      const b = yield* s.backend
      const plan = planOf(yield* b.serve(new Install({ packages: ["htop"] })))
      yield* Stream.runDrain(b.execute(plan))
      const result = yield* b.result!(plan)
      expect(fs.readFileSync(file, "utf8")).toContain("htop")
      expect(result.writes?.map((w) => w.path)).toEqual([file])
      expect(fs.readFileSync(result.writes![0]!.backup, "utf8")).toBe(before)
      expect(called(s)[1]).toMatch(/^sudo nixos-rebuild switch -I nixos-config=.*configuration.nix --log-format internal-json -v$/)
    }))

  it.effect("not NixOS: NotNixOS with the user-profile alternative", () =>
    Effect.gen(function*() {
      const s = setup({ root: { marker: false, osRelease: "ID=debian\n" } })
      const e = yield* Effect.flip(serve(s, new Update({ packages: [] })))
      expect(e).toMatchObject({ _tag: "NotNixOS", root: s.root, alternative: "ask-nix --user update everything" })
      expect(userMessage(e)).toContain("For your user profile, try: ask-nix --user update everything")
      expect(s.nix.calls).toEqual([])
    }))
})

describe("SystemBackend: clean and what a rollback changes", () => {
  it.effect("clean: delete old system generations, collect garbage, rewrite the boot menu", () =>
    Effect.gen(function*() {
      const s = setup({ root: { current: 41 }, execute: true })
      const profile = path.join(s.root, "nix/var/nix/profiles/system")
      const all = planOf(yield* serve(s, new Clean({})))
      expect(argvs(all)).toEqual([
        ["sudo", "nix-env", "--profile", profile, "--delete-generations", "old"],
        ["sudo", "nix-store", "--gc"],
        ["sudo", `${profile}/bin/switch-to-configuration`, "boot"]
      ])
      expect(all.notes[0]).toBe("System generations to delete: 40, 42 (keeping 41).")
      const keep2 = planOf(yield* serve(s, new Clean({ keep: 2 })))
      expect(keep2.steps[0]!.argv.slice(-2)).toEqual(["--delete-generations", "+2"])
      expect(keep2.notes[0]).toBe("System generations to delete: 40 (keeping 41, 42).")
    }))

  it.effect("a rollback plan says what going back changes", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true })
      const plan = planOf(yield* serve(s, new Rollback({ generation: 40 })))
      expect(plan.notes).toContain(
        "Going to generation 40 changes: nixos 24.05.20240615.5678def -> 24.05.20240601.aaaaaaa; kernel 6.6.32 -> 6.6.30; firefox 127.0 -> 126.0; git 2.45.1 -> 2.44.0; + htop 3.3.0; - vim 9.1.0200."
      )
    }))

  it.effect("dry-run update: flakes previewed with a fresh lock file that is not written; channels explain why not", () =>
    Effect.gen(function*() {
      const f = setup({ root: { flake: true } })
      yield* serve(f, new Update({ packages: [] }))
      expect(f.nix.calls.map((c) => [c.argv, c.mutating])).toEqual([[
        ["nixos-rebuild", "dry-build", "--recreate-lock-file", "--no-write-lock-file", "--flake", `${f.root}/etc/nixos#kestrel`, ...log], false
      ]])
      const c = setup()
      const plan = planOf(yield* serve(c, new Update({ packages: [] })))
      expect(c.nix.calls).toEqual([])
      expect(plan.notes[plan.notes.length - 1]).toBe("No preview: the channels are updated first, so what would be downloaded is known only then.")
    }))
})

describe("SystemBackend answers", () => {
  it.effect("generations with labels, current marker and what changed", () =>
    Effect.gen(function*() {
      const s = setup({ root: { current: 41 } })
      const o = yield* serve(s, new Generations({}))
      if (o._tag !== "Answer" || o.answer._tag !== "generations") throw new Error("expected generations")
      expect(o.answer.profile).toBe(path.join(s.root, "nix/var/nix/profiles/system"))
      expect(o.answer.generations.map((g) => `${g.number}${g.current ? "*" : ""} ${g.label}`)).toEqual([
        "40 NixOS 24.05.20240601.aaaaaaa, Linux 6.6.30",
        "41* NixOS 24.05.20240607.1234abc, Linux 6.6.32",
        "42 NixOS 24.05.20240615.5678def, Linux 6.6.32"
      ])
      expect(o.answer.diffs?.map((d) => [d.from, d.to, d.added.length, d.removed.length, d.changed.length])).toEqual([[40, 41, 1, 1, 3], [41, 42, 0, 0, 2]])
      expect(s.nix.calls).toEqual([])
    }))

  it.effect("list: the current system generation's packages", () =>
    Effect.gen(function*() {
      const o = yield* serve(setup(), new List({}))
      if (o._tag !== "Answer" || o.answer._tag !== "list") throw new Error("expected list")
      expect(o.answer.packages.map((p) => `${p.name} ${p.version}`)).toEqual(["firefox 127.0", "git 2.45.1", "vim 9.1.0200"])
    }))
})

describe("SystemBackend dry run", () => {
  const dryBuild = (cmd: NixCommand): Response => cmd.argv.includes("dry-build")
    ? { stderr: 'building the system configuration...\n@nix {"action":"msg","level":0,"msg":"these 2 derivations will be built:"}\n@nix {"action":"msg","level":0,"msg":"  /nix/store/m1s4s5hmbpzyhskjxdhrpz13wq4swq2n-nixos-system-kestrel.drv"}\n@nix {"action":"msg","level":0,"msg":"  /nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"}\n' }
    : {}

  it.effect("serving a switch runs only dry-build (read-only) and puts its preview in the plan", () =>
    Effect.gen(function*() {
      const s = setup({ root: { flake: true }, respond: dryBuild })
      const plan = planOf(yield* serve(s, new Rebuild({ mode: "switch" })))
      expect(s.nix.calls.map((c) => [c.argv, c.mutating])).toEqual([
        [["nixos-rebuild", "dry-build", "--flake", `${s.root}/etc/nixos#kestrel`, ...log], false]
      ])
      expect(plan.notes).toContain("Preview (nixos-rebuild dry-build): 2 derivations would be built.")
      expect(plan.preview?.["dryBuild"]).toMatchObject({
        willBuild: ["/nix/store/m1s4s5hmbpzyhskjxdhrpz13wq4swq2n-nixos-system-kestrel.drv", "/nix/store/rys5r50kz8lq9qqvpn0k1yalnx97321s-etc.drv"],
        willFetch: []
      })
    }))

  it.effect("executing under the dry-run policy never calls switch, boot or test", () =>
    Effect.gen(function*() {
      for (const intent of [new Rebuild({ mode: "switch" }), new Rebuild({ mode: "boot" }), new Rebuild({ mode: "test" }), new Update({ packages: [] }), new Rollback({ generation: 40 })]) {
        const s = setup({ root: { flake: true }, respond: dryBuild })
        const b = yield* s.backend
        const plan = planOf(yield* b.serve(intent))
        yield* Stream.runDrain(b.execute(plan))
        const mutating = s.nix.calls.filter((c) => c.mutating || ["switch", "boot", "test", "--switch-generation"].some((w) => c.argv.includes(w)))
        expect(mutating).toEqual([])
      }
    }))

  it.effect("a configuration error shows at preview time, before --execute", () =>
    Effect.gen(function*() {
      const err = '@nix {"action":"msg","column":5,"file":"/etc/nixos/configuration.nix:9:5","level":0,"line":9,"msg":"\\u001b[31;1merror:\\u001b[0m undefined variable \'firefox\'\\n       \\u001b[34;1mat \\u001b[35;1m/etc/nixos/configuration.nix:9:5\\u001b[0m:\\n            8|     pkgs.git\\n            9|     firefox\\n             |     \\u001b[31;1m^\\u001b[0m\\n           10|   ];"}'
      const s = setup({ respond: (c) => (c.argv.includes("dry-build") ? { exitCode: 1, stderr: `building the system configuration...\n${err}\n` } : {}) })
      const e = yield* Effect.flip(serve(s, new Rebuild({ mode: "switch" })))
      expect(userMessage(e).split("\n")[0]).toBe("Your NixOS configuration has an error in /etc/nixos/configuration.nix:9:5: undefined variable 'firefox' (nixos-rebuild dry-build -I exited with code 1)")
      expect(userMessage(e)).toContain("Nothing was changed: the system is still on generation 42.")
    }))
})

describe("SystemBackend execution and privileges", () => {
  const events = [new RawLine({ line: "building the system configuration..." }), new ActivityStarted({ id: 5, activity: "build", text: "building '/nix/store/x.drv'", parent: 0, fields: [] }), new RawLine({ line: "activating the configuration..." })]

  it.effect("no terminal and sudo wants a password: PrivilegeRequired at once, nothing run", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true, terminal: false, respond: (c) => (c.argv.join(" ") === "sudo -n true" ? { exitCode: 1 } : {}) })
      const b = yield* s.backend
      const plan = planOf(yield* b.serve(new Update({ packages: [] })))
      const e = yield* Effect.flip(Stream.runDrain(b.execute(plan)))
      expect(e._tag).toBe("PrivilegeRequired")
      expect(userMessage(e)).toContain("sudo wants a password and there is no terminal")
      expect(called(s)).toEqual(["sudo -n true"])
    }))

  it.effect("passwordless sudo: streamed with progress and rebuild phases; doas/run0 probes", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true, respond: (c) => (c.argv.includes("switch") ? { events } : {}) })
      const b = yield* s.backend
      const plan = planOf(yield* b.serve(new Rebuild({ mode: "switch" })))
      const out = Chunk.toReadonlyArray(yield* Stream.runCollect(b.execute(plan)))
      expect(out.map((e) => e._tag === "PhaseChanged" ? `phase:${e.phase}` : e._tag)).toEqual([
        "StepStarted", "phase:evaluating", "RawLine", "phase:building", "ActivityStarted", "phase:activating", "RawLine"
      ])
      expect(s.nix.calls.map((c) => [c.argv.join(" "), c.interactive ?? false])).toEqual([
        ["sudo -n true", false],
        [["sudo", "nixos-rebuild", "switch", ...cfg(s), ...log].join(" "), false]
      ])
      const doas = setup({ execute: true, onPath: ["nixos-rebuild", "doas"] })
      const bd = yield* doas.backend
      yield* Stream.runDrain(bd.execute(planOf(yield* bd.serve(new Rebuild({ mode: "boot" })))))
      expect(called(doas)[0]).toBe("doas -n true")
      const run0 = setup({ execute: true, onPath: ["nixos-rebuild", "run0"] })
      const br = yield* run0.backend
      yield* Stream.runDrain(br.execute(planOf(yield* br.serve(new Rebuild({ mode: "test" })))))
      expect(called(run0)[0]).toBe("run0 --no-ask-password true")
    }))

  it.effect("a terminal and a password: the step runs with the terminal attached (readable output, no internal-json)", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true, terminal: true, respond: (c) => (c.argv.join(" ") === "sudo -n true" ? { exitCode: 1 } : {}) })
      const b = yield* s.backend
      yield* Stream.runDrain(b.execute(planOf(yield* b.serve(new Rebuild({ mode: "switch" })))))
      expect(s.nix.calls[1]).toMatchObject({ argv: ["sudo", "nixos-rebuild", "switch", ...cfg(s)], interactive: true, mutating: true })
    }))

  it.effect("as root: no probe, no prefix; no sudo/doas/run0 at all: PrivilegeRequired", () =>
    Effect.gen(function*() {
      const s = setup({ execute: true, uid: 0 })
      const b = yield* s.backend
      yield* Stream.runDrain(b.execute(planOf(yield* b.serve(new Rollback({})))))
      expect(called(s)).toEqual([["nixos-rebuild", "switch", "--rollback", ...log].join(" ")])
      const none = setup({ execute: true, onPath: ["nixos-rebuild"] })
      const bn = yield* none.backend
      const e = yield* Effect.flip(Stream.runDrain(bn.execute(planOf(yield* bn.serve(new Rollback({}))))))
      expect(userMessage(e)).toContain("there is no sudo, doas or run0 on PATH")
      expect(none.nix.calls).toEqual([])
    }))

  it.effect("an evaluation error during --execute: file and line, system unchanged", () =>
    Effect.gen(function*() {
      const s = setup({
        execute: true, uid: 0,
        respond: (c) => c.argv.includes("switch")
          ? { exitCode: 1, events: [new NixError({ text: "error: undefined variable 'pkgs'\n       at /etc/nixos/hardware.nix:3:7:\n            2| {\n            3|   boot = pkgs.x;\n             |       ^" })] }
          : {}
      })
      const b = yield* s.backend
      const plan = planOf(yield* b.serve(new Rebuild({ mode: "switch" })))
      const e = yield* Effect.flip(Stream.runDrain(b.execute(plan)))
      expect(userMessage(e)).toContain("Your NixOS configuration has an error in /etc/nixos/hardware.nix:3:7: undefined variable 'pkgs'")
      expect(userMessage(e)).toContain("Nothing was changed: the system is still on generation 42.")
      const r = yield* b.result!(plan)
      expect(r).toMatchObject({ generationBefore: 42, generationAfter: 42 })
    }))
})
