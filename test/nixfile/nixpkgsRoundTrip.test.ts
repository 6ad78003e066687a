// Every .nix file under nixpkgs 19.09's nixos/ (all NixOS modules, nixos/tests, nixos/lib: 1,461 files)
// parses, and printing its tree gives the file back byte for byte. The whole tree (16,373 files) is
// checked by `node bench/bundled.mjs bench/nixfile-roundtrip.ts`.
import { readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { parseNix } from "../../src/domain/nixfile/parseNix.js"
import { printTree } from "../../src/domain/nixfile/syntax.js"
import { nixFiles, nixosTrees } from "../support/nixosTrees.js"

describe("the parser over nixpkgs 19.09's nixos/ tree", () => {
  it("parses and prints back every file byte for byte", () => {
    const trees = nixosTrees()
    const files = nixFiles(join(trees.nixpkgs, "nixos"))
    expect(files.length).toBeGreaterThan(1400)
    expect(files.some((f) => f.includes("/nixos/tests/"))).toBe(true)
    const problems: Array<string> = []
    for (const f of files) {
      const text = readFileSync(f, "utf8")
      const r = parseNix(text)
      if (!r.ok) problems.push(`${relative(trees.nixpkgs, f)}:${r.error.line}:${r.error.column}: ${r.error.message}`)
      else if (printTree(r.root) !== text) problems.push(`${relative(trees.nixpkgs, f)}: printed differently`)
    }
    expect(problems).toEqual([])
  })
})
