/** `ask-nix index build|status`: the local package index. */
import { Command, Options } from "@effect/cli"
import { Option } from "effect"
import type { WithApp } from "./commands.js"
import { cliExamples, examplesText } from "./examples.js"
import { indexBuild, indexStatus } from "./indexActions.js"

export const indexCommand = (withApp: WithApp) => {
  const text = (name: string, description: string) => Options.text(name).pipe(Options.optional, Options.withDescription(description))
  const build = Command.make("build", {
    from: text("from", "Import a package list: `nix-env -qaP --json --meta` output or a NixOS release's packages.json (plain, .gz or .br)."),
    url: text("url", "Download a packages.json(.br) from this URL instead of evaluating nixpkgs (seconds instead of a minute)."),
    download: Options.boolean("download").pipe(Options.withDescription("Download the packages.json.br of the NixOS release your channel is (says which URL it used).")),
    programs: text("programs", "A programs database (a NixOS channel's programs.sqlite): `provides` is then certain. A channel build finds the channel's own."),
    options: text("options", "NixOS options (the manual's options.json, or the options data format; plain or .gz): for `ask-nix option` and what NixOS modules say packages are in search. Default on NixOS: the manual's options.json."),
    homeOptions: text("home-options", "home-manager options (same formats), for `ask-nix option` with --home.")
  }, ({ from, url, download, programs, options, homeOptions }) => withApp((s) => indexBuild(s, {
    from: Option.getOrUndefined(from), url: Option.getOrUndefined(url), download, programs: Option.getOrUndefined(programs),
    nixosOptions: Option.getOrUndefined(options), homeOptions: Option.getOrUndefined(homeOptions)
  }))).pipe(
    Command.withDescription(`Build the package index from your Nix (or --from FILE, --url URL, --download).${examplesText(cliExamples["index"] ?? [])}`)
  )
  const status = Command.make("status", {}, () => withApp(() => indexStatus)).pipe(
    Command.withDescription("Show the package index: source, revision, packages, age, size.")
  )
  return Command.make("index").pipe(
    Command.withDescription(`The local package index used for search, info and provides.${examplesText(cliExamples["index"] ?? [])}`),
    Command.withSubcommands([build, status])
  )
}
