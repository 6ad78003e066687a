/**
 * Facts about the machine ask-nix runs on that system detection needs: who we are, the hostname,
 * the configured elevation tool. Live values in src/layers/SystemHostLive.ts; tests give their own.
 */
import { Context } from "effect"

export interface SystemHostShape {
  readonly uid: number
  readonly hostname: string
  /** env ASK_NIX_ELEVATE: sudo | doas | run0 | none */
  readonly elevatePreference: string | undefined
}

export class SystemHost extends Context.Tag("ask-nix/SystemHost")<SystemHost, SystemHostShape>() {}
