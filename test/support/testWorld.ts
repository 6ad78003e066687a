/**
 * The outside world for the composition root in tests (src/layers/MainLayer.ts: makeApp(world)):
 * the in-memory Nix (src/layers/NixMock.ts) instead of processes and the disk, a scripted prompter,
 * a machine that is not NixOS, no Nix daemon, a history in memory. Everything else is what ships.
 * Each part is a layer, built in the call's scope (`Layer.build`).
 */
import { NodeFileSystem } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import type { World } from "../../src/layers/MainLayer.js"
import type { NixMockState } from "../../src/layers/NixMock.js"
import { makeNixMock, type NixMockOptions } from "../../src/layers/NixMock.js"
import { loadPlugins } from "../../src/layers/plugins/loadPlugins.js"
import { PrompterScripted } from "../../src/layers/PrompterScripted.js"
import { CleanPreview } from "../../src/services/CleanPreview.js"
import type { LoadedPlugins } from "../../src/services/Plugins.js"
import { SystemHost } from "../../src/services/SystemHost.js"
import { makeHistoryMemory } from "../../src/layers/HistoryMemory.js"
import type { HistoryEntry } from "../../src/domain/history/HistoryEntry.js"
import { ConfigEvaluatorStatic } from "./configEvaluatorStatic.js"

export interface TestWorldOptions {
  readonly nix?: NixMockOptions
  /** What the prompter answers (default: no). */
  readonly prompt?: { readonly yes: boolean; readonly pick?: number }
  /** What ask-nix changed before (the history, kept in memory, starts with these). */
  readonly history?: ReadonlyArray<HistoryEntry>
}

/** The shipped plugins (the generated registry), loaded once for the whole test file. */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const plugins = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

export const testWorld = (options: TestWorldOptions = {}): { readonly world: World; readonly state: NixMockState; readonly history: Array<HistoryEntry> } => {
  const mock = makeNixMock(options.nix)
  const history = makeHistoryMemory(options.history)
  return {
    state: mock.state,
    history: history.entries,
    world: {
      nix: Layer.build(mock.layer),
      host: Layer.build(Layer.succeed(SystemHost, { uid: 1000, hostname: "ask-nix-test", elevatePreference: undefined })),
      prompter: Layer.build(PrompterScripted(options.prompt ?? { yes: false })),
      // No daemon in the mock world: clean plans come back as they are (the preview is tested on real Nix).
      cleanPreview: Layer.build(Layer.succeed(CleanPreview, { enrich: Effect.succeed })),
      history: Layer.build(history.layer),
      plugins,
      // The NixOS probing reads the real disk under --root (default "/": this machine is not NixOS).
      files: Layer.build(NodeFileSystem.layer),
      // No Nix to evaluate configurations: answered from what the files literally say
      configEvaluator: Layer.build(ConfigEvaluatorStatic)
    }
  }
}
