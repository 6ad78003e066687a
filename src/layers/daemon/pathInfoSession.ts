/**
 * The store's paths without a daemon (single-user installs): one `nix path-info --all --json` through
 * the Nix choke point, which reads Nix's database (db.sqlite) for us, answers the questions a clean
 * preview asks a daemon session. About 0.3 s and 2 MB of JSON for a store of 10,000 paths.
 */
import { Effect } from "effect"
import { CannotServe } from "../../domain/errors.js"
import { parsePathInfoJson } from "../../domain/store/pathInfoJson.js"
import type { NixShape } from "../../services/Nix.js"
import type { DaemonSession } from "./DaemonClient.js"

export const pathInfoArgv: ReadonlyArray<string> = ["nix", "--extra-experimental-features", "nix-command", "path-info", "--all", "--json"]

const cannot = (reason: string) => new CannotServe({ backend: "native", reason })

export const pathInfoSession = (nix: NixShape): Effect.Effect<DaemonSession, CannotServe> =>
  Effect.gen(function*() {
    const r = yield* nix.run({ argv: pathInfoArgv, mutating: false, timeoutMs: 60_000 }).pipe(
      Effect.mapError((e) => cannot(`nix path-info --all failed (${e._tag})`))
    )
    const infos = parsePathInfoJson(r.stdout)
    if (infos === undefined) return yield* Effect.fail(cannot("nix path-info --all --json printed something unexpected"))
    const all = [...infos.keys()]
    return {
      socketPath: "(no daemon: nix path-info)",
      protocol: "none",
      nixVersion: undefined,
      isValidPath: (p) => Effect.succeed(infos.has(p)),
      queryPathInfo: (p) => Effect.succeed(infos.get(p)),
      queryPathInfos: (paths) => Effect.succeed(new Map(paths.flatMap((p) => { const i = infos.get(p); return i ? [[p, i] as const] : [] }))),
      queryAllValidPaths: Effect.succeed(all),
      findRoots: Effect.fail(cannot("finding the roots of running programs needs the Nix daemon"))
    } satisfies DaemonSession
  })
