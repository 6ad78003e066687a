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

/** The bundle with each `require("node:X")` of lazyModules replaced, the helper after its "use strict" (if any). */
export const lazyBuiltins = (bundle) => {
  const strict = /^(#![^\n]*\n)?("use strict";)?/.exec(bundle)
  const names = {}
  const replaced = bundle.replace(/\brequire\("node:([a-z_/]+)"\)/g, (whole, name) => {
    if (!lazyModules.includes(name)) return whole
    names[`node:${name}`] = Object.keys(require(`node:${name}`))
    return `${helper}("node:${name}")`
  })
  return strict[0] + helperSource(names) + replaced.slice(strict[0].length)
}
