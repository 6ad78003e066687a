/** The options that go before the request (hoisted there by route.ts wherever the user typed them). */
import { Options } from "@effect/cli"
import { Option } from "effect"

export const BACKENDS = ["native", "profile", "nix-env", "instructions"] as const

export const globalOptions = {
  execute: Options.boolean("execute").pipe(Options.withDescription("Carry out the plan (default: only show it).")),
  dryRun: Options.boolean("dry-run").pipe(Options.withDescription("Only show what would be done (the default).")),
  showIntent: Options.boolean("show-intent").pipe(Options.withDescription("Print the understood intent and the reasoning, then continue.")),
  json: Options.boolean("json").pipe(Options.withDescription("JSON Lines on stdout; the last line is the result object.")),
  backend: Options.choice("backend", BACKENDS).pipe(Options.optional, Options.withDescription("Force one backend instead of the chain.")),
  profile: Options.text("profile").pipe(Options.optional, Options.withDescription("The profile to manage (default: your user profile).")),
  file: Options.text("file").pipe(Options.optional, Options.withDescription("Take packages from this Nix file (as nix-env -f).")),
  flake: Options.text("flake").pipe(Options.withDefault("nixpkgs"), Options.withDescription("Take packages from this flake.")),
  index: Options.text("index").pipe(Options.optional, Options.withDescription("The package index file (default: $XDG_CACHE_HOME/ask-nix/index).")),
  system: Options.boolean("system").pipe(Options.withDescription("The request is about the NixOS system.")),
  user: Options.boolean("user").pipe(Options.withDescription("The request is about your user profile.")),
  home: Options.boolean("home").pipe(Options.withDescription("The request is about home-manager (its generations, switch, rollback, flake).")),
  flakeDir: Options.text("flake-dir").pipe(Options.optional, Options.withDescription("The flake whose inputs `flake update` updates (default: the current folder; /etc/nixos with --system).")),
  root: Options.text("root").pipe(Options.withDefault("/"), Options.withDescription("Look for the NixOS system under this folder.")),
  yes: Options.boolean("yes").pipe(Options.withAlias("y"), Options.withDescription("Answer yes to confirmations."))
}

export interface GlobalConfig {
  readonly execute: boolean
  readonly dryRun: boolean
  readonly showIntent: boolean
  readonly json: boolean
  readonly backend: Option.Option<string>
  readonly profile: Option.Option<string>
  readonly file: Option.Option<string>
  readonly flake: string
  readonly index: Option.Option<string>
  readonly system: boolean
  readonly user: boolean
  readonly home: boolean
  readonly flakeDir: Option.Option<string>
  readonly root: string
  readonly yes: boolean
}
