/** Examples shown in --help of each command. */
export const commandExamples: Readonly<Record<string, ReadonlyArray<string>>> = {
  "ask-nix": [
    'ask-nix "install firefox"              # show the plan (nothing changes)',
    'ask-nix --execute install firefox      # do it',
    'ask-nix "what provides rg"',
    'ask-nix "undo my last update"',
    'ask-nix search pdf viewer',
    'ask-nix --json list'
  ],
  install: ["ask-nix install firefox", "ask-nix --execute install git tmux", "ask-nix --file ./pkgs.nix install hello"],
  remove: ["ask-nix remove htop", "ask-nix --execute remove git curl"],
  update: ["ask-nix update            # everything", "ask-nix update firefox", "ask-nix --execute update"],
  search: ["ask-nix search firefox", "ask-nix search pdf viewer", "ask-nix --json search ripgrep"],
  list: ["ask-nix list", "ask-nix --json list", "ask-nix --profile /tmp/p list"],
  rollback: ["ask-nix rollback", "ask-nix rollback --to 12", "ask-nix rollback --back 2", "ask-nix --execute rollback"],
  generations: ["ask-nix generations", "ask-nix --json generations"],
  clean: ["ask-nix clean", "ask-nix clean --keep 3", "ask-nix --execute clean --keep 5"],
  info: ["ask-nix info htop", "ask-nix --json info git"],
  try: ["ask-nix try cowsay", "ask-nix --execute try python3 --command python3"],
  provides: ["ask-nix provides rg", "ask-nix provides convert"],
  explain: ["ask-nix explain generation", "ask-nix explain flake"],
  help: ["ask-nix help"],
  parse: ['ask-nix parse "please install vim and git"', 'ask-nix parse --json "get rid of emacs"'],
  ask: ['ask-nix ask "install firefox"   # the same as ask-nix "install firefox"'],
  index: ["ask-nix index build", "ask-nix index build --download", "ask-nix index build --from packages.json.br", "ask-nix index build --programs /nix/var/nix/profiles/per-user/root/channels/nixos/programs.sqlite", "ask-nix index status"]
}

export const examplesText = (name: string): string => {
  const ex = commandExamples[name] ?? []
  return ex.length === 0 ? "" : `\n\nExamples:\n${ex.map((e) => `  ${e}`).join("\n")}`
}
