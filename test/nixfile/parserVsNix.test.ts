// The parser against Nix's own parser on real files:
// - grouping: NixOS modules with every compound expression parenthesized give the same
//   `nix-instantiate --parse` output as the originals (Nix 2.26 prints attribute sets in a stable order;
//   2.8 orders them by symbol addresses, which differ between runs, so the comparison needs 2.26);
// - accepting and rejecting: real files with one token deleted are accepted by our parser exactly when
//   Nix accepts them (on both Nix versions), leaving aside what Nix rejects for other reasons than
//   syntax (an undefined variable, a duplicate attribute).
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { afterAll, expect, it } from "vitest"
import { parseNix } from "../../src/domain/nixfile/parseNix.js"
import { tokensOf } from "../../src/domain/nixfile/syntax.js"
import { describeNix } from "../support/describeNix.js"
import { nixFiles, nixosTrees } from "../support/nixosTrees.js"
import { compareGrouping } from "../support/parenthesize.js"

const scratch = mkdtempSync(join(tmpdir(), "ask-nix-parser-vs-nix-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describeNix("parser vs nix-instantiate --parse", (nix) => {
  const trees = nixosTrees()
  const env = { ...process.env, ...nix.env }
  const instantiate = join(nix.binDir, "nix-instantiate")
  const modern = !nix.version.startsWith("2.8")

  it.runIf(modern)("groups every expression of the NixOS modules as Nix does", () => {
    const files = nixFiles(join(trees.nixpkgs, "nixos/modules"))
    const report = compareGrouping(files, trees.nixpkgs, instantiate, env, join(scratch, `paren-${nix.version}`))
    expect(files.length).toBeGreaterThan(1000)
    expect(report).toEqual({ same: files.length, different: [], rejected: [] })
  })

  it("accepts and rejects files with a token deleted as Nix does", () => {
    const files = nixFiles(join(trees.nixpkgs, "nixos/modules/services")).filter((_, i) => i % 15 === 0)
    const dir = join(scratch, `mutants-${nix.version}`)
    mkdirSync(dir, { recursive: true })
    const disagreements: Array<string> = []
    let compared = 0
    files.forEach((f, i) => {
      const text = readFileSync(f, "utf8")
      const r = parseNix(text)
      if (!r.ok) throw new Error(f)
      const tokens = tokensOf(r.root).filter((t) => t.kind !== "eof")
      const victim = tokens[(i * 7919) % tokens.length]!
      const mutant = text.slice(0, victim.start) + text.slice(victim.end)
      const path = join(dir, `${i}.nix`)
      writeFileSync(path, mutant)
      const theirs = spawnSync(instantiate, ["--parse", path], { env, encoding: "utf8" })
      const ours = parseNix(mutant).ok
      const nixOk = theirs.status === 0
      const syntaxRejection = /syntax error|unterminated|unexpected|trailing slash|end of file/i.test(theirs.stderr)
      if (!nixOk && !syntaxRejection) return // undefined variable, duplicate attribute…: not syntax
      compared++
      if (ours !== nixOk) {
        disagreements.push(`${relative(trees.nixpkgs, f)} without '${victim.text}' at ${victim.start}: nix ${nixOk ? "accepts" : "rejects"}`)
      }
    })
    expect(compared).toBeGreaterThan(40)
    expect(disagreements).toEqual([])
  })
})
