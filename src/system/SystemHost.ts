/**
 * Facts about the machine ask-nix runs on that system detection needs: who we are, the hostname,
 * the configured elevation tool. Optional service: without it, the live process values are used.
 */
import { Context, Effect, Option } from "effect"
import * as os from "node:os"

export interface SystemHostShape {
  readonly uid: number
  readonly hostname: string
  /** env ASK_NIX_ELEVATE: sudo | doas | run0 | none */
  readonly elevatePreference: string | undefined
}

export class SystemHost extends Context.Tag("ask-nix/SystemHost")<SystemHost, SystemHostShape>() {}

export const liveHost = (): SystemHostShape => ({
  uid: typeof process.getuid === "function" ? process.getuid() : 0,
  hostname: os.hostname(),
  elevatePreference: process.env["ASK_NIX_ELEVATE"]
})

/** The provided SystemHost, or the live values. Never a requirement. */
export const currentHost: Effect.Effect<SystemHostShape> = Effect.map(
  Effect.serviceOption(SystemHost),
  Option.getOrElse(liveHost)
)
