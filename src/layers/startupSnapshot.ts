/**
 * Start-up from a V8 startup snapshot. `npm run build` runs the bundle under `node --build-snapshot`:
 * every module is initialised, `warmUp` runs once (so that what it builds and compiles is in the
 * heap), and the snapshot's main function is set. bin/ask-nix starts Node from that snapshot, with
 * the bundle's path as argv[1], and `main` runs after deserialisation: argv, the environment, the
 * terminal and the clock are read then, never while building.
 *
 * The bundle ends with its build id (scripts/build.mjs appends it). The snapshot runs its own copy of
 * the program only when the bundle at argv[1] still has the id it was built from; otherwise (the
 * bundle was rebuilt and the snapshot was not) it loads that bundle, as a plain start would (without
 * its code cache: a state only a half-done build leaves).
 */
import * as fs from "node:fs"
import * as path from "node:path"
import * as v8 from "node:v8"

/** Set when the program starts from a snapshot: the bundle bin/ask-nix named then. */
let bundleAtRunTime: string | undefined

/**
 * The bundle this program runs as (dist/ask-nix.cjs), for the files beside it. From a snapshot it is the
 * one bin/ask-nix named at run time: the snapshot's own `__filename` is where it was built, which
 * `npm i -g` may have copied elsewhere. Only the bundle asks (in the sources there is no bundle).
 */
export const runningBundle = (): string => bundleAtRunTime ?? __filename

const buildIdPattern = /\/\/# askNixBuild=([0-9a-f]{16,64})\s*$/

/** The build id at the end of a bundle file, or undefined when it has none or cannot be read. */
export const bundleBuildId = (file: string): string | undefined => {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, "r")
    const size = fs.fstatSync(fd).size
    const tail = Buffer.alloc(Math.min(size, 128))
    fs.readSync(fd, tail, 0, tail.length, size - tail.length)
    return buildIdPattern.exec(tail.toString("latin1"))?.[1]
  } catch {
    return undefined // no readable bundle there: not the one the snapshot was built from
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/**
 * `crypto.randomUUID` and `crypto.randomInt` (and WebCrypto's `crypto.randomUUID`) keep a batch of
 * random bytes in the JavaScript heap: one call while building would freeze that batch into the
 * snapshot, and every run would repeat the same "random" values. The bundle loads node:crypto on first
 * use (scripts/lazyBuiltins.mjs), so the snapshot holds none of it unless the warm-up used it; building
 * fails when it did (which also keeps node:crypto's cost out of every call).
 */
const cryptoLoaded = (): boolean => {
  const loaded: unknown = Reflect.get(process, "moduleLoadList") // Node's list of the built-ins loaded so far (not in its typings)
  return Array.isArray(loaded) && loaded.includes("NativeModule internal/crypto/random")
}

/**
 * Runs `main` now, or, under `node --build-snapshot`, runs `warmUp` and makes `main` the snapshot's
 * entry. The builder waits for `warmUp` (it drains the event loop) and must be left nothing open.
 */
export const startOrBuildSnapshot = (main: () => void, warmUp: () => Promise<void>): void => {
  if (!v8.startupSnapshot?.isBuildingSnapshot()) {
    main()
    return
  }
  const builtFrom = bundleBuildId(__filename)
  if (builtFrom === undefined) throw new Error(`${__filename} has no build id: build the snapshot with npm run build`)
  if (cryptoLoaded()) throw new Error("node:crypto was loaded before the startup snapshot's warm-up: load it on first use (scripts/lazyBuiltins.mjs)")
  warmUp().then(() => {
    // What the snapshot will hold, for a heap profiler (README, Start-up): ASK_NIX_HEAP_SNAPSHOT=FILE npm run build.
    const heap = process.env["ASK_NIX_HEAP_SNAPSHOT"]
    if (heap !== undefined) v8.writeHeapSnapshot(heap)
    if (cryptoLoaded()) throw new Error("the warm-up loaded node:crypto, whose random functions would repeat their values in every run started from the snapshot: use it at run time only")
  }).catch((e: unknown) => {
    process.stderr.write(`ask-nix: warming up the startup snapshot failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
    process.exit(1)
  })
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const bundle = process.argv[1] ?? ""
    if (bundleBuildId(bundle) === builtFrom) {
      bundleAtRunTime = bundle
      main()
    }
    // A stale snapshot: run the bundle on disk. Its modules load beside the snapshot's own (Effect
    // keeps its global state per version, as with two copies of a package). createRequire takes only
    // an absolute path, and bin/ask-nix started by a relative one passes a relative argv[1].
    else {
      const file = path.resolve(bundle)
      const nodeModule = require("node:module") as typeof import("node:module")
      nodeModule.createRequire(file)(file)
    }
  })
}
