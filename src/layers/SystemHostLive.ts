/** The machine ask-nix runs on: the process's uid, the hostname, $ASK_NIX_ELEVATE. */
import { Layer } from "effect"
import * as os from "node:os"
import { SystemHost, type SystemHostShape } from "../services/SystemHost.js"

export const liveHost = (): SystemHostShape => ({
  uid: typeof process.getuid === "function" ? process.getuid() : 0,
  hostname: os.hostname(),
  elevatePreference: process.env["ASK_NIX_ELEVATE"]
})

export const SystemHostLive = Layer.sync(SystemHost, liveHost)
