/** Reading what Nix printed: JSON on stdout, and the dead-path list of `--print-dead`. */
import { Effect, Either, ParseResult, Schema } from "effect"
import type { DeadPaths } from "../../../domain/backends/planParts.js"
import { NixOutputInvalid, userMessage } from "../../../domain/errors.js"
import type { NixShape } from "../../../services/Nix.js"

/** Nix's stdout as JSON (empty output reads as `{}`, as `nix search` prints nothing when nothing matches). */
export const nixJson = (argv: ReadonlyArray<string>, stdout: string): Effect.Effect<unknown, NixOutputInvalid> =>
  Either.match(Schema.decodeUnknownEither(Schema.parseJson())(stdout === "" ? "{}" : stdout), {
    onLeft: (e) => Effect.fail(new NixOutputInvalid({ argv: [...argv], detail: ParseResult.TreeFormatter.formatErrorSync(e) })),
    onRight: Effect.succeed
  })

/**
 * Store paths that are already garbage (`nix-store --gc --print-dead`, read-only), for a clean plan's
 * notes. When Nix cannot tell, the plan says so (the clean itself does not depend on it).
 */
export const deadStorePaths = (nix: NixShape, argv: ReadonlyArray<string>): Effect.Effect<DeadPaths> =>
  nix.run({ argv, mutating: false }).pipe(
    Effect.map((r): DeadPaths => ({ _tag: "Known", paths: r.stdout.split("\n").filter((l) => l.startsWith("/nix/store/")) })),
    Effect.catchAll((e) => Effect.succeed<DeadPaths>({ _tag: "Unknown", reason: userMessage(e).split("\n").join(" ") }))
  )
