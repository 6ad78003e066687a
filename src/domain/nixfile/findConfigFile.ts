/**
 * Which file holds the configuration, found as nixos-rebuild and home-manager find it:
 * - NixOS: `--config PATH`; else NIXOS_CONFIG; else /etc/nixos/flake.nix when it exists (nixos-rebuild
 *   uses it before NIX_PATH) and the module its `nixosConfigurations.<host>` lists first; else
 *   `nixos-config=` in NIX_PATH; else /etc/nixos/configuration.nix.
 * - home-manager: `--config PATH`; else ~/.config/home-manager/home.nix (newer releases), else
 *   ~/.config/nixpkgs/home.nix (19.09 and before), or the module of the flake next to them.
 * Everything under `--root` when given.
 */
import { Effect } from "effect"
import { homePaths, userDirsFrom } from "../home/HomePaths.js"
import { attrPathNames, bindingPathNode, bindingsOf, dottedName, unparen } from "./attrs.js"
import { type ConfigKind, resolveImportPath } from "./configFiles.js"
import { parseNix } from "./parseNix.js"
import { isNode, isToken, type Node } from "./syntax.js"

export interface FoundConfig {
  readonly kind: ConfigKind
  /** The file to edit. */
  readonly main: string
  /** How it was found, for the plan ("nixos-config in NIX_PATH"). */
  readonly how: string
  /** When it is a module of a flake: the flake's folder, the configuration's name, and its inputs. */
  readonly flake?: FlakeOrigin
}

/** A configuration found through a flake, and which of the flake's inputs give <nixpkgs> (<home-manager>). */
export interface FlakeOrigin {
  readonly dir: string
  readonly name: string
  /** Search-path name (`nixpkgs`, `home-manager`) -> the flake input that provides it. */
  readonly inputs: Readonly<Record<string, string>>
}

export interface ConfigSearch {
  readonly kind: ConfigKind
  readonly explicit: string | undefined
  readonly env: Readonly<Record<string, string | undefined>>
  readonly hostname: string
  /** "/" or the mounted system (--root). */
  readonly root: string
}

export interface ConfigProbe<E> {
  readonly exists: (path: string) => Effect.Effect<boolean, E>
  readonly read: (path: string) => Effect.Effect<string, E>
}

const under = (root: string, path: string): string => (root === "/" || root === "" ? path : `${root.replace(/\/$/, "")}${path}`)

/** `nixos-config=/etc/nixos/configuration.nix` in NIX_PATH. */
export const nixPathEntry = (nixPath: string | undefined, name: string): string | undefined => {
  for (const entry of (nixPath ?? "").split(":")) {
    const eq = entry.indexOf("=")
    if (eq > 0 && entry.slice(0, eq) === name) return entry.slice(eq + 1)
  }
  return undefined
}

/** Tells a flake configuration's name from the attribute path (`nixosConfigurations.laptop`). */
const configurationsIn = (root: Node, attr: string): ReadonlyArray<{ readonly name: string; readonly value: Node }> => {
  const out: Array<{ name: string; value: Node }> = []
  const visit = (n: Node, prefix: ReadonlyArray<string>): void => {
    for (const b of bindingsOf(n)) {
      if (b.kind !== "Binding") continue
      const names = attrPathNames(bindingPathNode(b))
      if (names === undefined) continue
      const full = [...prefix, ...names]
      const value = unparen(b.children[2] as Node)
      if (full.length === 2 && full[0] === attr) out.push({ name: full[1]!, value })
      else if (full.length === 1 && full[0] === attr && value.kind === "AttrSet") visit(value, full)
      else if (value.kind === "AttrSet" && full.length < 2) visit(value, full)
    }
  }
  const find = (n: Node): void => {
    if (n.kind === "AttrSet") visit(n, [])
    for (const c of n.children) if (isNode(c)) find(c)
  }
  find(root)
  return out
}

/** The first module path of `nixpkgs.lib.nixosSystem { modules = [ ./x.nix … ]; }`. */
const firstModule = (call: Node): string | undefined => {
  const find = (n: Node): string | undefined => {
    if (n.kind === "Binding") {
      const names = attrPathNames(bindingPathNode(n))
      const list = unparen(n.children[2] as Node)
      if (names !== undefined && names[names.length - 1] === "modules" && list.kind === "List") {
        for (const el of list.children) {
          if (!isNode(el)) continue
          const item = unparen(el)
          const t = item.kind === "Literal" ? item.children[0] : undefined
          if (isToken(t) && t.kind === "path") return t.text
          const imported = item.kind === "Apply" && dottedName(item.children[0] as Node)?.join(".") === "import" ? unparen(item.children[1] as Node) : undefined
          const it = imported?.kind === "Literal" ? imported.children[0] : undefined
          if (isToken(it) && it.kind === "path") return it.text
        }
      }
    }
    for (const c of n.children) {
      if (!isNode(c)) continue
      const hit = find(c)
      if (hit !== undefined) return hit
    }
    return undefined
  }
  return find(call)
}

/** `X` of the first `X.lib.<fn> …` call in `n` (the flake input whose library builds the configuration). */
const libCallInput = (n: Node, fn: string): string | undefined => {
  if (n.kind === "Apply") {
    const name = dottedName(n.children[0] as Node)
    if (name !== undefined && name.length === 3 && name[1] === "lib" && name[2] === fn) return name[0]
  }
  for (const c of n.children) {
    if (!isNode(c)) continue
    const hit = libCallInput(c, fn)
    if (hit !== undefined) return hit
  }
  return undefined
}

/**
 * The inputs a configuration is built from: `nixpkgs.lib.nixosSystem` names the nixpkgs input,
 * `home-manager.lib.homeManagerConfiguration` the home-manager one (nixpkgs is then `nixpkgs`).
 */
const flakeInputs = (value: Node, attr: "nixosConfigurations" | "homeConfigurations"): Readonly<Record<string, string>> =>
  attr === "nixosConfigurations"
    ? { nixpkgs: libCallInput(value, "nixosSystem") ?? "nixpkgs" }
    : { nixpkgs: "nixpkgs", "home-manager": libCallInput(value, "homeManagerConfiguration") ?? "home-manager" }

/** The module a flake's configuration starts from (and the inputs it is built with), or why there is none. */
export const flakeModule = (
  flakeText: string,
  flakeFile: string,
  attr: "nixosConfigurations" | "homeConfigurations",
  wanted: ReadonlyArray<string>
): { readonly main: string; readonly name: string; readonly inputs: Readonly<Record<string, string>> } | { readonly reason: string } => {
  const parsed = parseNix(flakeText)
  if (!parsed.ok) return { reason: `${flakeFile}:${parsed.error.line}: ${parsed.error.message}` }
  const configs = configurationsIn(parsed.root, attr)
  if (configs.length === 0) return { reason: `${flakeFile} defines no ${attr}` }
  const chosen = configs.find((c) => wanted.includes(c.name)) ?? (configs.length === 1 ? configs[0] : undefined)
  if (chosen === undefined) {
    return { reason: `${flakeFile} defines ${configs.map((c) => `${attr}.${c.name}`).join(", ")}; none is called ${wanted.join(" or ")} (pass --config with the module to edit)` }
  }
  const module = firstModule(chosen.value)
  if (module === undefined) return { reason: `${attr}.${chosen.name} in ${flakeFile} lists no module file (pass --config)` }
  return { main: resolveImportPath(flakeFile, module, "/"), name: chosen.name, inputs: flakeInputs(chosen.value, attr) }
}

export type FindResult = { readonly found: FoundConfig } | { readonly missing: ReadonlyArray<string>; readonly reason?: string }

export const findConfigFile = <E>(search: ConfigSearch, probe: ConfigProbe<E>): Effect.Effect<FindResult, E> =>
  Effect.gen(function*() {
    const { kind, env, root } = search
    const tried: Array<string> = []
    const at = (path: string) => under(root, path)
    const home = env["HOME"] ?? "/root"
    const user = env["USER"] ?? ""
    const fromFlake = (flakeDir: string, attr: "nixosConfigurations" | "homeConfigurations", wanted: ReadonlyArray<string>) =>
      Effect.gen(function*() {
        const file = `${flakeDir}/flake.nix`
        const found = flakeModule(yield* probe.read(file), file, attr, wanted)
        if ("reason" in found) return { missing: tried, reason: found.reason } satisfies FindResult
        return {
          found: { kind, main: found.main, how: `${attr}.${found.name} in ${file}`, flake: { dir: flakeDir, name: found.name, inputs: found.inputs } }
        } satisfies FindResult
      })
    if (search.explicit !== undefined) {
      if (!(yield* probe.exists(search.explicit))) return { missing: [search.explicit] }
      // --config flake.nix: the module of this host's (user's) configuration in it
      if (search.explicit.endsWith("/flake.nix") || search.explicit === "flake.nix") {
        const dir = search.explicit.includes("/") ? search.explicit.slice(0, search.explicit.lastIndexOf("/")) : "."
        return yield* kind === "nixos"
          ? fromFlake(dir, "nixosConfigurations", [search.hostname])
          : fromFlake(dir, "homeConfigurations", [user, `${user}@${search.hostname}`])
      }
      return { found: { kind, main: search.explicit, how: "--config" } }
    }
    if (kind === "nixos") {
      const fromEnv = env["NIXOS_CONFIG"]
      if (fromEnv !== undefined && fromEnv !== "") {
        tried.push(at(fromEnv))
        if (yield* probe.exists(at(fromEnv))) return { found: { kind, main: at(fromEnv), how: "NIXOS_CONFIG" } }
      }
      const flakeDir = at("/etc/nixos")
      tried.push(`${flakeDir}/flake.nix`)
      if (yield* probe.exists(`${flakeDir}/flake.nix`)) return yield* fromFlake(flakeDir, "nixosConfigurations", [search.hostname])
      const fromNixPath = nixPathEntry(env["NIX_PATH"], "nixos-config")
      if (fromNixPath !== undefined) {
        tried.push(at(fromNixPath))
        if (yield* probe.exists(at(fromNixPath))) return { found: { kind, main: at(fromNixPath), how: "nixos-config in NIX_PATH" } }
      }
      const standard = at("/etc/nixos/configuration.nix")
      tried.push(standard)
      if (yield* probe.exists(standard)) return { found: { kind, main: standard, how: "the standard place" } }
      return { missing: tried }
    }
    // the same places, in the same order, as the home-manager backend's detection (homePaths)
    const places = homePaths(userDirsFrom(env, home), root)
    for (const dir of places.flakeDirs) {
      const file = `${dir}/home.nix`
      tried.push(file)
      if (yield* probe.exists(file)) return { found: { kind, main: file, how: `the standard place (${dir})` } }
      tried.push(`${dir}/flake.nix`)
      if (yield* probe.exists(`${dir}/flake.nix`)) {
        return yield* fromFlake(dir, "homeConfigurations", [user, `${user}@${search.hostname}`])
      }
    }
    for (const file of places.configFiles.filter((f) => !tried.includes(f))) {
      tried.push(file)
      if (yield* probe.exists(file)) return { found: { kind, main: file, how: "the standard place" } }
    }
    return { missing: tried }
  })
