#!/usr/bin/env node
/**
 * The layering check (part of `npm test`): reads every import in src/ and fails when one crosses a
 * layer the wrong way. The rules (README, "Architecture"):
 *
 *   domain   -> domain                              pure logic: no service, no I/O module
 *   services -> domain, services                    tags and the interfaces they serve
 *   plugins  -> domain, services, plugins           never an implementation, never the CLI
 *   layers   -> domain, services, layers, plugins   every implementation (plugins: the generated registry)
 *   cli      -> domain, services, cli               the command tree and the request program
 *   bin.ts   -> anything                            the one entry point: the only importer of cli
 *
 * and no import cycle between folders (two levels deep: src/domain/parse, src/layers/backends, ...).
 * Usage: node scripts/check-layers.mjs [SRC_DIR] (default: src). Exit 1 with one line per violation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const ALLOWED = {
  domain: ["domain"],
  services: ["domain", "services"],
  plugins: ["domain", "services", "plugins"],
  layers: ["domain", "services", "layers", "plugins"],
  cli: ["domain", "services", "cli"]
}
/** Node modules that do I/O: pure logic in src/domain never imports them. */
const IO_MODULES = new Set([
  "fs", "fs/promises", "net", "child_process", "os", "tty", "readline", "http", "https", "http2", "dgram",
  "dns", "worker_threads", "cluster", "vm", "process", "inspector"
])
const ENTRY = "entry"

const walk = (dir, out = []) => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(p)
  }
  return out
}

const importRe = /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1")

/** The import specifiers of a file (comments removed first, so examples in comments do not count). */
export const importsOf = (text) => [...stripComments(text).matchAll(importRe)].map((m) => m[1] ?? m[2])

const resolveLocal = (fromFile, spec) => {
  const base = path.resolve(path.dirname(fromFile), spec)
  for (const c of [base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), base, `${base}.ts`, path.join(base, "index.ts")]) {
    if (existsSync(c) && statSync(c).isFile()) return c
  }
  return undefined
}

export const checkLayers = (srcDir) => {
  const src = path.resolve(srcDir)
  const layerOf = (file) => {
    const rel = path.relative(src, file).split(path.sep)
    return rel.length === 1 ? ENTRY : rel[0]
  }
  /** Two levels deep for the cycle check: "domain/parse", "layers/backends", "cli". */
  const folderOf = (file) => {
    const rel = path.relative(src, file).split(path.sep)
    return rel.length === 1 ? rel[0] : rel.length === 2 ? rel[0] : `${rel[0]}/${rel[1]}`
  }
  const problems = []
  const edges = new Map()
  const files = walk(src)
  const entries = files.filter((f) => layerOf(f) === ENTRY)
  if (entries.length !== 1) problems.push(`src/ must hold exactly one entry point file, found: ${entries.map((f) => path.basename(f)).join(", ") || "none"}`)
  for (const file of files) {
    const from = layerOf(file)
    if (from !== ENTRY && !(from in ALLOWED)) {
      problems.push(`${path.relative(src, file)}: src/${from} is not a layer (domain, services, layers, plugins, cli)`)
      continue
    }
    const text = readFileSync(file, "utf8")
    if (from === "services" && /\bLayer\.(succeed|effect|scoped|sync|function|unwrapEffect|mergeAll|merge|provide)\b/.test(stripComments(text))) {
      problems.push(`${path.relative(src, file)}: builds a Layer; src/services holds tags and interfaces, implementations go in src/layers`)
    }
    for (const spec of importsOf(text)) {
      const where = `${path.relative(src, file)} imports "${spec}"`
      if (!spec.startsWith(".")) {
        const mod = spec.replace(/^node:/, "")
        if ((from === "domain" || from === "services") && IO_MODULES.has(mod)) {
          problems.push(`${where}: src/${from} does no I/O (${from === "domain" ? "pure logic" : "service tags and interfaces"}); put it in src/layers`)
        }
        continue
      }
      const target = resolveLocal(file, spec)
      if (target === undefined) { problems.push(`${where}: no such file`); continue }
      if (!target.startsWith(src + path.sep)) { problems.push(`${where}: outside src/`); continue }
      const to = layerOf(target)
      if (to === ENTRY) problems.push(`${where}: nothing imports the entry point`)
      else if (from !== ENTRY && !ALLOWED[from]?.includes(to)) {
        problems.push(`${where}: src/${from} may import only ${ALLOWED[from].map((l) => `src/${l}`).join(", ")}`)
      }
      const a = folderOf(file)
      const b = folderOf(target)
      if (a !== b) {
        if (!edges.has(a)) edges.set(a, new Map())
        if (!edges.get(a).has(b)) edges.get(a).set(b, where)
      }
    }
  }
  // Folder cycles: any strongly connected group of two or more folders (Tarjan).
  let index = 0
  const idx = new Map(); const low = new Map(); const stack = []; const on = new Set()
  const strong = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v)
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))) }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)))
    }
    if (low.get(v) === idx.get(v)) {
      const group = []
      let w
      do { w = stack.pop(); on.delete(w); group.push(w) } while (w !== v)
      if (group.length > 1) {
        const members = new Set(group)
        const via = group.flatMap((g) => [...(edges.get(g) ?? [])].filter(([t]) => members.has(t)).map(([, why]) => why))
        problems.push(`import cycle between folders ${group.sort().join(" <-> ")}: ${via.join("; ")}`)
      }
    }
  }
  for (const v of edges.keys()) if (!idx.has(v)) strong(v)
  return { files: files.length, problems }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
  const { files, problems } = checkLayers(process.argv[2] ?? path.join(root, "src"))
  for (const p of problems) console.error(`layering: ${p}`)
  console.error(`layering: ${files} files, ${problems.length === 0 ? "no violations" : `${problems.length} violation${problems.length === 1 ? "" : "s"}`}`)
  process.exit(problems.length === 0 ? 0 : 1)
}
