/**
 * How to do in Nix what people ask about in forums and issue trackers, when it is not one ask-nix
 * command: packages from another channel, a specific version, home-manager, dev shells, unfree
 * packages, overlays, foreign binaries, removing Nix itself ... Each answer gives the exact way.
 * Read by ./explanations.ts (same shape as its entries).
 */
export interface HowTo {
  readonly topic: string
  readonly words: ReadonlyArray<string>
  readonly text: string
}

export const howTos: ReadonlyArray<HowTo> = [
  {
    topic: "unstable",
    words: [
      "unstable", "nixos-unstable", "nixpkgs-unstable", "unstable channel", "another channel", "different channel",
      "other channel", "pkgs.unstable", "master", "newer package", "newer version"
    ],
    text: "To take one package from another channel (e.g. unstable) and keep the rest: " +
      "`nix profile install github:NixOS/nixpkgs/nixos-unstable#firefox`, or with channels " +
      "`nix-channel --add https://nixos.org/channels/nixpkgs-unstable unstable && nix-channel --update && nix-env -iA unstable.firefox`. " +
      "In configuration.nix: `let unstable = import <unstable> { config = config.nixpkgs.config; }; in { environment.systemPackages = [ unstable.firefox ]; }`; " +
      "with flakes, add the input `nixpkgs-unstable.url = \"github:NixOS/nixpkgs/nixos-unstable\";` and use `inputs.nixpkgs-unstable.legacyPackages.${system}.firefox`."
  },
  {
    topic: "version",
    words: [
      "version", "versions", "specific version", "older version", "old version", "particular version", "exact version",
      "pin", "pinning", "pinned", "pin nixpkgs", "pin a version", "pin the version"
    ],
    text: "nixpkgs has one version of most packages (plus numbered ones such as python311 or postgresql_15: `ask-nix search python`). " +
      "For another version, install it from the nixpkgs revision that had it: `nix profile install github:NixOS/nixpkgs/<revision>#hello` " +
      "(find revisions on https://lazamar.co.uk/nix-versions/), or change the source: `hello.overrideAttrs (old: { src = ...; })`. " +
      "To keep everything at fixed versions, pin nixpkgs: a flake's flake.lock does it, or `import (fetchTarball \"https://github.com/NixOS/nixpkgs/archive/<revision>.tar.gz\") {}`."
  },
  {
    topic: "home manager",
    // (not "home-manager" alone: "what is home-manager" asks about the package)
    words: ["home manager", "home.nix", "home.packages", "home.activation", "home-manager config", "home-manager configuration"],
    text: "home-manager manages your user's packages and dotfiles from one file, ~/.config/home-manager/home.nix: " +
      "packages in `home.packages = [ pkgs.ripgrep ];`, programs with their settings in `programs.git.enable = true;`. " +
      "Apply it with `home-manager switch`; `home-manager generations` lists earlier states. Install it with " +
      "`nix-channel --add https://github.com/nix-community/home-manager/archive/master.tar.gz home-manager && nix-channel --update && nix-shell '<home-manager>' -A install`, " +
      "or as a NixOS or flake module."
  },
  {
    topic: "shell",
    words: [
      "shell", "nix-shell", "nix shell", "shell.nix", "dev shell", "devshell", "development shell", "development environment",
      "dev environment", "mkshell", "nix develop", "direnv", "environment", "environments", "devenv"
    ],
    text: "A shell with packages, nothing installed: `nix-shell -p python3 python3Packages.numpy` (or `nix shell nixpkgs#python3`; " +
      "`ask-nix try python3 numpy`). For a project, write shell.nix: `{ pkgs ? import <nixpkgs> {} }: pkgs.mkShell { packages = [ pkgs.python3 ]; }` " +
      "and run `nix-shell`; with flakes, declare `devShells.${system}.default` and run `nix develop`. direnv's `use nix` / `use flake` enters it on cd."
  },
  {
    topic: "unfree",
    words: ["unfree", "allowunfree", "unfree packages", "non-free", "nonfree", "proprietary", "unfree license", "unfree licenses"],
    text: "Unfree packages are refused until you allow them: on NixOS `nixpkgs.config.allowUnfree = true;` in configuration.nix; " +
      "for nix-env and nix-shell `{ allowUnfree = true; }` in ~/.config/nixpkgs/config.nix; for `nix profile`/`nix run` " +
      "`NIXPKGS_ALLOW_UNFREE=1 nix profile install --impure nixpkgs#vscode`. Only some: " +
      "`nixpkgs.config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) [ \"vscode\" ];`."
  },
  {
    topic: "configuration.nix",
    words: [
      "configuration.nix", "systempackages", "environment.systempackages", "declarative", "declaratively", "nixos configuration",
      "nixos config", "system configuration", "module", "modules", "options", "option"
    ],
    text: "NixOS is configured in /etc/nixos/configuration.nix: packages for everyone in `environment.systemPackages = with pkgs; [ git vim ];`, " +
      "services and programs with their options (`services.openssh.enable = true;`, `programs.fish.enable = true;`, which also sets them up). " +
      "Apply the file with `sudo nixos-rebuild switch` (`ask-nix apply my config`); every apply is a generation you can boot or roll back to. " +
      "Options are listed at https://search.nixos.org/options."
  },
  {
    topic: "uninstall nix",
    words: ["uninstall nix", "remove nix", "uninstalling nix", "remove nixos", "uninstall nixos", "delete nix", "uninstall nix-darwin", "nix uninstall"],
    text: "To remove a package: `ask-nix remove firefox`. To remove Nix itself: the newer installer has `/nix/nix-installer uninstall`; " +
      "a multi-user install made by the official script: stop the daemon (`sudo systemctl disable --now nix-daemon.socket nix-daemon.service`, " +
      "on macOS `sudo launchctl unload /Library/LaunchDaemons/org.nixos.nix-daemon.plist`), restore /etc/bashrc and /etc/zshrc from their " +
      ".backup-before-nix copies, and delete /nix, /etc/nix and ~/.nix-profile ~/.nix-defexpr ~/.nix-channels (macOS: `sudo diskutil apfs deleteVolume /nix`); " +
      "a single-user install: `rm -rf /nix ~/.nix-*`."
  },
  {
    topic: "install nix",
    words: ["install nix", "installing nix", "nix installation", "nix installer", "single-user", "multi-user", "nix install", "install nixos"],
    text: "Install Nix for all users: `sh <(curl -L https://nixos.org/nix/install) --daemon`; for your user only: `--no-daemon`. " +
      "Open a new shell afterwards. NixOS itself is installed from its ISO (https://nixos.org/download), " +
      "or from another Linux with `nixos-install` after `nixos-generate-config --root /mnt`."
  },
  {
    topic: "foreign binaries",
    words: [
      "fhs", "non-nixos", "binary", "binaries", "precompiled", "/bin/bash", "steam-run", "nix-ld", "buildfhsenv",
      "appimage", "dynamically linked", "shared object", "libstdc++", "patchelf"
    ],
    text: "NixOS has no /lib or /usr/bin, so binaries built for other distributions do not start. Run them with `steam-run ./program` " +
      "or an `appimage-run` for AppImages; let them find libraries with `programs.nix-ld.enable = true;`; give them a usual file layout " +
      "with `pkgs.buildFHSEnv`; or package them (`autoPatchelfHook`). Scripts should start with `#!/usr/bin/env bash`."
  },
  {
    topic: "language packages",
    words: [
      "pip", "pypi", "python packages", "withpackages", "python3.withpackages", "npm", "node packages", "global packages",
      "cargo", "gem", "gems", "luarocks", "cabal", "poetry", "poetry2nix", "virtualenv", "venv"
    ],
    text: "Python libraries come with their interpreter: `nix-shell -p \"python3.withPackages (ps: [ ps.numpy ps.requests ])\"`, " +
      "the same expression in environment.systemPackages or home.packages. Node tools are in nodePackages (`nodePackages.typescript`). " +
      "`pip install` and `npm install -g` cannot write into the read-only store: use them inside a project (a venv in a nix-shell, " +
      "`npm config set prefix ~/.npm-global`), or package the project (poetry2nix, buildPythonPackage, buildNpmPackage)."
  },
  {
    topic: "overlay",
    words: ["overlay", "overlays", "override", "overrides", "overriding", "overrideattrs", "patch", "patches", "custom package"],
    text: "To change a package, override it: `pkgs.hello.overrideAttrs (old: { patches = old.patches ++ [ ./fix.patch ]; })`, " +
      "or its inputs with `.override { ... }`. To change it everywhere, put that in an overlay: " +
      "`nixpkgs.overlays = [ (final: prev: { hello = prev.hello.overrideAttrs (old: { ... }); }) ];` (NixOS) or in ~/.config/nixpkgs/overlays/."
  },
  {
    topic: "fonts",
    words: ["fonts", "font", "nerd fonts", "nerdfonts", "fontconfig"],
    text: "On NixOS, install fonts with `fonts.packages = with pkgs; [ noto-fonts nerdfonts ];` (`fonts.fonts` before 23.11) and rebuild. " +
      "With home-manager: `fonts.fontconfig.enable = true;` and the fonts in home.packages. In a plain profile, fonts land in " +
      "~/.nix-profile/share/fonts, which your desktop must be told about."
  },
  {
    topic: "homebrew",
    words: ["homebrew", "home-brew", "brew", "cask", "casks", "formula", "formulas", "nix-darwin", "darwin", "macos", "mac"],
    text: "On macOS, nix-darwin configures the system like NixOS and can drive Homebrew: `homebrew.enable = true; " +
      "homebrew.brews = [ \"ffmpeg\" ]; homebrew.casks = [ \"firefox\" ];`, applied with `darwin-rebuild switch`. " +
      "Nix's own GUI apps land in ~/Applications/Home Manager Apps or /Applications/Nix Apps."
  },
  {
    topic: "docker",
    words: ["docker", "container", "containers", "docker image", "dockertools", "podman", "oci"],
    text: "Run Docker on NixOS with `virtualisation.docker.enable = true;` (and your user in the docker group: `users.users.you.extraGroups = [ \"docker\" ];`). " +
      "Nix builds images without a Dockerfile: `pkgs.dockerTools.buildLayeredImage { name = \"app\"; contents = [ pkgs.hello ]; }`; " +
      "NixOS containers: `containers.<name>`."
  },
  {
    topic: "priority",
    words: ["priority", "priorities", "conflict", "conflicting", "collision", "collisions", "identical names", "same name"],
    text: "Two packages in a profile that ship the same file collide. Choose which wins: `nix-env --set-flag priority 4 hello` " +
      "(lower wins) or `nix profile install --priority 4 nixpkgs#hello`; in configuration.nix `(lib.hiPrio pkgs.hello)`."
  },
  {
    topic: "command-not-found",
    words: ["command-not-found", "nix-index", "nix-locate", "comma", "which package", "find which package"],
    text: "Which package has a command: `ask-nix provides rg`. nix-index builds a database of every file in nixpkgs " +
      "(`nix-index`, then `nix-locate bin/rg`); with `programs.nix-index.enable = true;` your shell says which package to install " +
      "when a command is missing, and comma (`, rg`) runs it without installing."
  }
]
