/**
 * Closed terminals and kills during an update (issue 17, item 2), per Nix and backend: the update of
 * greet to a version that takes four seconds to build is signalled while it builds.
 *
 * SIGINT, SIGTERM, SIGHUP, SIGQUIT: ask-nix stops Nix (no Nix process of the sandbox outlives it),
 * exits 128 + the signal's number, and the profile is on the generation it was on, with every package.
 * SIGKILL cannot be handled: whatever Nix does after ask-nix is gone, the profile stays consistent
 * (every package there, at the old or the new version) because an update is one switch.
 */
import { constants } from "node:os"
import { expect, it } from "vitest"
import {
  askNix, currentGeneration, describeNixAndBackends, greetVersion, hasProgram, processesMentioning, recordFaults,
  sandboxArgs, sleep, startAskNix, waitForNoProcesses
} from "./support.js"

const signals: ReadonlyArray<NodeJS.Signals> = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGKILL"]

describeNixAndBackends("signals during an update", "sig", (nix, backend, sandbox) => {
    it(`${backend}: ${signals.join(", ")} while the new version builds`, async () => {
      const sb = sandbox()
      const args = sandboxArgs(sb, backend)
      const first = askNix(nix, sb, [...args, "--execute", "install", "greet", "hello"])
      expect(first.code, first.stderr).toBe(0)
      const failed: Array<string> = []
      for (const [i, signal] of signals.entries()) {
        sb.setGreetVersion(`2.${i}-slow`)
        const before = currentGeneration(sb)
        const oldGreet = greetVersion(sb)
        const run = startAskNix(nix, sb, [...args, "--execute", "update", "greet"])
        await run.waitFor(/slow build started|building .*greet-2\.\d-slow/)
        await sleep(300)
        run.kill(signal)
        const r = await run.done
        const problems: Array<string> = []
        if (signal === "SIGKILL") {
          // An orphaned Nix may finish or fail on its own; wait for it, then look.
          const left = await waitForNoProcesses(sb.dir, 30_000)
          if (left.length > 0) problems.push(`Nix still running 30 s after the kill: ${left.join("; ")}`)
        } else {
          const expected = 128 + constants.signals[signal]
          if (r.code !== expected) problems.push(`exit ${r.code ?? `by ${r.signal}`}, expected ${expected}`)
          await sleep(200)
          const left = processesMentioning(sb.dir)
          if (left.length > 0) problems.push(`Nix outlived ask-nix: ${left.join("; ")}`)
          await waitForNoProcesses(sb.dir, 30_000)
          if (currentGeneration(sb) !== before) problems.push(`generation ${currentGeneration(sb)}, was ${before}`)
        }
        for (const p of ["greet", "hello"]) if (!hasProgram(sb, p)) problems.push(`${p} is missing from the profile`)
        const now = greetVersion(sb)
        if (now !== oldGreet && now !== `2.${i}-slow`) problems.push(`greet is at ${now}, neither ${oldGreet} nor the new version`)
        if (problems.length > 0) {
          failed.push(`${signal}: ${problems.join("; ")}`)
          // Put the profile back together for the next signal.
          await waitForNoProcesses(sb.dir, 30_000)
          askNix(nix, sb, [...args, "--execute", "install", "greet", "hello"])
        }
      }
      recordFaults(`signals during an update, nix ${nix.version}, ${backend}`, signals.length, failed.length)
      expect(failed).toEqual([])
    }, 300_000)
})
