// An esbuild plugin: rewrites `import { Effect, Schema } from "effect"` (and the same from
// @effect/platform, @effect/cli, @effect/platform-node) into `import * as Effect from "effect/Effect"`.
// Imported through the barrel, a namespace is materialized whole (every export of effect/Schema is
// built at start-up, ~900 schema classes); deep imports let the bundler keep only what is used.
// Measured on `ask-nix parse`: see bench/startup.mjs.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const barrels = ["effect", "@effect/platform", "@effect/cli", "@effect/platform-node"]

/** name -> module subpath, from the barrel's `export * as Name from "./Name.js"` lines. */
const namespaces = (pkg) => {
  const index = require.resolve(`${pkg}/package.json`).replace(/package\.json$/, "dist/esm/index.js")
  const map = new Map()
  for (const m of readFileSync(index, "utf8").matchAll(/export \* as (\w+) from "\.\/([\w/]+)\.js"/g)) map.set(m[1], m[2])
  return map
}
const tables = new Map(barrels.map((b) => [b, namespaces(b)]))
const importRe = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+"(effect|@effect\/platform|@effect\/cli|@effect\/platform-node)"/g

export const rewrite = (source) => source.replace(importRe, (whole, typeOnly, names, pkg) => {
  if (typeOnly) return whole
  const table = tables.get(pkg)
  const keep = []
  const deep = []
  for (const raw of names.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (raw.startsWith("type ")) continue
    const [name, alias] = raw.split(/\s+as\s+/)
    const sub = table.get(name)
    if (sub === undefined) keep.push(raw)
    else deep.push(`import * as ${alias ?? name} from "${pkg}/${sub}"`)
  }
  return [...deep, ...(keep.length > 0 ? [`import { ${keep.join(", ")} } from "${pkg}"`] : [])].join("; ")
})

export const deepImports = {
  name: "deep-imports",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({ contents: rewrite(readFileSync(args.path, "utf8")), loader: "ts" }))
  }
}
