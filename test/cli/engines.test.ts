/**
 * package.json's `engines` is the oldest Node the code runs on: the newest of the Node APIs it uses
 * (a table of the ones that came late), and the launcher refuses older Nodes with the same version.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot } from "../support/shippedBinary.js"

/** Node APIs newer than Node 20.0 (or used here and added in 18+), with the release that added them. */
const lateApis: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp; readonly since: readonly [number, number] }> = [
  { name: "zlib.crc32", pattern: /\bcrc32\b[^\n]*from "node:zlib"|from "node:zlib"[^\n]*\bcrc32\b|import \{[^}]*\bcrc32\b[^}]*\} from "node:zlib"/, since: [20, 15] },
  { name: "fs.statfs", pattern: /\bstatfs\b/, since: [18, 15] },
  { name: "import.meta.dirname", pattern: /import\.meta\.(dirname|filename)/, since: [20, 11] },
  { name: "util.styleText", pattern: /\bstyleText\b/, since: [20, 12] },
  { name: "Object.groupBy / Map.groupBy", pattern: /\b(Object|Map)\.groupBy\(/, since: [21, 0] },
  { name: "Promise.withResolvers", pattern: /Promise\.withResolvers\(/, since: [22, 0] },
  { name: "Set methods", pattern: /\.(union|intersection|symmetricDifference|isSubsetOf)\(new Set/, since: [22, 0] },
  { name: "node:sqlite", pattern: /"node:sqlite"/, since: [22, 5] },
  { name: "process.getBuiltinModule", pattern: /getBuiltinModule\(/, since: [22, 3] },
  { name: "fs.glob", pattern: /\bglobSync\b|fsp?\.glob\(/, since: [22, 0] }
]

const sources = (dir: string): Array<string> => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n)
  return statSync(p).isDirectory() ? sources(p) : /\.(ts|mjs)$/.test(n) ? [p] : []
})

describe("engines", () => {
  const engines = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { engines: { node: string } }).engines.node
  it("is the newest Node any API used needs", () => {
    const text = [...sources(join(repoRoot, "src")), join(repoRoot, "bin", "ask-nix.mjs")].map((f) => readFileSync(f, "utf8")).join("\n")
    const used = lateApis.filter((a) => a.pattern.test(text))
    expect(used.map((a) => a.name)).toContain("zlib.crc32")
    const [major, minor] = used.map((a) => a.since).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0]!
    expect(engines).toBe(`>=${major}.${minor}`)
  })
  it("the launcher refuses an older Node with the same version", () => {
    const launcher = readFileSync(join(repoRoot, "bin", "ask-nix.mjs"), "utf8")
    const [, major, minor] = /^>=(\d+)\.(\d+)$/.exec(engines)!
    expect(launcher).toContain(`major < ${major} || (major === ${major} && minor < ${minor})`)
    expect(launcher).toContain(`needs Node.js ${major}.${minor} or newer`)
  })
})
