/** Examples shown in --help: the root's and the CLI's own commands' (intent kinds bring theirs: src/domain/intents). */
export const cliExamples: Readonly<Record<string, ReadonlyArray<string>>> = {
  "ask-nix": [
    'ask-nix "install firefox"              # show the plan (nothing changes)',
    'ask-nix --execute install firefox      # do it',
    'ask-nix "what provides rg"',
    'ask-nix "undo my last update"',
    'ask-nix search pdf viewer',
    'ask-nix --json list'
  ],
  parse: ['ask-nix parse "please install vim and git"', 'ask-nix parse --json "get rid of emacs"'],
  ask: ['ask-nix ask "install firefox"   # the same as ask-nix "install firefox"'],
  index: ["ask-nix index build", "ask-nix index build --from nixpkgs.json.gz", "ask-nix index status"]
}

export const examplesText = (examples: ReadonlyArray<string>): string =>
  examples.length === 0 ? "" : `\n\nExamples:\n${examples.map((e) => `  ${e}`).join("\n")}`
