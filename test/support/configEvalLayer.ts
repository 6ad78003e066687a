/**
 * The live ConfigEvaluator on one real Nix, evaluating against the 19.09 trees: NIX_PATH gives
 * <nixpkgs> and <home-manager>; USER and HOME are set because home-manager 19.09 reads them. Plus the
 * base modules a fixture needs to evaluate as a whole system (a root file system and a boot disk, both
 * mkDefault so a fixture's own values win) or home-manager generation (no manual: it would download).
 */
import { NodeContext } from "@effect/platform-node"
import { Layer } from "effect"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { ConfigKind } from "../../src/domain/nixfile/configFiles.js"
import { makeConfigEvaluator } from "../../src/layers/ConfigEvaluatorLive.js"
import { ConfigEvaluator } from "../../src/services/ConfigEvaluator.js"
import { NixLiveWith } from "../../src/layers/NixLive.js"
import { DryRunPolicyDry } from "../../src/layers/DryRunPolicyLive.js"
import type { NixInstall } from "./nixInstalls.js"
import { nixosTrees } from "./nixosTrees.js"

export const evalEnv = (nix: NixInstall): Record<string, string> => ({
  ...nix.env,
  NIX_PATH: nixosTrees().nixPath,
  USER: "alice",
  HOME: "/home/alice"
})

/** The live Nix layer; `env` overrides the evaluation environment (a NIX_PATH without <nixpkgs>). */
export const nixLayerFor = (nix: NixInstall, env: Readonly<Record<string, string>> = {}) =>
  NixLiveWith({ binDir: nix.binDir, env: { ...evalEnv(nix), ...env } }).pipe(Layer.provide(Layer.merge(NodeContext.layer, DryRunPolicyDry)))

/** The live evaluator on this Nix; with `cacheDir`, package sets are cached there (else never). */
export const configEvaluatorFor = (nix: NixInstall, cacheDir?: string, env: Readonly<Record<string, string>> = {}) =>
  Layer.effect(ConfigEvaluator, makeConfigEvaluator(cacheDir)).pipe(Layer.provide(nixLayerFor(nix, env)))

const baseDir = mkdtempSync(join(tmpdir(), "ask-nix-eval-base-"))
const bases: Record<ConfigKind, string> = {
  nixos: join(baseDir, "nixos-base.nix"),
  home: join(baseDir, "home-base.nix")
}
writeFileSync(bases.nixos, `{ lib, ... }: {
  fileSystems."/".device = lib.mkDefault "/dev/disk/by-label/nixos";
  boot.loader.grub.device = lib.mkDefault "/dev/sda";
}
`)
writeFileSync(bases.home, "{ manual.manpages.enable = false; }\n")

/** The modules to evaluate for a configuration file of this kind. */
export const testModules = (kind: ConfigKind, main: string): ReadonlyArray<string> => [main, bases[kind]]
