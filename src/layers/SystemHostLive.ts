/** The machine ask-nix runs on: the process's uid and hostname. (The elevation preference is a setting: MainLayer.ts.) */
import { Layer } from "effect"
import * as os from "node:os"
import { SystemHost, type SystemHostShape } from "../services/SystemHost.js"

export const liveHost = (): SystemHostShape => ({
  uid: typeof process.getuid === "function" ? process.getuid() : 0,
  hostname: os.hostname(),
  elevatePreference: undefined
})

export const SystemHostLive = Layer.sync(SystemHost, liveHost)
