/**
 * The fault suite drives the shipped binary (bin/ask-nix.mjs) as a person or a script would: real Nix
 * (2.8 and 2.26), both backends, a throwaway profile and the fixture package set. ASK_NIX_FAULTS_BIN
 * points it at another build (how the "before" column of the fault table was measured).
 */
import { spawn, spawnSync } from "node:child_process"
import { appendFileSync, existsSync, readFileSync, readlinkSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll } from "vitest"
import { askNixBin, ensureBuilt as ensureBundle, sandboxEnv } from "../support/askNixBin.js"
import { describeNix } from "../support/describeNix.js"
import type { NixInstall } from "../support/nixInstalls.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"

export const bin = process.env["ASK_NIX_FAULTS_BIN"] ?? askNixBin

/** Build the bundle once if it is missing (npm test builds it first); another build is used as it is. */
export const ensureBuilt = () => {
  if (process.env["ASK_NIX_FAULTS_BIN"] === undefined) ensureBundle()
}

export const backends = ["profile", "nix-env"] as const
export type BackendName = (typeof backends)[number]

/**
 * One describe block per Nix (describeNix), and in it one sandbox per backend (`label-backend`) for the
 * tests `body` declares; `sandbox()` is that backend's sandbox once the tests run.
 */
export const describeNixAndBackends = (
  name: string, label: string, body: (nix: NixInstall, backend: BackendName, sandbox: () => Sandbox) => void
): void =>
  describeNix(name, (nix) => {
    beforeAll(ensureBuilt)
    for (const backend of backends) {
      let sb: Sandbox | undefined
      beforeAll(() => { sb = makeSandbox(`${label}-${backend}`) })
      afterAll(() => sb?.cleanup())
      body(nix, backend, () => sb!)
    }
  })

/**
 * The sandbox's HOME and folders, in the shared Nix store as the suite was measured (runBin's store of
 * its own is for the tests that run beside the daemon tests; the fault suite runs after them).
 */
export const envFor = sandboxEnv

/** The options every call of a sandbox gets: its profile, its package set, the backend. */
export const sandboxArgs = (sb: Sandbox, backend: BackendName): Array<string> =>
  ["--backend", backend, "--profile", sb.profile, "--file", join(sb.pkgs, "default.nix")]

export interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export const askNix = (nix: NixInstall, sb: Sandbox, args: ReadonlyArray<string>, extraEnv: Record<string, string> = {}): Run => {
  const r = spawnSync(process.execPath, [bin, ...args], { env: envFor(nix, sb, extraEnv), encoding: "utf8", timeout: 120_000 })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** A running ask-nix: its output so far, a way to wait for a line, to signal it, and its end. */
export const startAskNix = (nix: NixInstall, sb: Sandbox, args: ReadonlyArray<string>, extraEnv: Record<string, string> = {}) => {
  const child = spawn(process.execPath, [bin, ...args], { env: envFor(nix, sb, extraEnv) })
  let stdout = ""
  let stderr = ""
  const waiters: Array<{ re: RegExp; ok: () => void }> = []
  const check = () => {
    for (const w of [...waiters]) if (w.re.test(stdout + stderr)) { waiters.splice(waiters.indexOf(w), 1); w.ok() }
  }
  child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); check() })
  child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); check() })
  const done = new Promise<Run>((ok) => child.on("close", (code, signal) => ok({ code, signal, stdout, stderr })))
  return {
    pid: child.pid ?? 0,
    /** Resolves when the output matches `re`, or rejects after `ms`. */
    waitFor: (re: RegExp, ms = 60_000) => new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${re} within ${ms} ms; output:\n${stdout}${stderr}`)), ms)
      waiters.push({ re, ok: () => { clearTimeout(timer); ok() } })
      check()
    }),
    kill: (signal: NodeJS.Signals) => child.kill(signal),
    done
  }
}

/** Is `name` in the profile's current generation? (Its program is there.) */
export const hasProgram = (sb: Sandbox, name: string): boolean => existsSync(join(sb.profile, "bin", name))

/** The generation the profile is on (from its link), or undefined. */
export const currentGeneration = (sb: Sandbox): number | undefined => {
  try {
    const m = /-(\d+)-link$/.exec(readlinkSync(sb.profile))
    return m ? Number(m[1]) : undefined
  } catch {
    return undefined
  }
}

/** The version of greet in the profile ("greet 2.0" is what its program prints). */
export const greetVersion = (sb: Sandbox): string | undefined => {
  try {
    return /greet (\S+)/.exec(readFileSync(join(sb.profile, "bin", "greet"), "utf8"))?.[1]
  } catch {
    return undefined
  }
}

export { processesMentioning, sleep, waitForNoProcesses } from "../support/processes.js"

/**
 * One line per fault class for the report's table ("class, tries, failures"), when
 * ASK_NIX_FAULTS_REPORT names a file to append to.
 */
export const recordFaults = (what: string, tries: number, failures: number) => {
  const file = process.env["ASK_NIX_FAULTS_REPORT"]
  if (file !== undefined) appendFileSync(file, `${what}\t${tries}\t${failures}\n`)
}
