/**
 * Well-known commands whose package has another name. Used by `provides` when the index has no
 * meta.mainProgram (nixpkgs before 2021 had none) and the data has no file lists. Candidates only
 * count when the index has that attribute path.
 */
export const KNOWN_COMMANDS: Readonly<Record<string, ReadonlyArray<string>>> = {
  rg: ["ripgrep"], ag: ["silver-searcher", "silver_searcher"], nvim: ["neovim"], vi: ["vim", "neovim"],
  node: ["nodejs"], npm: ["nodejs"], npx: ["nodejs"], python: ["python3", "python"], python3: ["python3"],
  pip: ["python3Packages.pip"], pip3: ["python3Packages.pip"], convert: ["imagemagick"], magick: ["imagemagick"],
  ffprobe: ["ffmpeg"], dig: ["dnsutils", "bind"], nslookup: ["dnsutils", "bind"], host: ["dnsutils", "bind"],
  ifconfig: ["nettools"], netstat: ["nettools"], route: ["nettools"], ip: ["iproute", "iproute2"],
  ss: ["iproute", "iproute2"], ssh: ["openssh"], scp: ["openssh"], sftp: ["openssh"], "ssh-keygen": ["openssh"],
  gpg: ["gnupg"], gpg2: ["gnupg"], make: ["gnumake"], cc: ["gcc"], "g++": ["gcc"], "c++": ["gcc"],
  javac: ["jdk", "openjdk"], java: ["jdk", "jre", "openjdk"], go: ["go"], gofmt: ["go"],
  pdftotext: ["poppler_utils"], pdfinfo: ["poppler_utils"], "xdg-open": ["xdg_utils", "xdg-utils"],
  lsusb: ["usbutils"], lspci: ["pciutils"], http: ["httpie"], delta: ["gitAndTools.delta"],
  tig: ["tig", "gitAndTools.tig"], hub: ["gitAndTools.hub"], gh: ["gitAndTools.gh", "gh"],
  "7z": ["p7zip"], unzip: ["unzip"], xz: ["xz"], strings: ["binutils"], objdump: ["binutils"], ld: ["binutils"],
  nc: ["netcat", "netcat-gnu", "netcat-openbsd"], ncat: ["nmap"], killall: ["psmisc"], pstree: ["psmisc"],
  free: ["procps"], ps: ["procps"], top: ["procps"], watch: ["procps"], kill: ["procps"],
  lsblk: ["utillinux", "util-linux"], mount: ["utillinux", "util-linux"], fdisk: ["utillinux", "util-linux"],
  dd: ["coreutils"], ls: ["coreutils"], cp: ["coreutils"], find: ["findutils"], xargs: ["findutils"],
  emacs: ["emacs"], code: ["vscode"], codium: ["vscodium"], chrome: ["google-chrome"], "google-chrome-stable": ["google-chrome"],
  chromium: ["chromium"], psql: ["postgresql"], "redis-server": ["redis"], "redis-cli": ["redis"],
  mysql: ["mysql", "mariadb"], sqlite3: ["sqlite"], docker: ["docker"], kubectl: ["kubectl"],
  cargo: ["cargo"], rustc: ["rustc"], ghc: ["ghc"], ocaml: ["ocaml"], erl: ["erlang"], iex: ["elixir"],
  ruby: ["ruby"], gem: ["ruby"], perl: ["perl"], php: ["php"], lua: ["lua"], R: ["R"], julia: ["julia"],
  latex: ["texlive.combined.scheme-full", "texlive.combined.scheme-medium"], pdflatex: ["texlive.combined.scheme-medium"],
  youtube_dl: ["youtube-dl"], "youtube-dl": ["youtube-dl"], mpv: ["mpv"], vlc: ["vlc"], gimp: ["gimp"],
  inkscape: ["inkscape"], soffice: ["libreoffice"], libreoffice: ["libreoffice"], firefox: ["firefox"],
  thunderbird: ["thunderbird"], telegram: ["tdesktop"], "telegram-desktop": ["tdesktop"], zoom: ["zoom-us"],
  tmux: ["tmux"], screen: ["screen"], htop: ["htop"], git: ["git"], curl: ["curl"], wget: ["wget"], jq: ["jq"],
  nix: ["nix"], "nix-env": ["nix"], gcc: ["gcc"], clang: ["clang"], cmake: ["cmake"], ninja: ["ninja"],
  xclip: ["xclip"], xsel: ["xsel"], sed: ["gnused"], awk: ["gawk"], gawk: ["gawk"], grep: ["gnugrep"],
  tar: ["gnutar"], bash: ["bash"], zsh: ["zsh"], fish: ["fish"], batcat: ["bat"], fdfind: ["fd"]
}

/** Everyday names of packages that are not their attribute path (searched like names, below exact ones). */
export const EVERYDAY_NAMES: Readonly<Record<string, ReadonlyArray<string>>> = {
  java: ["jdk", "openjdk"], openjdk: ["jdk"], postgres: ["postgresql"], golang: ["go"], rust: ["rustc", "cargo"],
  chrome: ["google-chrome", "chromium"], "google-chrome": ["google-chrome"], vscode: ["vscode"], "vs-code": ["vscode"],
  "visual-studio-code": ["vscode"], telegram: ["tdesktop"], "telegram-desktop": ["tdesktop"], node: ["nodejs"],
  "node.js": ["nodejs"], nodejs: ["nodejs"], python: ["python3"], mysql: ["mysql", "mariadb"], office: ["libreoffice"],
  photoshop: ["gimp", "krita"], word: ["libreoffice", "abiword"], excel: ["libreoffice", "gnumeric"],
  latex: ["texlive.combined.scheme-medium"], tex: ["texlive.combined.scheme-medium"], k8s: ["kubectl", "kubernetes"],
  yt: ["youtube-dl"], "youtube-dl": ["youtube-dl"], ripgrep: ["ripgrep"], rg: ["ripgrep"], ag: ["silver-searcher"],
  nvim: ["neovim"], gpg: ["gnupg"], ssh: ["openssh"], make: ["gnumake"], imagemagick: ["imagemagick"]
}
