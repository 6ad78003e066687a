/**
 * Shell completions come from @effect/cli. Its bash script (0.77) names the root command `ask__nix` in
 * the subcommand transitions but `ask-nix` in the state it starts from, so nothing after the first word
 * completes; `fixBashCompletions` makes the two agree (tested by running the script in bash).
 */
export const fixBashCompletions = (script: string): string =>
  script.replace(/^(\s*)ask__nix,/gm, "$1ask-nix,")
