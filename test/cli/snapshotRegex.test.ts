/**
 * The startup snapshot keeps the parser's regular expressions as machine code (scripts/snapshotFlags.mjs),
 * and V8 11 aborts `node --build-snapshot` on the machine code of a very long one: `npm run build` then fails
 * with "unreachable code", which focused test runs never see. This builds a snapshot of every long regular
 * expression literal in src, each compiled as the warm-up compiles it, under the snapshot's own flags.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { snapshotFlags } from "../../scripts/snapshotFlags.mjs"
import { repoRoot } from "../support/shippedBinary.js"

/** Literals shorter than this compile to little code; the ones that broke the build were ~1,100 characters. */
const LONG = 250

interface Literal { readonly where: string; readonly text: string }

const literalsIn = (dir: string): ReadonlyArray<Literal> => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name)
  if (statSync(path).isDirectory()) return literalsIn(path)
  if (!name.endsWith(".ts")) return []
  const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true)
  const found: Array<Literal> = []
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && node.getText(file).length >= LONG) {
      found.push({ where: `${path.slice(repoRoot.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`, text: node.getText(file) })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
})

/** Whether Node builds a snapshot that holds these expressions, each run once (compiled to machine code). */
const snapshots = (literals: ReadonlyArray<Literal>): boolean => {
  const dir = mkdtempSync(join(tmpdir(), "ask-nix-regex-"))
  try {
    const script = join(dir, "main.js")
    writeFileSync(script, [
      `globalThis.kept = [${literals.map((l) => l.text).join(",\n")}]`,
      `for (const r of globalThis.kept) r.test("install firefox and ripgrep please, it is not working after the update")`,
      `require("v8").startupSnapshot.setDeserializeMainFunction(() => console.log(globalThis.kept.length))`
    ].join("\n"))
    const run = spawnSync(process.execPath, [...snapshotFlags, "--snapshot-blob", join(dir, "blob"), "--build-snapshot", script], { encoding: "utf8" })
    return run.status === 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe("regular expressions in the startup snapshot", () => {
  const literals = literalsIn(join(repoRoot, "src"))

  it("finds the parser's long expressions", () => {
    expect(literals.length).toBeGreaterThan(5)
  })

  it("every long expression survives node --build-snapshot under the snapshot's flags", () => {
    // One snapshot of all of them; only when it fails, one per expression, to name the culprits.
    const broken = snapshots(literals) ? [] : literals.filter((l) => !snapshots([l])).map((l) => `${l.where} (${l.text.length} characters): write it as a list of patterns`)
    expect(broken).toEqual([])
  }, 60_000)

  it("can fail: an expression as long as the kind that broke the build is caught", () => {
    // 30 alternatives of unrolled loops, as CODE_CHANGE had grown to: its machine code is too large to keep.
    const alternatives = Array.from({ length: 30 }, (_, i) => `\\b(?:add${i}|adds${i})\\b(?: \\S+){1,6} to (?:the |our )?(?:(?!my\\b)\\S+ ){0,2}(?:cleanup${i}|script${i})\\b`)
    expect(snapshots([{ where: "made here", text: `/${alternatives.join("|")}/` }])).toBe(false)
  }, 60_000)
})
