/**
 * What shells say when a command is missing, in every wording, anywhere in a request ("Running `python`
 * gives error `python: command not found`"): the command is captured as group 1. Read by ../realText.ts.
 */
const NAME = "([A-Za-z0-9_][\\w.+-]*)"
const Q = "[`'\"\u2018\u2019\u201c\u201d]?"

export const commandNotFound: ReadonlyArray<RegExp> = [
  // zsh: "zsh: command not found: sox"
  new RegExp(`command not found:\\s*${Q}${NAME}`, "i"),
  // bash, tcsh, and people: "bash: rustc: command not found", "-bash: x: command not found", "x: Command not found."
  new RegExp(`${Q}${NAME}${Q}:\\s*command not found`, "i"),
  // dash / sh: "sh: 1: make: not found", "/bin/sh: 1: make: not found"
  new RegExp(`\\b(?:sh|dash|ash|ksh|bash):\\s*(?:line\\s*)?\\d+:\\s*${Q}${NAME}${Q}:\\s*not found`, "i"),
  // fish: "fish: Unknown command: x", "fish: Unknown command 'x'"
  new RegExp(`unknown command:?\\s*${Q}${NAME}`, "i"),
  // nushell: "`x` is neither a Nushell built-in or a known external command", "Command `x` not found"
  new RegExp(`${Q}${NAME}${Q} is neither a nushell built-?in`, "i"),
  new RegExp(`\\bcommand ${Q}${NAME}${Q} not found`, "i"),
  // command-not-found on NixOS and Ubuntu: "The program 'x' is not in your PATH", "... is currently not installed"
  new RegExp(`the program ${Q}${NAME}${Q} is (?:currently )?not (?:installed|in your path)`, "i"),
  // PowerShell: "The term 'x' is not recognized as the name of a cmdlet"
  new RegExp(`the term ${Q}${NAME}${Q} is not recognized`, "i"),
  // "nix-shell can't find "which" command."
  new RegExp(`(?:cannot|can't|can not|could not|couldn't) find (?:the )?${Q}${NAME}${Q} (?:command|binary|executable)`, "i")
]
