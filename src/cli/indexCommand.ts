/** `ask-nix index build|status`: the local package index. */
import { Command, Options } from "@effect/cli"
import type { WithApp } from "./commands.js"
import { cliExamples, examplesText } from "./examples.js"
import { indexBuild, indexStatus } from "./indexActions.js"

export const indexCommand = (withApp: WithApp) => {
  const build = Command.make("build", {
    from: Options.text("from").pipe(Options.optional, Options.withDescription("Import a file in `nix-env -qaP --json --meta` format (plain or .gz)."))
  }, ({ from }) => withApp((s) => indexBuild(s, from._tag === "Some" ? from.value : undefined))).pipe(
    Command.withDescription(`Build the package index from your Nix (or --from FILE).${examplesText(cliExamples["index"] ?? [])}`)
  )
  const status = Command.make("status", {}, () => withApp(() => indexStatus)).pipe(
    Command.withDescription("Show the package index: source, revision, packages, age, size.")
  )
  return Command.make("index").pipe(
    Command.withDescription(`The local package index used for search, info and provides.${examplesText(cliExamples["index"] ?? [])}`),
    Command.withSubcommands([build, status])
  )
}
