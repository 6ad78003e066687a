/**
 * What a backend needs to know about the Nix it drives, detected once per call: the version (from
 * `nix --version`) and whether the user's config enables nix-command and flakes.
 */
import { Effect, Either, Schema } from "effect"
import { CannotServe } from "../../../domain/errors.js"
import { parseNixVersion, type NixVersion } from "../../../domain/argv/NixVersion.js"
import type { NixShape } from "../../../services/Nix.js"

export interface NixEnvironment {
  readonly version: NixVersion
  /** Pass --extra-experimental-features 'nix-command flakes' to `nix`. */
  readonly experimental: boolean
}

/** Short probes get a timeout; 20 s covers a cold start on a slow disk. */
export const probeTimeoutMs = 20_000

export const detectVersion = (nix: NixShape, backend: string, program: string) =>
  nix.exec({ argv: [program, "--version"], mutating: false, timeoutMs: probeTimeoutMs }).pipe(
    Effect.catchTag("NixNotFound", () => Effect.fail(new CannotServe({ backend, reason: `${program} is not installed` }))),
    Effect.catchTag("Interrupted", (e) => Effect.fail(new CannotServe({ backend, reason: `${program} --version failed: ${e.detail}` }))),
    // A Nix that does not answer `--version` (it hangs, or cannot start) cannot be used: the chain moves on.
    Effect.catchTag("NixFailed", (e) => Effect.fail(new CannotServe({ backend, reason: `${program} --version failed: ${e.message}` }))),
    Effect.flatMap((r) => {
      const v = r.exitCode === 0 ? parseNixVersion(r.stdout) : undefined
      return v === undefined
        ? Effect.fail(new CannotServe({ backend, reason: `${program} --version printed no version` }))
        : Effect.succeed(v)
    })
  )

/**
 * Nix 2.8's show-config prints the features as enum numbers (its ExperimentalFeature order);
 * later versions print names.
 */
const nix28Features = ["ca-derivations", "impure-derivations", "flakes", "nix-command", "recursive-nix", "no-url-literals"]

const featureName = (v: string | number): string => (typeof v === "number" ? nix28Features[v] ?? String(v) : String(v))

/** `nix show-config --json`: what we read of it. */
const decodeConfig = Schema.decodeUnknownEither(Schema.parseJson(Schema.Struct({
  "experimental-features": Schema.optional(Schema.Struct({ value: Schema.Array(Schema.Union(Schema.String, Schema.Number)) }))
})))

/** The enabled experimental features, read with nix-command switched on for this one query. */
export const featuresEnabled = (nix: NixShape) =>
  nix.exec({
    argv: ["nix", "--extra-experimental-features", "nix-command", "show-config", "--json"],
    mutating: false,
    timeoutMs: probeTimeoutMs
  }).pipe(
    Effect.map((r) => {
      // Unreadable output (an old or broken Nix): treat the features as off, so that every `nix`
      // call enables them itself; the call then works either way.
      const list: ReadonlyArray<string> = Either.match(decodeConfig(r.stdout), {
        onLeft: () => [],
        onRight: (conf) => (conf["experimental-features"]?.value ?? []).map(featureName)
      })
      return list.includes("nix-command") && list.includes("flakes")
    }),
    Effect.orElseSucceed(() => false)
  )

export const detectNixEnvironment = (nix: NixShape, backend: string): Effect.Effect<NixEnvironment, CannotServe> =>
  Effect.all([detectVersion(nix, backend, "nix"), featuresEnabled(nix)], { concurrency: 2 }).pipe(
    Effect.map(([version, enabled]) => ({ version, experimental: !enabled }))
  )
