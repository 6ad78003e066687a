/** Reading what Nix printed: JSON on stdout, and the dead-path list of `--print-dead`. */
import { Effect, Either, ParseResult, Schema } from "effect"
import { NixOutputInvalid } from "../../../domain/errors.js"
import type { NixShape } from "../../../services/Nix.js"

/** Nix's stdout as JSON (empty output reads as `{}`, as `nix search` prints nothing when nothing matches). */
export const nixJson = (argv: ReadonlyArray<string>, stdout: string): Effect.Effect<unknown, NixOutputInvalid> =>
  Either.match(Schema.decodeUnknownEither(Schema.parseJson())(stdout === "" ? "{}" : stdout), {
    onLeft: (e) => Effect.fail(new NixOutputInvalid({ argv: [...argv], detail: ParseResult.TreeFormatter.formatErrorSync(e) })),
    onRight: Effect.succeed
  })

/** Store paths that are already garbage (`nix-store --gc --print-dead`, read-only). */
export const deadStorePaths = (nix: NixShape, argv: ReadonlyArray<string>): Effect.Effect<ReadonlyArray<string>> =>
  nix.run({ argv, mutating: false }).pipe(
    Effect.map((r) => r.stdout.split("\n").filter((l) => l.startsWith("/nix/store/"))),
    Effect.orElseSucceed(() => [] as ReadonlyArray<string>)
  )
