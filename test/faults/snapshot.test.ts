/**
 * A damaged store snapshot (issue 17, item 7): the clean preview keeps ~/.cache/ask-nix/store-snapshot
 * while Nix's database is unchanged. Bytes damaged on disk must not give a wrong "would free" figure:
 * the file's checksum fails, it is discarded, the daemon is asked, and the snapshot is written anew.
 * Against a real nix-daemon of each Nix version, with a dead path of known size in the store.
 */
import { Effect } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, expect, it } from "vitest"
import { decodeSnapshot } from "../../src/domain/daemon/PathInfoCache.js"
import { connectDaemon } from "../../src/layers/daemon/DaemonClient.js"
import { gcPreview } from "../../src/layers/daemon/StoreQueries.js"
import { describeNix } from "../support/describeNix.js"
import { makeSandbox, type Sandbox } from "../support/sandbox.js"
import { startDaemon, type RunningDaemon } from "../native/support/daemon.js"
import { run } from "../native/support/nixCli.js"
import { recordFaults } from "./support.js"

const trials = 6

describeNix("a damaged store snapshot", (nix) => {
  let daemon: RunningDaemon
  let sb: Sandbox
  beforeAll(async () => {
    daemon = await startDaemon(nix)
    sb = makeSandbox("snapshot")
  })
  afterAll(async () => {
    await daemon?.stop()
    sb?.cleanup()
  })

  it(`${trials} damaged files: each is discarded and the "would free" figure is the daemon's`, async () => {
    const session = () => connectDaemon({ socketPath: daemon.socketPath, timeoutMs: 10_000 })
    const preview = (cacheFile?: string) => Effect.runPromise(Effect.scoped(Effect.flatMap(session(), (s) => gcPreview(s, cacheFile === undefined ? {} : { cacheFile }))))
    // A dead path of a known size, so that a damaged size shows in the figure.
    const file = join(sb.dir, "dead.txt")
    writeFileSync(file, `garbage ${Math.random()}\n${"x".repeat(100_000)}`)
    const dead = run(nix, ["nix-store", "--add", file]).trim()
    const cacheFile = join(sb.dir, "cache", "store-snapshot")
    await preview(cacheFile)
    const failures: Array<string> = []
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    for (let trial = 0; trial < trials; trial++) {
      const bytes = readFileSync(cacheFile)
      expect(decodeSnapshot(bytes), "the snapshot on disk before the damage is valid").toBeDefined()
      // Half the trials damage the arrays (sizes, references), the rest anywhere after the magic.
      const from = trial % 2 === 0 ? Math.floor(bytes.length / 2) : 8
      const at = from + Math.floor(rand() * (bytes.length - from))
      const damaged = Buffer.from(bytes)
      for (let k = at; k < Math.min(at + 8, damaged.length); k++) damaged[k] = damaged[k]! ^ 0x5a
      writeFileSync(cacheFile, damaged)
      // Other tests change the store meanwhile: a damaged-snapshot preview and a daemon-only one taken
      // back to back must agree on one of a few tries.
      let agreed = false
      let usedDamaged = false
      for (let attempt = 0; attempt < 5 && !agreed; attempt++) {
        const withSnapshot = await preview(cacheFile)
        const fresh = await preview()
        if (attempt === 0 && withSnapshot.source !== "daemon") usedDamaged = true
        agreed = withSnapshot.bytes === fresh.bytes && withSnapshot.dead.includes(dead) === fresh.dead.includes(dead)
      }
      if (usedDamaged || !agreed) failures.push(`byte ${at}: ${usedDamaged ? "the damaged snapshot was used" : "the figure differs from the daemon's"}`)
    }
    recordFaults(`damaged store snapshot, nix ${nix.version}`, trials, failures.length)
    expect(failures).toEqual([])
    expect(decodeSnapshot(readFileSync(cacheFile)), "the snapshot was written anew").toBeDefined()
  }, 180_000)
})
