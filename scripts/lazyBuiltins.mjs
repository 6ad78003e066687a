// Rewrites the bundle so that the Node built-ins parse, search and list do not use load on first use.
// esbuild turns `import { spawn } from "node:child_process"` into `require("node:child_process")` at
// the top of its module, so every call (and the startup snapshot, which every call deserialises) paid
// for child_process, crypto, net, readline, fs/promises with the streams under them, although most
// calls never start a process or open a socket. Each such require becomes an object that requires the
// module when one of its members is first read: the code that uses them stays as written, in src/ and
// in @effect/platform-node.
//
// esbuild reads a module's names once, at load, when it wraps it for a namespace or default import
// (`__toESM`: Object.getOwnPropertyNames and the descriptors' `enumerable`), and reads `__esModule`:
// the object answers those from the names this Node has (the snapshot is made and run by one Node
// executable; a plain start on another Node loads the module for a name it lacks, and gets
// undefined for it, as an import of a missing name would).
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

/** The built-ins loaded lazily. node:fs and node:path are left: Node has loaded them before any JavaScript of ours runs. */
export const lazyModules = ["child_process", "crypto", "dgram", "fs/promises", "module", "net", "os", "readline", "tty", "url", "util", "v8", "zlib"]

const helper = "__askNixLazyBuiltin"
const helperSource = (names) => `var ${helper}Names=${JSON.stringify(names)},${helper}=(id)=>{const names=${helper}Names[id];let m;const load=()=>m??=require(id);` +
  `return new Proxy({},{get:(_,k)=>k==="__esModule"&&m===void 0?void 0:load()[k],set:(_,k,v)=>(load()[k]=v,!0),has:(_,k)=>k in load(),` +
  `ownKeys:()=>m===void 0?[...names]:Reflect.ownKeys(m),` +
  `getOwnPropertyDescriptor:(_,k)=>m===void 0&&names.includes(k)?{configurable:!0,enumerable:!0,get:()=>load()[k]}:(d=>d&&{...d,configurable:!0})(Reflect.getOwnPropertyDescriptor(load(),k)),` +
  `defineProperty:(_,k,d)=>(Object.defineProperty(load(),k,d),!0)})};`

// One namespace object per built-in. For each `import * as fs from "node:fs"`, esbuild wraps the module
// in a namespace object of its own (its `__toESM`: a getter, a closure, for each of the module's names),
// made when the importing module loads: 23 for node:path and 12 for node:fs, some 19 KB each in the heap
// of the startup snapshot that every call deserialises. The wrappers of one built-in are alike (getters
// of the same module), so each built-in's first is shared by all its importers.
const namespaces = "__askNixNamespace"
const namespacesSource = `var ${namespaces}Made=new Map,${namespaces}=(id,make)=>{let n=${namespaces}Made.get(id);if(n===void 0)${namespaces}Made.set(id,n=make());return n};`

/** The bundle with each `require("node:X")` of lazyModules replaced, the helpers after its "use strict" (if any). */
export const lazyBuiltins = (bundle) => {
  const strict = /^(#![^\n]*\n)?("use strict";)?/.exec(bundle)
  const names = {}
  const replaced = bundle.replace(/\brequire\("node:([a-z_/]+)"\)/g, (whole, name) => {
    if (!lazyModules.includes(name)) return whole
    names[`node:${name}`] = Object.keys(require(`node:${name}`))
    return `${helper}("node:${name}")`
  })
  // esbuild's namespace wrapper (`__toESM`, minified to some other name), as it wraps built-ins in node mode.
  const wrapped = new RegExp(`(?<![\\w$])([\\w$]+)\\((?:require|${helper})\\("(node:[a-z_/]+)"\\),\\s*1\\)`, "g")
  const wrappers = new Set([...replaced.matchAll(wrapped)].map((m) => m[1]))
  if (wrappers.size > 1) throw new Error(`lazyBuiltins: expected one namespace helper around the built-ins, found ${[...wrappers].join(", ")}`)
  const shared = replaced.replace(wrapped, (whole, _wrap, id) => `${namespaces}("${id}",()=>${whole})`)
  return strict[0] + helperSource(names) + namespacesSource + shared.slice(strict[0].length)
}
