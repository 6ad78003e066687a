/** Layers for live tests: the real Nix choke point on one installation, settings for a sandbox. */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { NodeContext } from "@effect/platform-node"
import { Layer } from "effect"
import { NixLiveWith } from "../../src/layers/NixLive.js"
import { ProfileInspectorLive } from "../../src/layers/ProfileInspectorLive.js"
import { SettingsTest } from "../../src/layers/SettingsTest.js"
import { NetworkProbeLive } from "../../src/layers/NetworkProbeLive.js"
import { makeHistoryMemory } from "../../src/layers/HistoryMemory.js"
import { DryRunPolicyDry, DryRunPolicyExecute } from "../../src/layers/DryRunPolicyLive.js"
import type { SettingsShape } from "../../src/services/Settings.js"
import type { NixInstall } from "./nixInstalls.js"
import type { Sandbox } from "./sandbox.js"

/** Nix (live, on this installation) + the profile reader + DryRunPolicy + Settings + the network probe + an empty history, for one sandbox. */
/** What liveLayer provides: what a backend built over it may require. */
export type LiveServices = Layer.Layer.Success<ReturnType<typeof liveLayer>>

export const liveLayer = (
  nix: NixInstall,
  options: { readonly execute: boolean; readonly sandbox?: Sandbox; readonly settings?: Partial<SettingsShape> }
) => {
  const settings = SettingsTest({
    execute: options.execute,
    ...(options.sandbox ? { profile: options.sandbox.profile, file: options.sandbox.pkgs, stateDir: options.sandbox.dir } : {}),
    ...options.settings
  })
  const policy = options.execute ? DryRunPolicyExecute : DryRunPolicyDry
  const nixLayer = NixLiveWith({ binDir: nix.binDir, env: nix.env }).pipe(
    Layer.provide(Layer.merge(NodeContext.layer, policy))
  )
  return Layer.mergeAll(nixLayer, ProfileInspectorLive, policy, settings, NodeFileSystem.layer, NetworkProbeLive, makeHistoryMemory().layer)
}
