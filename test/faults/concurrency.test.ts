/**
 * Lost updates (issue 17, item 1): two `--execute` changes of the same profile at once, ten rounds per
 * Nix and backend. Rounds alternate two concurrent installs (greet, hello) and two concurrent removes;
 * after each round the profile holds exactly what both runs said was done. Before the profile lock,
 * the second `nix profile` run built its generation from the manifest the first one had not yet
 * switched, and one package was lost while both runs printed "Done".
 */
import { expect, it } from "vitest"
import { askNix, describeNixAndBackends, hasProgram, recordFaults, sandboxArgs, startAskNix } from "./support.js"

const rounds = 10

describeNixAndBackends("concurrent changes of one profile", "conc", (nix, backend, sandbox) => {
    it(`${backend}: ${rounds} rounds of two changes at once, every "Done" really done`, async () => {
      const sb = sandbox()
      const args = sandboxArgs(sb, backend)
      // Build both packages once, so that rounds are about the profile, not the builds.
      const first = askNix(nix, sb, [...args, "--execute", "install", "greet", "hello"])
      expect(first.code, first.stderr).toBe(0)
      const failed: Array<string> = []
      for (let round = 1; round <= rounds; round++) {
        const install = round % 2 === 0
        const verb = install ? "install" : "remove"
        const runs = await Promise.all(["greet", "hello"].map((p) => startAskNix(nix, sb, [...args, "--execute", verb, p]).done))
        const problems = runs.flatMap((r, i) => {
          const pkg = ["greet", "hello"][i]!
          if (r.code !== 0) return [`"${verb} ${pkg}" exited ${r.code}: ${r.stderr.trim().split("\n").pop()}`]
          return /Done/.test(r.stdout) && hasProgram(sb, pkg) !== install ? [`"${verb} ${pkg}" said Done, but it is ${install ? "missing" : "still there"}`] : []
        })
        if (problems.length > 0) failed.push(`round ${round}: ${problems.join("; ")}`)
        // Next round starts from the state it expects.
        if (problems.length > 0) askNix(nix, sb, [...args, "--execute", install ? "install" : "remove", "greet", "hello"])
      }
      recordFaults(`concurrent changes, nix ${nix.version}, ${backend}`, rounds, failed.length)
      expect(failed).toEqual([])
    }, 240_000)
})
