/**
 * The handlers that edit configuration.nix / home.nix, shared by the system and home-manager backends
 * (loaded only when one of them is asked to edit): `configure` (words or an option name -> settings,
 * from the options data), `install` / `remove` (the target's package list), each proven by evaluation
 * before it is shown (proveConfigChange), and writing a proven plan (atomically, with backups) when it
 * is carried out. The backend runs the plan's steps (the rebuild) afterwards.
 */
import { Effect, Either } from "effect"
import type * as FileSystem from "@effect/platform/FileSystem"
import type { PlatformError } from "@effect/platform/Error"
import { ConfigFileError, OptionValueInvalid, UnknownOption } from "../../../domain/configErrors.js"
import { NeedsConfirmation, type ServeError } from "../../../domain/errors.js"
import type { Configure, Install, Remove } from "../../../domain/Intent.js"
import type { ConfigChange } from "../../../domain/nixfile/configEdit.js"
import type { ConfigKind } from "../../../domain/nixfile/configFiles.js"
import { findConfigFile, type FlakeOrigin } from "../../../domain/nixfile/findConfigFile.js"
import { parseFlakeLock } from "../../../domain/flake/FlakeLock.js"
import { inputLocation } from "../../../domain/flake/inputPath.js"
import type { SearchPathEntry } from "../../../domain/configEval/evalArgv.js"
import { definedPaths } from "../../../domain/nixfile/locate.js"
import { moduleShape } from "../../../domain/nixfile/moduleShape.js"
import { type NixValue, renderNixValue } from "../../../domain/nixfile/nixValue.js"
import { parseNix } from "../../../domain/nixfile/parseNix.js"
import type { OptionScope } from "../../../domain/options/OptionRecord.js"
import { coerceValue, parseOptionType } from "../../../domain/options/optionTypes.js"
import { configureWords, type Resolution } from "../../../domain/options/resolveSetting.js"
import type { Plan, Step, WrittenConfig } from "../../../domain/Plan.js"
import { ConfigEvaluator } from "../../../services/ConfigEvaluator.js"
import { ConfigStore } from "../../../services/ConfigStore.js"
import { DryRunPolicy } from "../../../services/DryRunPolicy.js"
import { NixOptions } from "../../../services/NixOptions.js"
import { Settings, type SettingsShape } from "../../../services/Settings.js"
import { type ProvenChange, proveConfigChange } from "./configChange.js"

/** Which file a backend edits, how it was found, and how an edit is applied. */
export interface ConfigTarget {
  readonly backend: string
  /** How the file is evaluated: as a NixOS configuration or a home-manager one. */
  readonly kind: ConfigKind
  readonly main: string
  /** How the file was found ("NIXOS_CONFIG", "--config", "the standard place"). */
  readonly how: string
  /** Whose options the words name. */
  readonly options: OptionScope
  /** Where those options are in the file (home-manager as a NixOS module: home-manager.users.alice). */
  readonly prefix: ReadonlyArray<string>
  /** The steps that apply a written edit (nixos-rebuild switch, home-manager switch), and what they need. */
  readonly apply: ReadonlyArray<Step>
  readonly applyPreview: Readonly<Record<string, unknown>>
  /** Notes about the target (a flake's module is evaluated with the flake's inputs). */
  readonly notes: ReadonlyArray<string>
  /** <nixpkgs> (<home-manager>) to evaluate with instead of NIX_PATH's: a flake's own inputs. */
  readonly searchPath: ReadonlyArray<SearchPathEntry>
}

const showValue = (v: NixValue) => renderNixValue(v)

export interface FoundTarget {
  readonly main: string
  readonly how: string
  /** <nixpkgs> (<home-manager>) to evaluate it with instead of NIX_PATH's: a flake's own inputs. */
  readonly searchPath: ReadonlyArray<SearchPathEntry>
  /** What the plan says about how it is evaluated (the flake's inputs used). */
  readonly notes: ReadonlyArray<string>
}

const under = (root: string, path: string): string => (root === "/" ? path : `${root.replace(/\/$/, "")}${path}`)

/**
 * The folders of the inputs a flake's configuration is built with, from its flake.lock, as the flake
 * would see them: a `path:` input's folder, any other input's store path. Nothing is fetched: an
 * input that is not on this machine is an error that says how to get it.
 */
const flakeSearchPath = (
  files: FileSystem.FileSystem,
  root: string,
  flake: FlakeOrigin
): Effect.Effect<Pick<FoundTarget, "searchPath" | "notes">, ServeError> =>
  Effect.gen(function*() {
    const lockFile = `${flake.dir}/flake.lock`
    const gone = (e: PlatformError) => new ConfigFileError({ path: lockFile, detail: `cannot read it (${e.message})` })
    if (!(yield* Effect.mapError(files.exists(lockFile), gone))) {
      return yield* Effect.fail(new ConfigFileError({
        path: lockFile,
        detail: `the configuration is a flake's, and without its flake.lock ask-nix cannot tell which ${Object.keys(flake.inputs).join(" and ")} it is built with`,
        hint: `Lock it once (this fetches the inputs): nix flake lock ${flake.dir}`
      }))
    }
    const lock = parseFlakeLock(yield* Effect.mapError(files.readFileString(lockFile), gone))
    if (Either.isLeft(lock)) return yield* Effect.fail(new ConfigFileError({ path: lockFile, detail: lock.left, hint: `Lock it again: nix flake lock ${flake.dir}` }))
    const searchPath: Array<SearchPathEntry> = []
    const notes: Array<string> = []
    for (const [name, input] of Object.entries(flake.inputs)) {
      const at = inputLocation(lock.right, input, flake.dir)
      if (at._tag === "missing") {
        return yield* Effect.fail(new ConfigFileError({ path: lockFile, detail: `${at.reason}, so the configuration cannot be evaluated with the flake's ${name}`, hint: `Lock it again: nix flake lock ${flake.dir}` }))
      }
      // a mounted system's (--root) store and folders are under it; a path input may also be outside
      const candidates = root === "/" ? [at.path] : [under(root, at.path), at.path]
      let path: string | undefined
      for (const c of candidates) {
        if (path === undefined && (yield* Effect.mapError(files.exists(c), gone))) path = c
      }
      if (path === undefined) {
        return yield* Effect.fail(new ConfigFileError({
          path: lockFile,
          detail: `the flake's ${input} input (${at.source}) is not on this machine (no ${at.path}), and the configuration is evaluated with it; nothing is fetched`,
          hint: `Fetch the flake's inputs once while online: nix flake archive ${flake.dir} (or nix build ${flake.dir}#nixosConfigurations.${flake.name}.config.system.build.toplevel --dry-run). Or pass --config with a configuration.nix to evaluate it with NIX_PATH's <${name}>.`
        }))
      }
      searchPath.push({ name, path })
      notes.push(`<${name}> is the flake's ${input} input (${at.source}: ${path})`)
    }
    return { searchPath, notes: [`Evaluated with the flake's own inputs, not NIX_PATH: ${notes.join("; ")}.`] }
  })

/** The configuration file of `kind`, as nixos-rebuild / home-manager find it (--config first, under --root). */
export const findTarget = (
  files: FileSystem.FileSystem,
  settings: SettingsShape,
  hostname: string,
  kind: ConfigKind
): Effect.Effect<FoundTarget, ServeError> => {
  const gone = (e: PlatformError) => new ConfigFileError({ path: "(configuration)", detail: `cannot look for it (${e.message})` })
  return findConfigFile(
    { kind, explicit: settings.config, env: settings.configEnv, hostname, root: settings.root },
    { exists: (p) => Effect.mapError(files.exists(p), gone), read: (p) => Effect.mapError(files.readFileString(p), gone) }
  ).pipe(Effect.flatMap((r): Effect.Effect<FoundTarget, ServeError> =>
    "found" in r
      ? r.found.flake === undefined
        ? Effect.succeed({ main: r.found.main, how: r.found.how, searchPath: [], notes: [] })
        : Effect.map(flakeSearchPath(files, settings.root, r.found.flake), (inputs) => ({ main: r.found.main, how: r.found.how, ...inputs }))
      : Effect.fail(new ConfigFileError({
        path: r.missing[0] ?? "(none)",
        detail: r.reason ?? `there is no ${kind === "home" ? "home-manager" : "NixOS"} configuration file (looked at ${r.missing.join(", ")})`,
        hint: "Pass the file with --config PATH."
      }))))
}

export const makeConfigHandlers = Effect.gen(function*() {
  const store = yield* ConfigStore
  const evaluator = yield* ConfigEvaluator
  const options = yield* NixOptions
  const policy = yield* DryRunPolicy
  const settings = yield* Settings
  const proven = new WeakMap<Plan, ProvenChange>()

  /** Option names the configuration already sets (they break ties between similar options). */
  const context = (target: ConfigTarget) =>
    Effect.map(Effect.either(store.read(target.main)), (files) => {
      if (Either.isLeft(files)) return []
      return files.right.order.flatMap((path) => {
        const parsed = parseNix(files.right.texts.get(path) ?? "")
        const shape = parsed.ok ? moduleShape(parsed.root) : undefined
        return shape?.ok === true ? definedPaths(shape.shape.body) : []
      })
    })

  const fromResolution = (r: Resolution, scope: OptionScope): Effect.Effect<ReadonlyArray<ConfigChange>, ServeError> => {
    if (r.ok) return Effect.succeed(r.settings.map((s) => ({ kind: "setOption", option: s.option.split("."), value: s.value })))
    switch (r.reason) {
      case "no-option":
        return Effect.fail(new UnknownOption({ name: r.words, suggestions: r.suggestions ?? [], scope: scope === "nixos" ? "NixOS" : "home-manager" }))
      case "ambiguous":
        return Effect.fail(new NeedsConfirmation({
          reason: "Several options fit these words. Say which one (ask-nix configure OPTION VALUE):",
          choices: r.choices
        }))
      case "bad-value":
        return Effect.fail(new OptionValueInvalid({ option: r.option, type: r.type, value: r.value, reason: r.why }))
      case "no-value":
        return Effect.fail(new NeedsConfirmation({
          reason: `${r.option} (${r.type}) needs a value: say "set ${r.option} to VALUE", or ask-nix configure ${r.option} VALUE.`,
          choices: []
        }))
    }
  }

  /** An option named by its path: it must exist (did-you-mean), and the value must fit its type. */
  const named = (intent: Configure, option: string, scope: OptionScope): Effect.Effect<ReadonlyArray<ConfigChange>, ServeError> =>
    Effect.gen(function*() {
      const record = yield* options.get(scope, option)
      if (record === undefined) {
        const suggestions = yield* options.suggest(scope, option)
        return yield* Effect.fail(new UnknownOption({ name: option, suggestions, scope: scope === "nixos" ? "NixOS" : "home-manager" }))
      }
      const type = parseOptionType(record.type)
      const raw = intent.value ?? (intent.action === "disable" ? "false" : intent.action === "enable" ? "true" : undefined)
      if (raw === undefined) {
        return yield* Effect.fail(new NeedsConfirmation({ reason: `${option} (${record.type}) needs a value: ask-nix configure ${option} VALUE`, choices: [] }))
      }
      const value = coerceValue(type, raw)
      if (!value.ok) return yield* Effect.fail(new OptionValueInvalid({ option, type: record.type, value: raw, reason: value.reason }))
      return [{ kind: "setOption", option: option.split("."), value: value.value }]
    })

  const planFor = (
    target: ConfigTarget,
    intent: Plan["intent"],
    changes: ReadonlyArray<ConfigChange>
  ): Effect.Effect<Plan, ServeError> =>
    Effect.gen(function*() {
      const placed = changes.map((c): ConfigChange => ({ ...c, option: [...target.prefix, ...c.option] }))
      const change = yield* proveConfigChange({ kind: target.kind, main: target.main, changes: placed, preview: policy.dryRun, searchPath: target.searchPath }).pipe(
        Effect.provideService(ConfigStore, store),
        Effect.provideService(ConfigEvaluator, evaluator)
      )
      const notes = [...change.plan.notes]
      if (change.plan.edits.length === 0) {
        return { backend: target.backend, intent, steps: [], notes: [`${target.main}: nothing to change.`, ...notes], preview: { configFile: target.main, edits: [] } }
      }
      const t = change.timings
      const lines = [
        `The change to ${change.plan.edits.map((e) => e.path).join(", ")} (found: ${target.how}):`,
        ...change.diff.trimEnd().split("\n").map((l) => `  ${l}`),
        `Checked by evaluating the edited configuration (${(t.checkMs / 1000).toFixed(1)} s): ${change.proof.join("; ")}.`,
        ...(change.preview === undefined ? [] : [previewLine(change.preview, t.previewMs, target.kind)]),
        ...notes.map((n) => `Note: ${n}.`),
        ...target.notes,
        ...(settings.editOnly ? ["--edit-only: the file is written, not applied; apply it later with ask-nix apply my config."] : [])
      ]
      const plan: Plan = {
        backend: target.backend,
        intent,
        writes: change.plan.edits.map((e) => e.path),
        steps: settings.editOnly ? [] : target.apply,
        notes: lines,
        preview: {
          ...(settings.editOnly ? {} : target.applyPreview),
          configFile: target.main,
          found: target.how,
          diff: change.diff,
          settings: changes.flatMap((c) => (c.kind === "setOption" ? [{ option: [...target.prefix, ...c.option].join("."), value: showValue(c.value) }] : [])),
          checked: change.proof,
          packages: change.preview ?? null,
          timings: { planMs: Math.round(t.planMs), checkMs: Math.round(t.checkMs), previewMs: Math.round(t.previewMs) }
        }
      }
      proven.set(plan, change)
      return plan
    })

  return {
    configure: (intent: Configure, target: ConfigTarget): Effect.Effect<Plan, ServeError> =>
      Effect.gen(function*() {
        const changes = intent.option !== undefined
          ? yield* named(intent, intent.option, target.options)
          : yield* Effect.flatMap(context(target), (ctx) =>
            Effect.flatMap(options.resolve(target.options, configureWords({ text: intent.text, action: intent.action ?? "set", value: intent.value }), ctx),
              (r) => fromResolution(r, target.options)))
        return yield* planFor(target, intent, changes)
      }),
    packages: (intent: Install | Remove, target: ConfigTarget, option: ReadonlyArray<string>, owner?: ReadonlyArray<string>) =>
      planFor(target, intent, intent.packages.map((p): ConfigChange =>
        intent._tag === "install"
          ? { kind: "addPackage", option, pkg: p.split("."), ...(owner !== undefined ? { owner } : {}) }
          : { kind: "removePackage", option, pkg: p.split(".") })),
    /** A plan these handlers made (so its backend writes the files before running its steps). */
    owns: (plan: Plan): boolean => proven.has(plan),
    write: (plan: Plan): Effect.Effect<ReadonlyArray<WrittenConfig>, ServeError> => {
      const change = proven.get(plan)
      return change === undefined ? Effect.dieMessage("configHandlers.write: a plan it did not make") : store.write(change.plan.edits)
    }
  }
})

export type ConfigHandlers = Effect.Effect.Success<typeof makeConfigHandlers>

const previewLine = (p: NonNullable<ProvenChange["preview"]>, ms: number, kind: ConfigKind): string => {
  const what = kind === "home" ? "home-manager generation" : "system"
  const parts = [
    ...p.added.map((a) => `+ ${a.name} ${a.version}`),
    ...p.removed.map((r) => `- ${r.name} ${r.version}`),
    ...p.changed.map((c) => `${c.name} ${c.from} -> ${c.to}`)
  ]
  const shown = parts.length > 12 ? [...parts.slice(0, 12), `… ${parts.length - 12} more`] : parts
  return parts.length === 0
    ? `What changes in the ${what} (${(ms / 1000).toFixed(1)} s, nothing built): no packages added or removed.`
    : `What changes in the ${what} (${(ms / 1000).toFixed(1)} s, nothing built): ${shown.join(", ")}.`
}

/** The switch a package list lives in: the system's, a user's, home-manager's. */
export const packageOption = (kind: ConfigKind, user?: string): ReadonlyArray<string> =>
  kind === "home" ? ["home", "packages"] : user !== undefined ? ["users", "users", user, "packages"] : ["environment", "systemPackages"]
