/** The machine ask-nix runs on: the process's uid and hostname. (The elevation preference is a setting: MainLayer.ts.) */
import { Context, Effect } from "effect"
import * as os from "node:os"
import { SystemHost, type SystemHostShape } from "../services/SystemHost.js"

export const liveHost = (): SystemHostShape => ({
  uid: typeof process.getuid === "function" ? process.getuid() : 0,
  hostname: os.hostname(),
  elevatePreference: undefined
})

/** The machine as a part of a call's services (MainLayer.ts). */
export const SystemHostLive = Effect.sync(() => Context.make(SystemHost, liveHost()))
