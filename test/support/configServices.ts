/**
 * The configuration-editing services for tests that build a backend by hand: the real file store, the
 * static evaluator (no Nix), and options from records (none unless given).
 */
import { NodeFileSystem } from "@effect/platform-node"
import { Layer } from "effect"
import type { OptionRecord, OptionScope } from "../../src/domain/options/OptionRecord.js"
import { ConfigStoreLive } from "../../src/layers/ConfigStoreLive.js"
import { NixOptionsMock } from "../../src/layers/NixOptionsLive.js"
import type { Settings } from "../../src/services/Settings.js"
import { ConfigEvaluatorStatic } from "./configEvaluatorStatic.js"

export const configServices = (
  settings: Layer.Layer<Settings>,
  options: Partial<Record<OptionScope, ReadonlyArray<OptionRecord>>> = {}
) =>
  Layer.mergeAll(
    ConfigStoreLive.pipe(Layer.provide(Layer.merge(settings, NodeFileSystem.layer))),
    ConfigEvaluatorStatic,
    NixOptionsMock(options)
  )
