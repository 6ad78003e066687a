/**
 * Before Nix fetches a flake that lives on the network (nixpkgs through the global registry, github:,
 * https:), check in well under a second that its hosts answer: without a network Nix retries for about
 * 5 s (twice with --execute: the preview, then the command) and ends with a raw download error.
 */
import { Effect } from "effect"
import type { PackageSource } from "../../domain/argv/PackageSource.js"
import { NixpkgsUnreachable } from "../../domain/errors.js"
import { hostsOf } from "../../domain/network/remoteHosts.js"
import type { NetworkProbeShape } from "../../services/NetworkProbe.js"

export const requireReachable = (probe: NetworkProbeShape, source: PackageSource): Effect.Effect<void, NixpkgsUnreachable> => {
  const hosts = source._tag === "flake" ? hostsOf(source.ref) : []
  if (hosts.length === 0) return Effect.void
  return Effect.flatMap(probe.reach(hosts), (r) =>
    r._tag === "Reachable"
      ? Effect.void
      : Effect.fail(new NixpkgsUnreachable({
        source: source._tag === "flake" ? source.ref : source.path,
        detail: `${r.tried.map((t) => `${t.host}: ${t.detail}`).join("; ")}; checked in ${r.ms} ms`
      })))
}
