/**
 * Can Nix reach the network it needs (the flake registry, nixpkgs on GitHub)? Asked before a command
 * that would otherwise wait on Nix's retries (about 5 s, twice with --execute) when there is no
 * network, with a short time limit, so that ask-nix can say at once what works offline.
 */
import { Context, type Effect } from "effect"
import type { Endpoint } from "../domain/network/remoteHosts.js"

export type Reachability =
  | { readonly _tag: "Reachable"; readonly host: string; readonly ms: number }
  | { readonly _tag: "Unreachable"; readonly tried: ReadonlyArray<{ readonly host: string; readonly detail: string }>; readonly ms: number }

export interface NetworkProbeShape {
  /** Reachable as soon as one of `endpoints` accepts a connection; Unreachable when none does in time. */
  readonly reach: (endpoints: ReadonlyArray<Endpoint>) => Effect.Effect<Reachability>
}

export class NetworkProbe extends Context.Tag("ask-nix/NetworkProbe")<NetworkProbe, NetworkProbeShape>() {}
