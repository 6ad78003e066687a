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
      // The fault suite's other files build and delete in the same store meanwhile (two files run at
      // once), so two previews taken moments apart may differ by a build's lock files or outputs. The
      // damaged snapshot must be dropped on the first preview; its replacement is then compared with
      // the daemon only while the store stands still: a daemon-only preview before and after it agree.
      const first = await preview(cacheFile)
      const usedDamaged = first.source !== "daemon"
      // A path can also come and go between `before` and `after`: three still windows that disagree fail.
      let stillWindows = 0
      let disagreed = 0
      for (let attempt = 0; attempt < 40 && stillWindows === disagreed && disagreed < 3; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 250))
        const before = await preview()
        const withSnapshot = await preview(cacheFile)
        const after = await preview()
        if (before.bytes !== after.bytes || before.dead.join("\n") !== after.dead.join("\n")) continue
        stillWindows++
        if (withSnapshot.bytes !== after.bytes || withSnapshot.dead.includes(dead) !== after.dead.includes(dead)) disagreed++
      }
      if (usedDamaged) failures.push(`byte ${at}: the damaged snapshot was used`)
      else if (disagreed === 3) failures.push(`byte ${at}: the figure differs from the daemon's while the store stood still`)
      else if (stillWindows === disagreed) failures.push(`byte ${at}: the store never stood still in 40 tries`)
    }
    recordFaults(`damaged store snapshot, nix ${nix.version}`, trials, failures.length)
    expect(failures).toEqual([])
    expect(decodeSnapshot(readFileSync(cacheFile)), "the snapshot was written anew").toBeDefined()
  }, 180_000)
})
