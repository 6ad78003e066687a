/**
 * The outside world for the composition root in tests (src/layers/MainLayer.ts: makeApp(world)):
 * the in-memory Nix (src/layers/NixMock.ts) instead of processes and the disk, a scripted prompter,
 * a machine that is not NixOS, no Nix daemon. Everything else is what ships.
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

export interface TestWorldOptions {
  readonly nix?: NixMockOptions
  /** What the prompter answers (default: no). */
  readonly prompt?: { readonly yes: boolean; readonly pick?: number }
}

/** The shipped plugins (the generated registry), loaded once for the whole test file. */
let pluginsOnce: Promise<LoadedPlugins> | undefined
const plugins = Effect.promise(() => (pluginsOnce ??= Effect.runPromise(loadPlugins())))

export const testWorld = (options: TestWorldOptions = {}): { readonly world: World; readonly state: NixMockState } => {
  const mock = makeNixMock(options.nix)
  return {
    state: mock.state,
    world: {
      nix: mock.layer,
      host: Layer.succeed(SystemHost, { uid: 1000, hostname: "ask-nix-test", elevatePreference: undefined }),
      prompter: PrompterScripted(options.prompt ?? { yes: false }),
      // No daemon in the mock world: clean plans come back as they are (the preview is tested on real Nix).
      cleanPreview: Layer.succeed(CleanPreview, { enrich: Effect.succeed }),
      plugins,
      // The NixOS probing reads the real disk under --root (default "/": this machine is not NixOS).
      files: NodeFileSystem.layer
    }
  }
}
